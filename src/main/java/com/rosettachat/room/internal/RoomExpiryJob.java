package com.rosettachat.room.internal;

import com.rosettachat.room.RoomService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Marks rooms past their expiry as {@code expired}. Nothing waits for it (every check reads
 * {@code expires_at} itself); it keeps the stored status honest for lists and reports. Safe on
 * several nodes: the update is idempotent.
 */
@Component
class RoomExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(RoomExpiryJob.class);

    private final RoomService rooms;

    RoomExpiryJob(RoomService rooms) {
        this.rooms = rooms;
    }

    @Scheduled(fixedDelayString = "${rosetta.rooms.expiry-interval:1m}", initialDelayString = "${rosetta.rooms.expiry-interval:1m}")
    void run() {
        int expired = rooms.expireDue();
        if (expired > 0) {
            log.info("Marked {} temporary rooms expired", expired);
        }
    }
}
