package com.rosettachat.realtime.delivery;

import com.rosettachat.realtime.RealtimeChannels;
import com.rosettachat.room.RoomService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The realtime channels a message's events go to: its direct conversation, or its workspace
 * channel and, for a temporary room's channel, the room's own channel where its guests listen.
 */
@Component
class Channels {

    private static final int REMEMBERED = 10_000;

    private final RoomService rooms;
    /** Workspace id to its room's channel and room id, if it is a room's: a workspace never changes kind. */
    private final Map<String, Optional<String[]>> roomOf = new ConcurrentHashMap<>();

    Channels(RoomService rooms) {
        this.rooms = rooms;
    }

    List<String> of(String workspaceId, String channelId, String conversationId) {
        if (conversationId != null) {
            return List.of(RealtimeChannels.direct(conversationId));
        }
        List<String> names = new ArrayList<>(2);
        names.add(RealtimeChannels.workspaceChannel(workspaceId, channelId));
        if (roomOf.size() > REMEMBERED) {
            roomOf.clear();
        }
        roomOf.computeIfAbsent(workspaceId, w -> rooms.forWorkspace(w).map(r -> new String[] {r.channelId(), r.id()}))
                .filter(room -> room[0].equals(channelId))
                .ifPresent(room -> names.add(RealtimeChannels.room(room[1])));
        return names;
    }
}
