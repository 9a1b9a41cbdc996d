package com.rosettachat.room.web;

import com.rosettachat.room.Room;
import com.rosettachat.room.RoomService;
import com.rosettachat.shared.time.Timestamps;
import com.rosettachat.workspace.Workspace;
import java.time.Instant;

/** The reference's room shape (create and list), with the status as of the request. */
record RoomView(String roomId, String workspaceId, String channelId, String name, String kind, String status,
                String externalReference, String expiresAt, String maxExpiresAt, int extensionCount, Join join) {

    record Join(String method, String endpoint) {
    }

    static RoomView of(Room r, Instant now, String baseUrl) {
        return new RoomView(r.id(), r.workspaceId(), r.channelId(), r.name(), Workspace.TEMPORARY_ROOM, r.status(now),
                r.externalReference(), Timestamps.resource(r.expiresAt()), Timestamps.resource(r.maxExpiresAt()),
                r.extensionCount(), new Join("POST", baseUrl + "/api/v1/external/rooms/" + r.id() + "/guests"));
    }

    /** The answer to an extension. */
    record Extended(String roomId, String expiresAt, String maxExpiresAt, int extensionCount) {
        static Extended of(Room r) {
            return new Extended(r.id(), Timestamps.resource(r.expiresAt()), Timestamps.resource(r.maxExpiresAt()),
                    r.extensionCount());
        }
    }

    /** The usage summary: the plan's limits, what is used, and whether a limit is reached. */
    record Usage(Limits limits, Counts usage, Signals abuseSignals) {
        record Limits(int activeLimit, int monthlyCreationLimit) {
        }

        record Counts(long activeRoomCount, long monthlyCreationCount) {
        }

        record Signals(boolean activeLimitReached, boolean monthlyCreationLimitReached) {
        }

        static Usage of(RoomService.Usage u) {
            return new Usage(new Limits(u.limits().activeLimit(), u.limits().monthlyCreationLimit()),
                    new Counts(u.activeRooms(), u.createdThisMonth()),
                    new Signals(u.activeLimitReached(), u.monthlyLimitReached()));
        }
    }

    /** The answer to a join: the guest, its session and the room. */
    record Joined(Guest guest, Session session, JoinedRoom room) {
        record Guest(String id, String nickname, String preferredLanguage) {
        }

        record Session(String token, String tokenType, String header, String expiresAt) {
        }

        record JoinedRoom(String roomId, String workspaceId, String channelId, String name, String status,
                          String expiresAt) {
        }

        static Joined of(RoomService.Joined j, Instant now, String header) {
            Room r = j.room();
            String expires = Timestamps.resource(r.expiresAt());
            return new Joined(new Guest(j.guestId(), j.nickname(), j.language()),
                    new Session(j.token(), "guest", header, expires),
                    new JoinedRoom(r.id(), r.workspaceId(), r.channelId(), r.name(), r.status(now), expires));
        }
    }
}
