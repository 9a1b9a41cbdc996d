package com.rosettachat.channel.internal;

import com.rosettachat.shared.Slugs;
import com.rosettachat.shared.time.Timestamps;
import com.rosettachat.workspace.Reader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for channels and channel_members. */
@Repository
public class ChannelStore {

    private static final String COLUMNS = """
            c.id, c.workspace_id, c.name, c.slug, c.visibility, c.password_hash, c.is_default, c.created_by,
            c.created_at, c.updated_at""";
    private static final String ORDER = " order by c.is_default desc, lower(c.name), c.id";

    private final JdbcClient jdbc;

    ChannelStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the slug was taken meanwhile; the transaction stays usable for another try. */
    public boolean insertIfSlugFree(Channel c, String passwordHash) {
        return jdbc.sql("""
                insert into channels (id, workspace_id, name, slug, visibility, password_hash, is_default, created_by,
                                      created_at, updated_at)
                values (:id, :workspace, :name, :slug, :visibility, :hash, :default, :by, :created, :created)
                on conflict do nothing""")
                .param("id", c.id()).param("workspace", c.workspaceId()).param("name", c.name()).param("slug", c.slug())
                .param("visibility", c.visibility()).param("hash", passwordHash).param("default", c.isDefault())
                .param("by", c.createdBy()).param("created", Timestamps.toDb(c.createdAt())).update() == 1;
    }

    public Optional<Channel> find(String workspaceId, String id) {
        return jdbc.sql("select " + COLUMNS + " from channels c where c.workspace_id = :workspace and c.id = :id")
                .param("workspace", workspaceId).param("id", id).query(ChannelStore::map).optional();
    }

    public Optional<String> passwordHash(String id) {
        return jdbc.sql("select password_hash from channels where id = :id").param("id", id).query(String.class).optional();
    }

    public List<Channel> all(String workspaceId) {
        return jdbc.sql("select " + COLUMNS + " from channels c where c.workspace_id = :workspace" + ORDER)
                .param("workspace", workspaceId).query(ChannelStore::map).list();
    }

    /** Public channels and the private ones the user is a member of. */
    public List<Channel> visibleTo(String workspaceId, long userId) {
        return jdbc.sql("select " + COLUMNS + " from channels c where c.workspace_id = :workspace"
                        + " and (c.visibility = 'public' or exists (select 1 from channel_members cm"
                        + " where cm.channel_id = c.id and cm.user_id = :user))" + ORDER)
                .param("workspace", workspaceId).param("user", userId).query(ChannelStore::map).list();
    }

    public List<String> slugsLike(String workspaceId, String base) {
        return jdbc.sql("select slug from channels where workspace_id = :workspace and slug like :pattern escape '!'")
                .param("workspace", workspaceId).param("pattern", Slugs.variantsPattern(base)).query(String.class).list();
    }

    public boolean slugTaken(String workspaceId, String slug, String exceptId) {
        return jdbc.sql("select count(*) from channels where workspace_id = :workspace and slug = :slug and id <> :id")
                .param("workspace", workspaceId).param("slug", slug).param("id", exceptId)
                .query(Long.class).single() > 0;
    }

    public void update(String id, String name, String slug, String visibility, String passwordHash, Instant now) {
        jdbc.sql("""
                update channels set name = :name, slug = :slug, visibility = :visibility, password_hash = :hash,
                                    updated_at = :now
                where id = :id""")
                .param("name", name).param("slug", slug).param("visibility", visibility).param("hash", passwordHash)
                .param("now", Timestamps.toDb(now)).param("id", id).update();
    }

    public void delete(String id) {
        jdbc.sql("delete from channels where id = :id").param("id", id).update();
    }

    /** False when the member is in the channel already. */
    public boolean addMember(String channelId, String memberId, long userId, Instant now) {
        return jdbc.sql("""
                insert into channel_members (channel_id, member_id, user_id, joined_at)
                values (:channel, :member, :user, :now)
                on conflict do nothing""")
                .param("channel", channelId).param("member", memberId).param("user", userId)
                .param("now", Timestamps.toDb(now)).update() == 1;
    }

    public Optional<Instant> joinedAt(String channelId, long userId) {
        return jdbc.sql("select joined_at from channel_members where channel_id = :channel and user_id = :user")
                .param("channel", channelId).param("user", userId)
                .query((rs, row) -> Timestamps.fromDb(rs, "joined_at")).optional();
    }

    public boolean isMember(String channelId, long userId) {
        return joinedAt(channelId, userId).isPresent();
    }

    /** The channel's members and the language each reads this workspace in. */
    public List<Reader> readers(String channelId) {
        return jdbc.sql("""
                select m.user_id, coalesce(m.preferred_language, u.preferred_language) as language
                from channel_members cm
                join workspace_members m on m.id = cm.member_id
                join users u on u.id = m.user_id
                where cm.channel_id = :channel order by m.user_id""")
                .param("channel", channelId)
                .query((rs, row) -> new Reader(rs.getLong("user_id"), rs.getString("language")))
                .list();
    }

    private static Channel map(ResultSet rs, int row) throws SQLException {
        long by = rs.getLong("created_by");
        Long createdBy = rs.wasNull() ? null : by;
        return new Channel(rs.getString("id"), rs.getString("workspace_id"), rs.getString("name"), rs.getString("slug"),
                rs.getString("visibility"), rs.getString("password_hash") != null, rs.getBoolean("is_default"),
                createdBy, Timestamps.fromDb(rs, "created_at"), Timestamps.fromDb(rs, "updated_at"));
    }
}
