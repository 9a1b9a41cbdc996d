package com.rosettachat.realtime.delivery;

import com.rosettachat.channel.ChannelAccess;
import com.rosettachat.channel.ChannelDeleted;
import com.rosettachat.channel.ChannelMemberAdded;
import com.rosettachat.channel.ChannelRef;
import com.rosettachat.channel.ChannelUpdated;
import com.rosettachat.realtime.Broadcaster;
import com.rosettachat.realtime.Caller;
import com.rosettachat.realtime.RealtimeChannels;
import com.rosettachat.realtime.RealtimeEvents;
import com.rosettachat.realtime.RealtimeHub;
import com.rosettachat.room.RoomClosed;
import com.rosettachat.user.UserService;
import com.rosettachat.workspace.MemberJoined;
import com.rosettachat.workspace.MemberLanguageChanged;
import com.rosettachat.workspace.MemberLeft;
import com.rosettachat.workspace.MemberRoleChanged;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Membership and channel changes: announced to the channels they concern, and every change that
 * can take access away or change a reader's language rechecks the subscriptions it touches, so
 * a removed member stops receiving at once. (Account-wide changes, a deactivation or a new
 * preferred language, are the realtime module's own.)
 */
@Component
class AccessBroadcasts {

    private final Broadcaster broadcaster;
    private final RealtimeHub hub;
    private final ChannelAccess channels;
    private final UserService users;

    AccessBroadcasts(Broadcaster broadcaster, RealtimeHub hub, ChannelAccess channels, UserService users) {
        this.broadcaster = broadcaster;
        this.hub = hub;
        this.channels = channels;
        this.users = users;
    }

    /** A new workspace member can read every public channel: those channels hear of it. */
    @ApplicationModuleListener
    void on(MemberJoined e) {
        announce(RealtimeEvents.MEMBER_JOINED, e.workspaceId(), channels.publicChannelIds(e.workspaceId()), e.userId());
    }

    /** Public channels were readable by every member already; a private one gains a reader. */
    @ApplicationModuleListener
    void on(ChannelMemberAdded e) {
        channels.find(e.workspaceId(), e.channelId()).filter(c -> !c.isPublic()).ifPresent(c ->
                announce(RealtimeEvents.MEMBER_JOINED, e.workspaceId(), List.of(c.id()), e.userId()));
    }

    @ApplicationModuleListener
    void on(MemberLeft e) {
        hub.recheck(Caller.user(e.userId()));
        announce(RealtimeEvents.MEMBER_LEFT, e.workspaceId(), channels.publicChannelIds(e.workspaceId()), e.userId());
    }

    /** An admin made member no longer sees private channels they do not belong to. */
    @ApplicationModuleListener
    void on(MemberRoleChanged e) {
        hub.recheck(Caller.user(e.userId()));
    }

    @ApplicationModuleListener
    void on(MemberLanguageChanged e) {
        hub.recheck(Caller.user(e.userId()));
    }

    /** Renamed or made private: its readers are told, then those who may no longer read it are dropped. */
    @ApplicationModuleListener
    void on(ChannelUpdated e) {
        channels.find(e.workspaceId(), e.channelId()).ifPresent(channel -> broadcaster.publish(
                RealtimeChannels.workspaceChannel(e.workspaceId(), e.channelId()), RealtimeEvents.CHANNEL_UPDATED,
                Map.of("data", shape(channel))));
        recheck(e.workspaceId(), e.channelId());
    }

    @ApplicationModuleListener
    void on(ChannelDeleted e) {
        recheck(e.workspaceId(), e.channelId());
    }

    /** Its guests may no longer listen; the owner, a reader of the room's channel, still may. */
    @ApplicationModuleListener
    void on(RoomClosed e) {
        recheckWithTwin(RealtimeChannels.room(e.roomId()));
    }

    private void recheck(String workspaceId, String channelId) {
        recheckWithTwin(RealtimeChannels.workspaceChannel(workspaceId, channelId));
    }

    /** A private channel and its presence twin: both are open to the same callers. */
    private void recheckWithTwin(String name) {
        hub.recheck(name);
        hub.recheck(RealtimeChannels.presence(name));
    }

    private void announce(String event, String workspaceId, List<String> channelIds, long userId) {
        if (channelIds.isEmpty()) {
            return;
        }
        String name = users.findById(userId).map(u -> u.name()).orElse(null);
        for (String channelId : channelIds) {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("workspace_id", workspaceId);
            member.put("channel_id", channelId);
            member.put("user_id", userId);
            member.put("name", name);
            broadcaster.publish(RealtimeChannels.workspaceChannel(workspaceId, channelId), event, Map.of("data", member));
        }
    }

    private static Map<String, Object> shape(ChannelRef channel) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("id", channel.id());
        shape.put("workspace_id", channel.workspaceId());
        shape.put("name", channel.name());
        shape.put("slug", channel.slug());
        shape.put("visibility", channel.visibility());
        shape.put("is_default", channel.isDefault());
        return shape;
    }
}
