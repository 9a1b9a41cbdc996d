package com.rosettachat.workspace.internal;

import com.rosettachat.shared.Ids;
import com.rosettachat.shared.error.ApiException;
import com.rosettachat.shared.paging.Page;
import com.rosettachat.shared.paging.PageRequest;
import com.rosettachat.shared.web.RequestMemo;
import com.rosettachat.workspace.MemberJoined;
import com.rosettachat.workspace.MemberLanguageChanged;
import com.rosettachat.workspace.MemberLeft;
import com.rosettachat.workspace.MemberRoleChanged;
import com.rosettachat.workspace.Membership;
import com.rosettachat.workspace.Role;
import java.time.Clock;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The role rules of CONTRACT §4: owners and admins manage members, only the owner changes roles
 * (granting or removing admin, transferring ownership), and everyone may set their own language
 * or leave — except the owner, who transfers first.
 */
@Service
public class MemberService {

    static final String OWNER_MUST_TRANSFER = "The owner must transfer ownership before leaving the workspace.";
    static final String OWNER_ROLE_FIXED = "The owner must transfer ownership to another member before changing their own role.";

    private final MemberStore members;
    private final WorkspaceStore workspaces;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MemberService(MemberStore members, WorkspaceStore workspaces, ApplicationEventPublisher events, Clock clock) {
        this.members = members;
        this.workspaces = workspaces;
        this.events = events;
        this.clock = clock;
    }

    /** Adds the user unless they are a member already; true when they were added. */
    @Transactional
    public boolean add(String workspaceId, long userId, Role role) {
        String id = Ids.next();
        if (!members.insertIfAbsent(id, workspaceId, userId, role, clock.instant())) {
            return false;
        }
        RequestMemo.clear();
        events.publishEvent(new MemberJoined(workspaceId, id, userId));
        return true;
    }

    public Page<Member> page(Membership caller, PageRequest page) {
        return members.page(caller.workspaceId(), page);
    }

    @Transactional
    public Member update(Membership caller, String memberId, MemberChanges changes) {
        Member target = find(caller, memberId);
        boolean self = target.userId() == caller.userId();
        if (!self && !caller.canManage()) {
            throw ApiException.forbidden();
        }
        if (changes.languageSent() && !self) {
            throw ApiException.forbidden();
        }
        if (changes.role() != null && changes.role() != target.role()) {
            changeRole(caller, target, changes.role());
        }
        if (changes.languageSent() && !Objects.equals(changes.language(), target.preferredLanguage())) {
            members.updateLanguage(target.id(), changes.language());
            String effective = changes.language() != null ? changes.language() : target.userLanguage();
            if (!effective.equals(target.effectiveLanguage())) {
                events.publishEvent(new MemberLanguageChanged(caller.workspaceId(), target.userId(), effective));
            }
        }
        RequestMemo.clear();
        return members.find(caller.workspaceId(), target.id()).orElseThrow();
    }

    private void changeRole(Membership caller, Member target, Role role) {
        if (!caller.isOwner()) {
            throw ApiException.forbidden();
        }
        if (target.userId() == caller.userId()) {
            throw ApiException.unprocessable(OWNER_ROLE_FIXED);
        }
        if (role == Role.OWNER) {
            if (!workspaces.transferOwner(caller.workspaceId(), caller.userId(), target.userId(), clock.instant())) {
                throw ApiException.forbidden();
            }
            members.updateRole(caller.memberId(), Role.ADMIN);
            events.publishEvent(new MemberRoleChanged(caller.workspaceId(), caller.memberId(), caller.userId(),
                    Role.OWNER, Role.ADMIN));
        }
        members.updateRole(target.id(), role);
        events.publishEvent(new MemberRoleChanged(caller.workspaceId(), target.id(), target.userId(), target.role(), role));
    }

    /** Removing someone else, or leaving when the member is the caller. */
    @Transactional
    public void remove(Membership caller, String memberId) {
        Member target = find(caller, memberId);
        if (target.userId() == caller.userId()) {
            if (caller.isOwner()) {
                throw ApiException.unprocessable(OWNER_MUST_TRANSFER);
            }
        } else if (!caller.canManage() || target.role() == Role.OWNER
                || (target.role() == Role.ADMIN && !caller.isOwner())) {
            throw ApiException.forbidden();
        }
        members.delete(target.id());
        RequestMemo.clear();
        events.publishEvent(new MemberLeft(caller.workspaceId(), target.id(), target.userId()));
    }

    private Member find(Membership caller, String memberId) {
        if (!Ids.isValid(memberId)) {
            throw ApiException.notFound();
        }
        return members.find(caller.workspaceId(), memberId).orElseThrow(ApiException::notFound);
    }
}
