package com.rosettachat.channel.internal;

import com.rosettachat.channel.ChannelCreated;
import com.rosettachat.channel.ChannelDeleted;
import com.rosettachat.channel.ChannelMemberAdded;
import com.rosettachat.channel.ChannelRef;
import com.rosettachat.channel.ChannelUnread;
import com.rosettachat.channel.ChannelUnreads;
import com.rosettachat.channel.ChannelUpdated;
import com.rosettachat.shared.Ids;
import com.rosettachat.shared.Slugs;
import com.rosettachat.shared.error.ApiException;
import com.rosettachat.shared.error.ValidationException;
import com.rosettachat.shared.web.RequestMemo;
import com.rosettachat.workspace.DefaultChannels;
import com.rosettachat.workspace.JoinPasswords;
import com.rosettachat.workspace.Membership;
import com.rosettachat.workspace.WorkspaceAccess;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, changing, deleting and joining channels; callers have checked workspace membership. */
@Service
public class ChannelService implements DefaultChannels {

    public static final String DEFAULT_UNDELETABLE = "The default channel cannot be deleted.";
    public static final String DEFAULT_STAYS_PUBLIC = "The default channel must stay public.";
    public static final String NOT_A_MEMBER = "The selected user id is invalid.";
    public static final int SLUG_MAX = 80;

    /** A channel member as the add-member answer shows it. */
    public record Added(String channelId, long userId, Instant joinedAt, boolean created) {
    }

    private final ChannelStore store;
    private final WorkspaceAccess workspaces;
    private final JoinPasswords passwords;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<ChannelUnreads> unreads;
    private final Clock clock;

    ChannelService(ChannelStore store, WorkspaceAccess workspaces, JoinPasswords passwords,
                   ApplicationEventPublisher events, ObjectProvider<ChannelUnreads> unreads, Clock clock) {
        this.store = store;
        this.workspaces = workspaces;
        this.passwords = passwords;
        this.events = events;
        this.unreads = unreads;
        this.clock = clock;
    }

    /** The caller's unread state of each channel, in a fixed number of queries however many there are. */
    public Map<String, ChannelUnread> unread(Membership caller, List<Channel> channels) {
        ChannelUnreads counts = unreads.getIfAvailable();
        if (counts == null || channels.isEmpty()) {
            return Map.of();
        }
        return counts.unread(caller, channels.stream().map(Channel::id).toList());
    }

    /** What the member may see: public channels and their private ones; owners and admins see all. */
    public List<Channel> list(Membership caller) {
        return caller.canManage() ? store.all(caller.workspaceId()) : store.visibleTo(caller.workspaceId(), caller.userId());
    }

    public Channel show(Membership caller, ChannelRef ref) {
        return store.find(caller.workspaceId(), ref.id()).orElseThrow(ApiException::notFound);
    }

    @Override
    @Transactional
    public String createDefault(String workspaceId, String ownerMemberId, long ownerId) {
        return insert(workspaceId, ownerMemberId, ownerId,
                new ChannelChanges("general", null, ChannelRef.PUBLIC, false, null), true).id();
    }

    /** Creates the channel with the caller as its first member. */
    @Transactional
    public Channel create(Membership manager, ChannelChanges request) {
        return insert(manager.workspaceId(), manager.memberId(), manager.userId(), request, false);
    }

    private Channel insert(String workspaceId, String memberId, long userId, ChannelChanges request, boolean isDefault) {
        Instant now = clock.instant();
        String visibility = request.visibility() == null ? ChannelRef.PUBLIC : request.visibility();
        String hash = passwords.hash(request.password());
        String id = Ids.next();
        Function<String, Channel> withSlug = slug -> new Channel(id, workspaceId, request.name(), slug, visibility,
                hash != null, isDefault, userId, now, now);
        Channel channel = withSlug.apply(Slugs.insertUnique(request.slug(), request.name(), "channel", SLUG_MAX,
                base -> store.slugsLike(workspaceId, base), slug -> store.insertIfSlugFree(withSlug.apply(slug), hash)));
        events.publishEvent(new ChannelCreated(workspaceId, id));
        addMember(channel, memberId, userId);
        return channel;
    }

    @Transactional
    public Channel update(Membership manager, ChannelRef ref, ChannelChanges changes) {
        Channel current = show(manager, ref);
        String visibility = changes.visibility() != null ? changes.visibility() : current.visibility();
        if (current.isDefault() && !ChannelRef.PUBLIC.equals(visibility)) {
            throw ValidationException.of("visibility", DEFAULT_STAYS_PUBLIC);
        }
        String slug = changes.slug() != null ? changes.slug() : current.slug();
        if (store.slugTaken(current.workspaceId(), slug, current.id())) {
            throw ValidationException.of("slug", Slugs.TAKEN);
        }
        String hash = changes.passwordSent() ? passwords.hash(changes.password())
                : store.passwordHash(current.id()).orElse(null);
        String name = changes.name() != null ? changes.name() : current.name();
        try {
            store.update(current.id(), name, slug, visibility, hash, clock.instant());
        } catch (DuplicateKeyException e) {
            throw ValidationException.of("slug", Slugs.TAKEN); // taken between the check and the update
        }
        RequestMemo.clear();
        events.publishEvent(new ChannelUpdated(current.workspaceId(), current.id(), current.name(), name, visibility));
        return show(manager, ref);
    }

    /** Deletes the channel; its members and (through foreign keys) messages go with it. */
    @Transactional
    public void delete(Membership manager, ChannelRef ref) {
        if (ref.isDefault()) {
            throw ApiException.unprocessable(DEFAULT_UNDELETABLE);
        }
        store.delete(ref.id());
        RequestMemo.clear();
        events.publishEvent(new ChannelDeleted(ref.workspaceId(), ref.id()));
    }

    /** A workspace member joins, giving the password when the channel has one; members get it back as it is. */
    @Transactional
    public Channel join(Membership caller, ChannelRef ref, String password) {
        Channel channel = show(caller, ref);
        if (store.joinedAt(channel.id(), caller.userId()).isEmpty()) {
            passwords.check(store.passwordHash(channel.id()).orElse(null), password);
            addMember(channel, caller.memberId(), caller.userId());
        }
        return channel;
    }

    /** An owner or admin adds a workspace member; 422 on {@code user_id} for anyone else. */
    @Transactional
    public Added addMember(Membership manager, ChannelRef ref, long userId) {
        Channel channel = show(manager, ref);
        Membership target = workspaces.membership(userId, manager.workspaceId())
                .orElseThrow(() -> ValidationException.of("user_id", NOT_A_MEMBER));
        boolean created = addMember(channel, target.memberId(), userId);
        return new Added(channel.id(), userId, store.joinedAt(channel.id(), userId).orElseThrow(), created);
    }

    private boolean addMember(Channel channel, String memberId, long userId) {
        if (!store.addMember(channel.id(), memberId, userId, clock.instant())) {
            return false;
        }
        RequestMemo.clear();
        events.publishEvent(new ChannelMemberAdded(channel.workspaceId(), channel.id(), userId));
        return true;
    }
}
