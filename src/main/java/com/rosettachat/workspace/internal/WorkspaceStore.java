package com.rosettachat.workspace.internal;

import com.rosettachat.shared.Slugs;
import com.rosettachat.shared.time.Timestamps;
import com.rosettachat.workspace.MyWorkspace;
import com.rosettachat.workspace.Role;
import com.rosettachat.workspace.Workspace;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the workspaces table; the member count is counted, never stored, so it cannot drift. */
@Repository
public class WorkspaceStore {

    private static final String COLUMNS = """
            w.id, w.name, w.slug, w.visibility, w.password_hash, w.kind, w.owner_id, w.default_channel_id,
            w.created_at, w.updated_at,
            (select count(*) from workspace_members c where c.workspace_id = w.id) as member_count""";

    private final JdbcClient jdbc;

    WorkspaceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the slug was taken meanwhile; the transaction stays usable for another try. */
    public boolean insertIfSlugFree(String id, String name, String slug, String visibility, String passwordHash,
                                    String kind, long ownerId, Instant now) {
        return jdbc.sql("""
                insert into workspaces (id, name, slug, visibility, password_hash, kind, owner_id, created_at, updated_at)
                values (:id, :name, :slug, :visibility, :hash, :kind, :owner, :now, :now)
                on conflict do nothing""")
                .param("id", id).param("name", name).param("slug", slug).param("visibility", visibility)
                .param("hash", passwordHash).param("kind", kind).param("owner", ownerId)
                .param("now", Timestamps.toDb(now)).update() == 1;
    }

    public void setDefaultChannel(String id, String channelId) {
        jdbc.sql("update workspaces set default_channel_id = :channel where id = :id")
                .param("channel", channelId).param("id", id).update();
    }

    /**
     * Moves ownership from {@code fromUserId}; false when they no longer own it. The row lock this
     * takes makes a second, concurrent transfer by the same owner wait and then find nothing to move.
     */
    public boolean transferOwner(String id, long fromUserId, long toUserId, Instant now) {
        return jdbc.sql("update workspaces set owner_id = :to, updated_at = :now where id = :id and owner_id = :from")
                .param("to", toUserId).param("from", fromUserId).param("now", Timestamps.toDb(now)).param("id", id)
                .update() == 1;
    }

    public Optional<Workspace> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from workspaces w where w.id = :id").param("id", id).query(WorkspaceStore::map).optional();
    }

    public Optional<String> passwordHash(String id) {
        return jdbc.sql("select password_hash from workspaces where id = :id")
                .param("id", id).query(String.class).optional();
    }

    /** The user's workspaces of one kind, in the order they joined them. */
    public List<MyWorkspace> listFor(long userId, String kind) {
        return jdbc.sql("select " + COLUMNS + ", m.role as my_role from workspaces w"
                        + " join workspace_members m on m.workspace_id = w.id and m.user_id = :user"
                        + " where w.kind = :kind order by m.joined_at, w.id")
                .param("user", userId).param("kind", kind)
                .query((rs, row) -> new MyWorkspace(map(rs, row), Role.of(rs.getString("my_role"))))
                .list();
    }

    public boolean slugExists(String slug) {
        return jdbc.sql("select count(*) from workspaces where slug = :slug")
                .param("slug", slug).query(Long.class).single() > 0;
    }

    /** Slugs that start with {@code base}, to pick the next free {@code base-N}. */
    public List<String> slugsLike(String base) {
        return jdbc.sql("select slug from workspaces where slug like :pattern escape '!'")
                .param("pattern", Slugs.variantsPattern(base)).query(String.class).list();
    }

    private static Workspace map(ResultSet rs, int row) throws SQLException {
        return new Workspace(rs.getString("id"), rs.getString("name"), rs.getString("slug"), rs.getString("visibility"),
                rs.getString("password_hash") != null, rs.getString("kind"), rs.getLong("owner_id"),
                rs.getLong("member_count"), rs.getString("default_channel_id"),
                Timestamps.fromDb(rs, "created_at"), Timestamps.fromDb(rs, "updated_at"));
    }
}
