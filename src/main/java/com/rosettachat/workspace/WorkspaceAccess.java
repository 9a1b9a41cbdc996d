package com.rosettachat.workspace;

import com.rosettachat.shared.Ids;
import com.rosettachat.shared.error.ApiException;
import com.rosettachat.shared.web.RequestMemo;
import com.rosettachat.workspace.internal.MemberStore;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Who may do what in a workspace, asked by every module that serves workspace data. Answers are
 * remembered for the current request only ({@link RequestMemo}), so a removed member is refused
 * on their very next request. Outsiders, unknown and malformed ids all get the same 404, so
 * nobody learns whether a workspace exists.
 */
@Service
public class WorkspaceAccess {

    private final MemberStore members;

    WorkspaceAccess(MemberStore members) {
        this.members = members;
    }

    public Optional<Membership> membership(long userId, String workspaceId) {
        if (!Ids.isValid(workspaceId)) {
            return Optional.empty();
        }
        return RequestMemo.get("workspace-membership:" + userId + ":" + workspaceId,
                () -> members.membership(userId, workspaceId));
    }

    /** 404 {@code Not found.} unless the user is a member. */
    public Membership requireMember(long userId, String workspaceId) {
        return membership(userId, workspaceId).orElseThrow(ApiException::notFound);
    }

    /** 404 for outsiders, 403 for members who are neither owner nor admin. */
    public Membership requireManager(long userId, String workspaceId) {
        Membership membership = requireMember(userId, workspaceId);
        if (!membership.canManage()) {
            throw ApiException.forbidden();
        }
        return membership;
    }

    /** Every member and the language they read in; empty for an unknown workspace. */
    public List<Reader> readers(String workspaceId) {
        if (!Ids.isValid(workspaceId)) {
            return List.of();
        }
        return RequestMemo.get("workspace-readers:" + workspaceId, () -> members.readers(workspaceId));
    }
}
