package com.rosettachat.message;

import java.util.List;

/** Readers of a channel who are not workspace members, i.e. temporary room guests; implemented by the room module. */
public interface ChannelGuests {

    List<Viewer> guests(String workspaceId, String channelId);
}
