package com.rosettachat.workspace.internal;

import com.rosettachat.shared.time.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for workspace_invites. */
@Repository
public class InviteStore {

    private static final String SELECT = "select id, workspace_id, token, created_by, expires_at, created_at from workspace_invites";

    private final JdbcClient jdbc;

    InviteStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Invite invite) {
        jdbc.sql("""
                insert into workspace_invites (id, workspace_id, token, created_by, expires_at, created_at)
                values (:id, :workspace, :token, :by, :expires, :created)""")
                .param("id", invite.id()).param("workspace", invite.workspaceId()).param("token", invite.token())
                .param("by", invite.createdBy()).param("expires", Timestamps.toDb(invite.expiresAt()))
                .param("created", Timestamps.toDb(invite.createdAt())).update();
    }

    public Optional<Invite> findByToken(String token) {
        return jdbc.sql(SELECT + " where token = :token").param("token", token).query(InviteStore::map).optional();
    }

    public Optional<Invite> find(String workspaceId, String id) {
        return jdbc.sql(SELECT + " where workspace_id = :workspace and id = :id")
                .param("workspace", workspaceId).param("id", id).query(InviteStore::map).optional();
    }

    /** The links that still work, newest first. */
    public List<Invite> live(String workspaceId, Instant now) {
        return jdbc.sql(SELECT + " where workspace_id = :workspace and expires_at > :now order by created_at desc, id desc")
                .param("workspace", workspaceId).param("now", Timestamps.toDb(now)).query(InviteStore::map).list();
    }

    public void delete(String id) {
        jdbc.sql("delete from workspace_invites where id = :id").param("id", id).update();
    }

    private static Invite map(ResultSet rs, int row) throws SQLException {
        long by = rs.getLong("created_by");
        return new Invite(rs.getString("id"), rs.getString("workspace_id"), rs.getString("token"),
                rs.wasNull() ? null : by, Timestamps.fromDb(rs, "expires_at"), Timestamps.fromDb(rs, "created_at"));
    }
}
