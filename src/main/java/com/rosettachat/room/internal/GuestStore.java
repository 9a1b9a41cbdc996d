package com.rosettachat.room.internal;

import com.rosettachat.message.Viewer;
import com.rosettachat.room.Room;
import com.rosettachat.shared.time.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for room guests; a session token is found by its SHA-256, never stored in plain text. */
@Repository
public class GuestStore {

    private static final String ROOM_COLUMNS = RoomStore.COLUMNS.replaceAll("(\\w+)", "r.$1");

    private final JdbcClient jdbc;

    GuestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A guest as its token finds it, with the room it belongs to. */
    public record GuestRow(String id, String nickname, String language, Room room) {
    }

    public void insert(String id, String roomId, String nickname, String language, String tokenHash, Instant now) {
        jdbc.sql("""
                insert into room_guests (id, room_id, nickname, preferred_language, token_hash, created_at)
                values (:id, :room, :nickname, :language, :hash, :now)""")
                .param("id", id).param("room", roomId).param("nickname", nickname).param("language", language)
                .param("hash", tokenHash).param("now", Timestamps.toDb(now)).update();
    }

    public Optional<GuestRow> findByTokenHash(String tokenHash) {
        return jdbc.sql("select g.id as guest_id, g.nickname, g.preferred_language, " + ROOM_COLUMNS
                        + " from room_guests g join temporary_rooms r on r.id = g.room_id where g.token_hash = :hash")
                .param("hash", tokenHash)
                .query((rs, row) -> new GuestRow(rs.getString("guest_id"), rs.getString("nickname"),
                        rs.getString("preferred_language"), RoomStore.map(rs, row)))
                .optional();
    }

    public Optional<GuestRow> find(String guestId) {
        return jdbc.sql("select g.id as guest_id, g.nickname, g.preferred_language, " + ROOM_COLUMNS
                        + " from room_guests g join temporary_rooms r on r.id = g.room_id where g.id = :id")
                .param("id", guestId)
                .query((rs, row) -> new GuestRow(rs.getString("guest_id"), rs.getString("nickname"),
                        rs.getString("preferred_language"), RoomStore.map(rs, row)))
                .optional();
    }

    /** The guests of the live room behind this channel, each in their language. */
    public List<Viewer> readersOf(String workspaceId, String channelId, Instant now) {
        return jdbc.sql("""
                select g.id, g.preferred_language from room_guests g join temporary_rooms r on r.id = g.room_id
                where r.workspace_id = :workspace and r.channel_id = :channel
                    and r.status = 'active' and r.expires_at > :now""")
                .param("workspace", workspaceId).param("channel", channelId).param("now", Timestamps.toDb(now))
                .query((rs, row) -> Viewer.guest(rs.getString("id"), rs.getString("preferred_language")))
                .list();
    }
}
