package com.rosettachat.room;

/** Its owner ended a room early; published in the closing transaction so its guests' live subscriptions end too. */
public record RoomClosed(String roomId, String workspaceId, String channelId) {
}
