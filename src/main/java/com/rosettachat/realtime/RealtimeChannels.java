package com.rosettachat.realtime;

/** The channel names of CONTRACT §10, built in one place. */
public final class RealtimeChannels {

    public static final String PRIVATE = "private-";
    public static final String PRESENCE = "presence-";

    private RealtimeChannels() {
    }

    public static String user(long userId) {
        return PRIVATE + "user." + userId;
    }

    public static String workspaceChannel(String workspaceId, String channelId) {
        return PRIVATE + "workspace." + workspaceId + ".channel." + channelId;
    }

    public static String direct(String conversationId) {
        return PRIVATE + "direct." + conversationId;
    }

    public static String room(String roomId) {
        return PRIVATE + "room." + roomId;
    }

    /** The presence twin of a private channel ({@code presence-room.x} for {@code private-room.x}). */
    public static String presence(String privateChannel) {
        return privateChannel.startsWith(PRIVATE) ? PRESENCE + privateChannel.substring(PRIVATE.length()) : privateChannel;
    }

    public static boolean isPresence(String channel) {
        return channel.startsWith(PRESENCE);
    }

    /** Private and presence channels need authorization; they are the only kinds this server has. */
    public static boolean isAuthorized(String channel) {
        return channel.startsWith(PRIVATE) || channel.startsWith(PRESENCE);
    }

    /** The name without its {@code private-}/{@code presence-} prefix: {@code user.7}. */
    public static String bare(String channel) {
        if (channel.startsWith(PRIVATE)) {
            return channel.substring(PRIVATE.length());
        }
        return channel.startsWith(PRESENCE) ? channel.substring(PRESENCE.length()) : channel;
    }
}
