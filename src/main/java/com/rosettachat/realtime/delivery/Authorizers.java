package com.rosettachat.realtime.delivery;

import com.rosettachat.channel.ChannelAccess;
import com.rosettachat.direct.DirectService;
import com.rosettachat.realtime.Caller;
import com.rosettachat.realtime.ChannelAuthorizer;
import com.rosettachat.realtime.RealtimeChannels;
import com.rosettachat.realtime.Subscriber;
import com.rosettachat.room.Room;
import com.rosettachat.room.RoomService;
import com.rosettachat.user.UserService;
import com.rosettachat.workspace.Membership;
import com.rosettachat.workspace.WorkspaceAccess;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may listen where, asked at {@code /broadcasting/auth} and again on every recheck: the same
 * rules as reading the records over REST, and the language the REST API would render them in.
 */
@Configuration(proxyBeanMethods = false)
class Authorizers {

    // Each private channel has a presence twin (who is listening), open to the same callers.
    private static final String KIND = "(?:private|presence)-";
    private static final String ID = "([0-9a-zA-Z]{26})";
    private static final Pattern WORKSPACE_CHANNEL = Pattern.compile(KIND + "workspace\\." + ID + "\\.channel\\." + ID);
    private static final Pattern DIRECT = Pattern.compile(KIND + "direct\\." + ID);
    private static final Pattern ROOM = Pattern.compile(KIND + "room\\." + ID);

    private final UserService users;

    Authorizers(UserService users) {
        this.users = users;
    }

    /** {@code private-workspace.{w}.channel.{c}}: whoever may read the channel, in their workspace language. */
    @Bean
    ChannelAuthorizer workspaceChannelAuthorizer(WorkspaceAccess workspaces, ChannelAccess channels) {
        return authorizer(WORKSPACE_CHANNEL, (caller, m) -> readerOf(caller, m.group(1), m.group(2),
                workspaces, channels));
    }

    /** {@code private-direct.{id}}: its two participants, in their own language. */
    @Bean
    ChannelAuthorizer directChannelAuthorizer(DirectService direct) {
        return authorizer(DIRECT, (caller, m) -> {
            OptionalLong userId = caller.userId();
            if (userId.isEmpty()) {
                return Optional.empty();
            }
            // Its readers are its two participants: one lookup answers both whether and in what language.
            return direct.readers(m.group(1).toLowerCase()).stream()
                    .filter(v -> Objects.equals(v.userId(), userId.getAsLong()))
                    .findFirst().map(v -> Subscriber.reading(v.language()));
        });
    }

    /**
     * {@code private-room.{id}}: the room's guests while it is open, in the language they joined
     * with, and whoever may read the room's channel (its owner) in theirs.
     */
    @Bean
    ChannelAuthorizer roomChannelAuthorizer(RoomService rooms, WorkspaceAccess workspaces, ChannelAccess channels) {
        return authorizer(ROOM, (caller, m) -> {
            String roomId = m.group(1).toLowerCase();
            if (GuestCallerResolver.GUEST.equals(caller.type())) {
                return rooms.guest(caller.id())
                        .filter(g -> g.room().id().equals(roomId) && g.room().available(rooms.now()))
                        .map(g -> Subscriber.reading(g.language()).withUserInfo(
                                Map.of("nickname", g.nickname(), "type", GuestCallerResolver.GUEST)));
            }
            Optional<Room> room = rooms.find(roomId);
            return room.flatMap(r -> readerOf(caller, r.workspaceId(), r.channelId(), workspaces, channels));
        });
    }

    private static Optional<Subscriber> readerOf(Caller caller, String workspaceId, String channelId,
                                                 WorkspaceAccess workspaces, ChannelAccess channels) {
        OptionalLong userId = caller.userId();
        if (userId.isEmpty()) {
            return Optional.empty();
        }
        String workspace = workspaceId.toLowerCase();
        String channel = channelId.toLowerCase();
        if (!channels.canRead(userId.getAsLong(), workspace, channel)) {
            return Optional.empty();
        }
        return workspaces.membership(userId.getAsLong(), workspace)
                .map(Membership::effectiveLanguage).map(Subscriber::reading);
    }

    /** On a presence channel other members see a user's name; a guest's comes with the guest. */
    private ChannelAuthorizer authorizer(Pattern pattern, Rule rule) {
        return new PatternAuthorizer(pattern, (caller, name) -> rule.authorize(caller, name).map(subscriber ->
                RealtimeChannels.isPresence(name.group()) && caller.userId().isPresent()
                        ? subscriber.withUserInfo(users.findById(caller.userId().getAsLong())
                                .map(u -> Map.<String, Object>of("name", u.name())).orElse(Map.of()))
                        : subscriber));
    }

    private interface Rule {
        Optional<Subscriber> authorize(Caller caller, Matcher name);
    }

    private record PatternAuthorizer(Pattern pattern, Rule rule) implements ChannelAuthorizer {

        @Override
        public boolean supports(String channelName) {
            return pattern.matcher(channelName).matches();
        }

        @Override
        public Optional<Subscriber> authorize(Caller caller, String channelName) {
            Matcher matcher = pattern.matcher(channelName);
            return matcher.matches() ? rule.authorize(caller, matcher) : Optional.empty();
        }
    }
}
