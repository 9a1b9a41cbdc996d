package com.rosettachat.workspace.internal;

import com.rosettachat.shared.Ids;
import com.rosettachat.shared.error.ApiException;
import com.rosettachat.user.User;
import com.rosettachat.user.UserService;
import com.rosettachat.workspace.JoinPasswords;
import com.rosettachat.workspace.Membership;
import com.rosettachat.workspace.MyWorkspace;
import com.rosettachat.workspace.Role;
import com.rosettachat.workspace.Workspace;
import com.rosettachat.workspace.WorkspaceAccess;
import com.rosettachat.workspace.WorkspaceService;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Multi-use invite links (CONTRACT §4). A token is 40 random letters and digits (about 238 bits),
 * so links cannot be guessed; unknown, expired and revoked links all answer the same 404.
 */
@Service
public class InviteService {

    public static final String INVALID = "This invite link is not valid.";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]{40}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the join screen shows before the user signs in. */
    public record Preview(Workspace workspace, String inviterName, Instant expiresAt) {
    }

    private final InviteStore invites;
    private final WorkspaceService workspaces;
    private final WorkspaceStore workspaceStore;
    private final WorkspaceAccess access;
    private final MemberService members;
    private final JoinPasswords passwords;
    private final UserService users;
    private final Clock clock;

    InviteService(InviteStore invites, WorkspaceService workspaces, WorkspaceStore workspaceStore, WorkspaceAccess access,
                  MemberService members, JoinPasswords passwords, UserService users, Clock clock) {
        this.invites = invites;
        this.workspaces = workspaces;
        this.workspaceStore = workspaceStore;
        this.access = access;
        this.members = members;
        this.passwords = passwords;
        this.users = users;
        this.clock = clock;
    }

    @Transactional
    public Invite create(Membership manager, int expiresInDays) {
        Instant now = clock.instant();
        Invite invite = new Invite(Ids.next(), manager.workspaceId(), newToken(), manager.userId(),
                now.plus(Duration.ofDays(expiresInDays)), now);
        invites.insert(invite);
        return invite;
    }

    public List<Invite> list(Membership manager) {
        return invites.live(manager.workspaceId(), clock.instant());
    }

    @Transactional
    public void revoke(Membership manager, String inviteId) {
        if (!Ids.isValid(inviteId)) {
            throw ApiException.notFound();
        }
        Invite invite = invites.find(manager.workspaceId(), inviteId).orElseThrow(ApiException::notFound);
        invites.delete(invite.id());
    }

    public Preview preview(String token) {
        Invite invite = live(token);
        Workspace workspace = workspaces.find(invite.workspaceId()).orElseThrow(() -> ApiException.notFound(INVALID));
        String inviter = invite.createdBy() == null ? null : users.findById(invite.createdBy()).map(User::name).orElse(null);
        return new Preview(workspace, inviter, invite.expiresAt());
    }

    /** Adds the caller as a member; a member already in gets the workspace back without a password. */
    @Transactional
    public MyWorkspace accept(long userId, String token, String password) {
        Invite invite = live(token);
        if (access.membership(userId, invite.workspaceId()).isEmpty()) {
            passwords.check(workspaceStore.passwordHash(invite.workspaceId()).orElse(null), password);
            members.add(invite.workspaceId(), userId, Role.MEMBER);
        }
        return workspaces.require(userId, invite.workspaceId());
    }

    private Invite live(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw ApiException.notFound(INVALID);
        }
        return invites.findByToken(token).filter(i -> !i.expired(clock.instant()))
                .orElseThrow(() -> ApiException.notFound(INVALID));
    }

    private static String newToken() {
        StringBuilder token = new StringBuilder(40);
        for (int i = 0; i < 40; i++) {
            token.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return token.toString();
    }
}
