package com.rosettachat.file.internal;

import com.rosettachat.file.StoredFile;
import com.rosettachat.shared.paging.Page;
import com.rosettachat.shared.paging.PageRequest;
import com.rosettachat.shared.time.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for the files table. */
@Repository
public class FileStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = """
            id, owner_user_id, room_id, client_name, mime_type, size, visibility, meta, claimed,
            expires_at, deleted_at, created_at, storage_key""";
    /** The sort parameter of GET /me/files, mapped to SQL only through this fixed table. */
    private static final Map<String, String> SORTS = Map.of(
            "created_at", "created_at asc, id asc",
            "-created_at", "created_at desc, id desc",
            "size", "size asc, id asc",
            "-size", "size desc, id desc");

    private final JdbcClient jdbc;

    FileStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static List<String> sorts() {
        return List.of("created_at", "-created_at", "size", "-size");
    }

    public void insert(StoredFile f) {
        jdbc.sql("""
                insert into files (id, owner_user_id, room_id, client_name, mime_type, size, visibility, meta,
                                   claimed, expires_at, created_at, storage_key)
                values (:id, :owner, :room, :name, :mime, :size, :visibility, :meta, :claimed, :expires, :created, :key)""")
                .param("id", f.id()).param("owner", f.ownerUserId()).param("room", f.roomId())
                .param("name", f.clientName()).param("mime", f.mimeType()).param("size", f.size())
                .param("visibility", f.visibility()).param("meta", f.meta() == null ? null : JSON.writeValueAsString(f.meta()))
                .param("claimed", f.claimed()).param("expires", Timestamps.toDb(f.expiresAt()))
                .param("created", Timestamps.toDb(f.createdAt())).param("key", f.storageKey())
                .update();
    }

    public Optional<StoredFile> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from files where id = :id").param("id", id).query(FileStore::map).optional();
    }

    public List<StoredFile> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from files where id in (:ids)").param("ids", ids).query(FileStore::map).list();
    }

    /** Claims the files that are still claimable; returns how many were. */
    public int claim(Collection<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("update files set claimed = true, expires_at = null where id in (:ids) and claimed = false and deleted_at is null")
                .param("ids", ids).update();
    }

    public void markDeleted(String id, Instant now) {
        jdbc.sql("update files set deleted_at = :now where id = :id").param("now", Timestamps.toDb(now)).param("id", id).update();
    }

    public List<StoredFile> expired(Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + " from files where claimed = false and expires_at <= :now order by expires_at limit :limit")
                .param("now", Timestamps.toDb(now)).param("limit", limit).query(FileStore::map).list();
    }

    public void remove(String id) {
        jdbc.sql("delete from files where id = :id").param("id", id).update();
    }

    /** The owner's live files, filtered and sorted as GET /me/files asks. */
    public Page<StoredFile> listOwned(long owner, boolean claimed, String visibility, String q, String sort,
                                      PageRequest page, Instant now) {
        StringBuilder where = new StringBuilder(" where owner_user_id = :owner and deleted_at is null and claimed = :claimed");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("owner", owner);
        params.put("claimed", claimed);
        if (!claimed) {
            where.append(" and expires_at > :now");
            params.put("now", Timestamps.toDb(now));
        }
        if (visibility != null) {
            where.append(" and visibility = :visibility");
            params.put("visibility", visibility);
        }
        if (q != null) {
            where.append(" and lower(client_name) like :q escape '!'");
            params.put("q", "%" + q.toLowerCase().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        long total = jdbc.sql("select count(*) from files" + where).params(params).query(Long.class).single();
        List<StoredFile> items = jdbc.sql("select " + COLUMNS + " from files" + where + " order by " + SORTS.get(sort)
                        + " limit :limit offset :offset")
                .params(params).param("limit", page.perPage()).param("offset", page.offset())
                .query(FileStore::map).list();
        return new Page<>(items, page, total);
    }

    private static StoredFile map(ResultSet rs, int row) throws SQLException {
        long owner = rs.getLong("owner_user_id");
        Long ownerId = rs.wasNull() ? null : owner;
        String meta = rs.getString("meta");
        return new StoredFile(rs.getString("id").strip(), ownerId, rs.getString("room_id"), rs.getString("client_name"),
                rs.getString("mime_type"), rs.getLong("size"), rs.getString("visibility"),
                meta == null ? null : JSON.readValue(meta, new TypeReference<Map<String, Object>>() { }),
                rs.getBoolean("claimed"), Timestamps.fromDb(rs, "expires_at"), Timestamps.fromDb(rs, "deleted_at"),
                Timestamps.fromDb(rs, "created_at"), rs.getString("storage_key"));
    }
}
