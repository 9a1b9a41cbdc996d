package com.rosettachat.realtime.delivery;

import com.rosettachat.realtime.RealtimeChannels;
import com.rosettachat.room.RoomService;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The realtime channels a message's events go to: its direct conversation, or its workspace
 * channel and, for a temporary room's channel, the room's own channel where its guests listen.
 */
@Component
class Channels {

    private final RoomService rooms;

    Channels(RoomService rooms) {
        this.rooms = rooms;
    }

    List<String> of(String workspaceId, String channelId, String conversationId) {
        if (conversationId != null) {
            return List.of(RealtimeChannels.direct(conversationId));
        }
        List<String> names = new ArrayList<>(2);
        names.add(RealtimeChannels.workspaceChannel(workspaceId, channelId));
        rooms.forWorkspace(workspaceId).filter(r -> r.channelId().equals(channelId))
                .ifPresent(room -> names.add(RealtimeChannels.room(room.id())));
        return names;
    }
}
