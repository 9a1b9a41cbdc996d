package com.rosettachat.channel;

import com.rosettachat.channel.internal.Channel;
import com.rosettachat.channel.internal.ChannelStore;
import com.rosettachat.shared.Ids;
import com.rosettachat.shared.error.ApiException;
import com.rosettachat.shared.web.RequestMemo;
import com.rosettachat.workspace.Membership;
import com.rosettachat.workspace.Reader;
import com.rosettachat.workspace.WorkspaceAccess;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Who may read and post in a channel (CONTRACT §5). Public channels are open to every workspace
 * member; private ones to their members, and owners and admins see them too. Posting in a private
 * channel takes channel membership, even for an admin: its readers are its members, so a message
 * from outside that list would reach people it was not written for. Answers are remembered for
 * the current request only.
 */
@Service
public class ChannelAccess {

    private final WorkspaceAccess workspaces;
    private final ChannelStore store;

    ChannelAccess(WorkspaceAccess workspaces, ChannelStore store) {
        this.workspaces = workspaces;
        this.store = store;
    }

    /** The channel when it belongs to the workspace, whoever asks. */
    public Optional<ChannelRef> find(String workspaceId, String channelId) {
        if (!Ids.isValid(workspaceId) || !Ids.isValid(channelId)) {
            return Optional.empty();
        }
        return RequestMemo.get("channel:" + workspaceId + ":" + channelId,
                () -> store.find(workspaceId, channelId).map(c -> c.ref()));
    }

    public boolean canRead(long userId, String workspaceId, String channelId) {
        return readable(userId, workspaceId, channelId).isPresent();
    }

    /** 404 {@code Not found.} unless the user may read the channel. */
    public ChannelRef requireReadable(long userId, String workspaceId, String channelId) {
        return readable(userId, workspaceId, channelId).orElseThrow(ApiException::notFound);
    }

    /** 404 unless readable; 403 for an owner or admin who sees a private channel without being its member. */
    public ChannelRef requirePostable(long userId, String workspaceId, String channelId) {
        ChannelRef channel = requireReadable(userId, workspaceId, channelId);
        if (!channel.isPublic() && !isMember(userId, channelId)) {
            throw ApiException.forbidden();
        }
        return channel;
    }

    /**
     * Ids of the workspace's channels the user may read right now: public ones and the private
     * ones they belong to, or every channel for an owner or admin; none for a non-member.
     */
    public List<String> readableChannelIds(long userId, String workspaceId) {
        return workspaces.membership(userId, workspaceId)
                .map(m -> (m.canManage() ? store.all(workspaceId) : store.visibleTo(workspaceId, userId))
                        .stream().map(Channel::id).toList())
                .orElse(List.of());
    }

    /** Ids of the workspace's public channels: where every member sees who joins and leaves. */
    public List<String> publicChannelIds(String workspaceId) {
        return store.all(workspaceId).stream().filter(c -> c.ref().isPublic()).map(Channel::id).toList();
    }

    /** Everyone who reads the channel: every workspace member for a public one, its members for a private one. */
    public List<Reader> readers(String workspaceId, String channelId) {
        return find(workspaceId, channelId)
                .map(c -> c.isPublic() ? workspaces.readers(workspaceId)
                        : RequestMemo.get("channel-readers:" + channelId, () -> store.readers(channelId)))
                .orElse(List.of());
    }

    private Optional<ChannelRef> readable(long userId, String workspaceId, String channelId) {
        Optional<Membership> membership = workspaces.membership(userId, workspaceId);
        if (membership.isEmpty()) {
            return Optional.empty();
        }
        return find(workspaceId, channelId)
                .filter(c -> c.isPublic() || membership.get().canManage() || isMember(userId, c.id()));
    }

    private boolean isMember(long userId, String channelId) {
        return RequestMemo.get("channel-member:" + userId + ":" + channelId, () -> store.isMember(channelId, userId));
    }
}
