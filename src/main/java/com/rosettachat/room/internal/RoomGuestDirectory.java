package com.rosettachat.room.internal;

import com.rosettachat.message.ChannelGuests;
import com.rosettachat.message.Viewer;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/** Tells the message module who the guests of a room's channel are, so their languages become translation targets. */
@Component
class RoomGuestDirectory implements ChannelGuests {

    private final GuestStore guests;
    private final Clock clock;

    RoomGuestDirectory(GuestStore guests, Clock clock) {
        this.guests = guests;
        this.clock = clock;
    }

    @Override
    public List<Viewer> guests(String workspaceId, String channelId) {
        return guests.readersOf(workspaceId, channelId, clock.instant());
    }
}
