package com.rosettachat.device.internal;

import com.rosettachat.device.Device;
import com.rosettachat.shared.paging.Page;
import com.rosettachat.shared.paging.PageRequest;
import com.rosettachat.shared.time.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the devices table. */
@Repository
public class DeviceStore {

    private static final String COLUMNS = """
            id, user_id, platform, provider, token_hash, push_token, device_id, device_name, app_version,
            last_used_at, created_at""";
    /** The sort parameter of GET /me/devices, mapped to SQL only through this fixed table. */
    private static final Map<String, String> SORTS = Map.of(
            "last_used_at", "last_used_at asc, id asc",
            "-last_used_at", "last_used_at desc, id desc",
            "created_at", "created_at asc, id asc",
            "-created_at", "created_at desc, id desc");

    /** A row with what only delivery may see: the token hash and the encrypted token. */
    public record Row(Device device, String tokenHash, String encryptedToken) {
    }

    private final JdbcClient jdbc;

    DeviceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static List<String> sorts() {
        return List.of("last_used_at", "-last_used_at", "created_at", "-created_at");
    }

    /** The row holding this token, locked until the transaction ends so two registrations queue. */
    public Optional<Row> lockByTokenHash(String tokenHash) {
        return jdbc.sql("select " + COLUMNS + " from devices where token_hash = :hash for update")
                .param("hash", tokenHash).query(DeviceStore::map).optional();
    }

    public void insert(Row row) {
        Device d = row.device();
        jdbc.sql("""
                insert into devices (id, user_id, platform, provider, token_hash, push_token, device_id, device_name,
                                     app_version, last_used_at, created_at)
                values (:id, :user, :platform, :provider, :hash, :token, :deviceId, :name, :version, :used, :created)""")
                .param("id", d.id()).param("user", d.userId()).param("platform", d.platform())
                .param("provider", d.provider()).param("hash", row.tokenHash()).param("token", row.encryptedToken())
                .param("deviceId", d.deviceId()).param("name", d.deviceName()).param("version", d.appVersion())
                .param("used", Timestamps.toDb(d.lastUsedAt())).param("created", Timestamps.toDb(d.createdAt()))
                .update();
    }

    /** Rewrites what the client sent on a refresh; the id, owner and creation time stay. */
    public void refresh(Row row) {
        Device d = row.device();
        jdbc.sql("""
                update devices set platform = :platform, provider = :provider, push_token = :token,
                       device_id = :deviceId, device_name = :name, app_version = :version, last_used_at = :used
                where id = :id""")
                .param("id", d.id()).param("platform", d.platform()).param("provider", d.provider())
                .param("token", row.encryptedToken()).param("deviceId", d.deviceId()).param("name", d.deviceName())
                .param("version", d.appVersion()).param("used", Timestamps.toDb(d.lastUsedAt()))
                .update();
    }

    public boolean delete(String id) {
        return jdbc.sql("delete from devices where id = :id").param("id", id).update() > 0;
    }

    public boolean deleteOwned(long userId, String id) {
        return jdbc.sql("delete from devices where id = :id and user_id = :user")
                .param("id", id).param("user", userId).update() > 0;
    }

    /** Removes a device a provider rejected, unless it was re-registered with another token meanwhile. */
    public boolean deleteIfToken(String id, String tokenHash) {
        return jdbc.sql("delete from devices where id = :id and token_hash = :hash")
                .param("id", id).param("hash", tokenHash).update() > 0;
    }

    /** The user's older registrations of the same physical device (its token rotated). */
    public int deleteOtherTokensOfDevice(long userId, String deviceId, String keepId) {
        return jdbc.sql("delete from devices where user_id = :user and device_id = :deviceId and id <> :keep")
                .param("user", userId).param("deviceId", deviceId).param("keep", keepId).update();
    }

    public List<Row> forUser(long userId) {
        return jdbc.sql("select " + COLUMNS + " from devices where user_id = :user order by last_used_at desc, id desc")
                .param("user", userId).query(DeviceStore::map).list();
    }

    public Page<Device> listOwned(long userId, String provider, String sort, PageRequest page) {
        StringBuilder where = new StringBuilder(" where user_id = :user");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("user", userId);
        if (provider != null) {
            where.append(" and provider = :provider");
            params.put("provider", provider);
        }
        long total = jdbc.sql("select count(*) from devices" + where).params(params).query(Long.class).single();
        List<Device> items = jdbc.sql("select " + COLUMNS + " from devices" + where + " order by " + SORTS.get(sort)
                        + " limit :limit offset :offset")
                .params(params).param("limit", page.perPage()).param("offset", page.offset())
                .query(DeviceStore::map).list().stream().map(Row::device).toList();
        return new Page<>(items, page, total);
    }

    private static Row map(ResultSet rs, int row) throws SQLException {
        Device device = new Device(rs.getString("id").strip(), rs.getLong("user_id"), rs.getString("platform"),
                rs.getString("provider"), rs.getString("device_id"), rs.getString("device_name"),
                rs.getString("app_version"), Timestamps.fromDb(rs, "last_used_at"), Timestamps.fromDb(rs, "created_at"));
        return new Row(device, rs.getString("token_hash").strip(), rs.getString("push_token"));
    }
}
