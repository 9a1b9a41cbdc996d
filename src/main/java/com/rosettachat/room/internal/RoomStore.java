package com.rosettachat.room.internal;

import com.rosettachat.room.Room;
import com.rosettachat.shared.time.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for temporary rooms and the per-owner lock that serializes their creation. */
@Repository
public class RoomStore {

    /** Also read by {@link GuestStore}, which selects a room's columns beside its guest's. */
    static final String COLUMNS = """
            id, owner_id, workspace_id, channel_id, name, external_reference, status, expires_at, max_expires_at,
            extension_count, created_at""";
    /** An 'active' row past its expiry is expired already, whether or not the job got to it. */
    private static final String LIVE = "status = 'active' and expires_at > :now";

    private final JdbcClient jdbc;

    RoomStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Room r) {
        jdbc.sql("""
                insert into temporary_rooms (id, owner_id, workspace_id, channel_id, name, external_reference, status,
                    expires_at, max_expires_at, extension_count, created_at, updated_at)
                values (:id, :owner, :workspace, :channel, :name, :reference, :status, :expires, :max, 0, :now, :now)""")
                .param("id", r.id()).param("owner", r.ownerId()).param("workspace", r.workspaceId())
                .param("channel", r.channelId()).param("name", r.name()).param("reference", r.externalReference())
                .param("status", r.storedStatus()).param("expires", Timestamps.toDb(r.expiresAt()))
                .param("max", Timestamps.toDb(r.maxExpiresAt())).param("now", Timestamps.toDb(r.createdAt()))
                .update();
    }

    public Optional<Room> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from temporary_rooms where id = :id")
                .param("id", id).query(RoomStore::map).optional();
    }

    /** The room whose workspace this is (each room has a workspace of its own). */
    public Optional<Room> findByWorkspace(String workspaceId) {
        return jdbc.sql("select " + COLUMNS + " from temporary_rooms where workspace_id = :workspace")
                .param("workspace", workspaceId).query(RoomStore::map).optional();
    }

    /** The row, locked until the transaction ends, so two extensions cannot both pass the checks. */
    public Optional<Room> lock(String id) {
        return jdbc.sql("select " + COLUMNS + " from temporary_rooms where id = :id for update")
                .param("id", id).query(RoomStore::map).optional();
    }

    /** The owner's rooms, newest first; {@code status} null for all, else the status as of {@code now}. */
    public List<Room> listOwned(long ownerId, String status, Instant now) {
        String filter = status == null ? ""
                : switch (status) {
                    case Room.ACTIVE -> " and " + LIVE;
                    case Room.EXPIRED -> " and (status = 'expired' or (status = 'active' and expires_at <= :now))";
                    default -> " and status = 'closed'";
                };
        return jdbc.sql("select " + COLUMNS + " from temporary_rooms where owner_id = :owner" + filter
                        + " order by created_at desc, id desc")
                .param("owner", ownerId).param("now", Timestamps.toDb(now)).query(RoomStore::map).list();
    }

    public long countActive(long ownerId, Instant now) {
        return jdbc.sql("select count(*) from temporary_rooms where owner_id = :owner and " + LIVE)
                .param("owner", ownerId).param("now", Timestamps.toDb(now)).query(Long.class).single();
    }

    public long countCreatedSince(long ownerId, Instant since) {
        return jdbc.sql("select count(*) from temporary_rooms where owner_id = :owner and created_at >= :since")
                .param("owner", ownerId).param("since", Timestamps.toDb(since)).query(Long.class).single();
    }

    /** Blocks other creations by the same owner until this transaction ends. */
    public void lockQuota(long ownerId) {
        jdbc.sql("insert into room_quota_locks (owner_id) values (:owner) on conflict do nothing")
                .param("owner", ownerId).update();
        jdbc.sql("select owner_id from room_quota_locks where owner_id = :owner for update")
                .param("owner", ownerId).query(Long.class).single();
    }

    public void extend(String id, Instant expiresAt, Instant now) {
        jdbc.sql("""
                update temporary_rooms set expires_at = :expires, extension_count = extension_count + 1, updated_at = :now
                where id = :id""")
                .param("expires", Timestamps.toDb(expiresAt)).param("now", Timestamps.toDb(now)).param("id", id)
                .update();
    }

    /** Closes a room that is still live; false when it had expired or was closed already. */
    public boolean close(String id, Instant now) {
        return jdbc.sql("update temporary_rooms set status = 'closed', updated_at = :now where id = :id and " + LIVE)
                .param("now", Timestamps.toDb(now)).param("id", id).update() == 1;
    }

    /** Marks every active room past its expiry as expired; returns how many. */
    public int expireDue(Instant now) {
        return jdbc.sql("""
                update temporary_rooms set status = 'expired', updated_at = :now
                where status = 'active' and expires_at <= :now""")
                .param("now", Timestamps.toDb(now)).update();
    }

    static Room map(ResultSet rs, int row) throws SQLException {
        return new Room(rs.getString("id"), rs.getLong("owner_id"), rs.getString("workspace_id"),
                rs.getString("channel_id"), rs.getString("name"), rs.getString("external_reference"),
                rs.getString("status"), Timestamps.fromDb(rs, "expires_at"), Timestamps.fromDb(rs, "max_expires_at"),
                rs.getInt("extension_count"), Timestamps.fromDb(rs, "created_at"));
    }
}
