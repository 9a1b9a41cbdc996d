package com.rosettachat.workspace;

import com.rosettachat.shared.Ids;
import com.rosettachat.shared.Slugs;
import com.rosettachat.shared.error.ApiException;
import com.rosettachat.workspace.internal.MemberService;
import com.rosettachat.workspace.internal.WorkspaceStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace module's API: creating workspaces (standard ones from the API, temporary rooms for
 * the room module), reading them and joining public ones.
 */
@Service
public class WorkspaceService {

    public static final int SLUG_MAX = 80;

    private final WorkspaceStore store;
    private final MemberService members;
    private final DefaultChannels defaultChannels;
    private final JoinPasswords passwords;
    private final WorkspaceAccess access;
    private final Clock clock;

    WorkspaceService(WorkspaceStore store, MemberService members, DefaultChannels defaultChannels,
                     JoinPasswords passwords, WorkspaceAccess access, Clock clock) {
        this.store = store;
        this.members = members;
        this.defaultChannels = defaultChannels;
        this.passwords = passwords;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Creates the workspace with its owner and its public {@code general} channel, in one
     * transaction. A slug the caller chose that is taken is 422; a generated one gets the next
     * free {@code -N} suffix.
     */
    @Transactional
    public CreatedWorkspace create(NewWorkspace request) {
        String id = Ids.next();
        Instant now = clock.instant();
        String hash = passwords.hash(request.password());
        Slugs.insertUnique(request.slug(), request.name(), "workspace", SLUG_MAX, store::slugsLike,
                slug -> store.insertIfSlugFree(id, request.name(), slug, request.visibility(), hash, request.kind(),
                        request.ownerId(), now));
        members.add(id, request.ownerId(), Role.OWNER);
        String memberId = access.requireMember(request.ownerId(), id).memberId();
        String channelId = defaultChannels.createDefault(id, memberId, request.ownerId());
        store.setDefaultChannel(id, channelId);
        return new CreatedWorkspace(id, memberId, channelId);
    }

    public Optional<Workspace> find(String workspaceId) {
        return Ids.isValid(workspaceId) ? store.find(workspaceId) : Optional.empty();
    }

    /** The workspace and the caller's role; 404 unless the caller is a member. */
    public MyWorkspace require(long userId, String workspaceId) {
        Membership membership = access.requireMember(userId, workspaceId);
        return new MyWorkspace(store.find(workspaceId).orElseThrow(ApiException::notFound), membership.role());
    }

    /** The user's standard workspaces (temporary rooms are listed by the room module). */
    public List<MyWorkspace> listStandard(long userId) {
        return store.listFor(userId, Workspace.STANDARD);
    }

    /**
     * Joins a public standard workspace, giving its password when it has one. Members get the
     * workspace back unchanged; a private workspace is 404 to outsiders, as if it did not exist.
     */
    @Transactional
    public MyWorkspace join(long userId, String workspaceId, String password) {
        if (access.membership(userId, workspaceId).isEmpty()) {
            Workspace workspace = find(workspaceId)
                    .filter(w -> w.isPublic() && Workspace.STANDARD.equals(w.kind()))
                    .orElseThrow(ApiException::notFound);
            passwords.check(store.passwordHash(workspace.id()).orElse(null), password);
            members.add(workspace.id(), userId, Role.MEMBER);
        }
        return require(userId, workspaceId);
    }
}
