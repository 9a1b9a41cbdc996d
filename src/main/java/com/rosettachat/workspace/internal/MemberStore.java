package com.rosettachat.workspace.internal;

import com.rosettachat.shared.paging.Page;
import com.rosettachat.shared.paging.PageRequest;
import com.rosettachat.shared.time.Timestamps;
import com.rosettachat.workspace.Membership;
import com.rosettachat.workspace.Reader;
import com.rosettachat.workspace.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for workspace_members; every read joins the user for the name and the language. */
@Repository
public class MemberStore {

    private static final String SELECT = """
            select m.id, m.workspace_id, m.user_id, m.role, m.preferred_language, m.joined_at,
                   u.name, u.email, u.avatar_url, u.preferred_language as user_language
            from workspace_members m join users u on u.id = m.user_id""";

    private final JdbcClient jdbc;

    MemberStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the user is a member already; never fails the surrounding transaction on that race. */
    public boolean insertIfAbsent(String id, String workspaceId, long userId, Role role, Instant now) {
        return jdbc.sql("""
                insert into workspace_members (id, workspace_id, user_id, role, preferred_language, joined_at)
                values (:id, :workspace, :user, :role, null, :now)
                on conflict do nothing""")
                .param("id", id).param("workspace", workspaceId).param("user", userId)
                .param("role", role.value()).param("now", Timestamps.toDb(now)).update() == 1;
    }

    public Optional<Membership> membership(long userId, String workspaceId) {
        return jdbc.sql("""
                select m.id, m.role, m.preferred_language, u.preferred_language as user_language, w.kind
                from workspace_members m
                join users u on u.id = m.user_id
                join workspaces w on w.id = m.workspace_id
                where m.workspace_id = :workspace and m.user_id = :user""")
                .param("workspace", workspaceId).param("user", userId)
                .query((rs, row) -> {
                    String override = rs.getString("preferred_language");
                    return new Membership(workspaceId, rs.getString("id"), userId, Role.of(rs.getString("role")),
                            override, override != null ? override : rs.getString("user_language"), rs.getString("kind"));
                })
                .optional();
    }

    public List<Reader> readers(String workspaceId) {
        return jdbc.sql("""
                select m.user_id, coalesce(m.preferred_language, u.preferred_language) as language
                from workspace_members m join users u on u.id = m.user_id
                where m.workspace_id = :workspace order by m.user_id""")
                .param("workspace", workspaceId)
                .query((rs, row) -> new Reader(rs.getLong("user_id"), rs.getString("language")))
                .list();
    }

    public Optional<Member> find(String workspaceId, String memberId) {
        return jdbc.sql(SELECT + " where m.workspace_id = :workspace and m.id = :id")
                .param("workspace", workspaceId).param("id", memberId).query(MemberStore::map).optional();
    }

    public Optional<Member> findByUser(String workspaceId, long userId) {
        return jdbc.sql(SELECT + " where m.workspace_id = :workspace and m.user_id = :user")
                .param("workspace", workspaceId).param("user", userId).query(MemberStore::map).optional();
    }

    /** Members in the order they joined, owner first among equals. */
    public Page<Member> page(String workspaceId, PageRequest page) {
        long total = jdbc.sql("select count(*) from workspace_members where workspace_id = :workspace")
                .param("workspace", workspaceId).query(Long.class).single();
        List<Member> members = jdbc.sql(SELECT + " where m.workspace_id = :workspace order by m.joined_at, m.id"
                        + " limit :limit offset :offset")
                .param("workspace", workspaceId).param("limit", page.perPage()).param("offset", page.offset())
                .query(MemberStore::map).list();
        return new Page<>(members, page, total);
    }

    public void updateRole(String memberId, Role role) {
        jdbc.sql("update workspace_members set role = :role where id = :id")
                .param("role", role.value()).param("id", memberId).update();
    }

    public void updateLanguage(String memberId, String language) {
        jdbc.sql("update workspace_members set preferred_language = :language where id = :id")
                .param("language", language).param("id", memberId).update();
    }

    public void delete(String memberId) {
        jdbc.sql("delete from workspace_members where id = :id").param("id", memberId).update();
    }

    private static Member map(ResultSet rs, int row) throws SQLException {
        return new Member(rs.getString("id"), rs.getString("workspace_id"), rs.getLong("user_id"), rs.getString("name"),
                rs.getString("email"), rs.getString("avatar_url"), Role.of(rs.getString("role")),
                rs.getString("preferred_language"), rs.getString("user_language"), Timestamps.fromDb(rs, "joined_at"));
    }
}
