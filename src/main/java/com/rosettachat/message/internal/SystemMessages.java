package com.rosettachat.message.internal;

import com.rosettachat.channel.ChannelUpdated;
import com.rosettachat.message.Message;
import com.rosettachat.message.MessageScope;
import com.rosettachat.message.MessageService;
import com.rosettachat.message.NewMessage;
import com.rosettachat.message.Sender;
import com.rosettachat.shared.Language;
import com.rosettachat.user.UserService;
import com.rosettachat.workspace.MemberJoined;
import com.rosettachat.workspace.Workspace;
import com.rosettachat.workspace.WorkspaceService;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The server's own messages (CONTRACT §6 type {@code system}), written in English and translated
 * like any other: a member joining a standard workspace is announced in its default channel, and
 * a renamed channel in itself.
 */
@Component
class SystemMessages {

    private final WorkspaceService workspaces;
    private final UserService users;
    private final MessageService messages;

    SystemMessages(WorkspaceService workspaces, UserService users, MessageService messages) {
        this.workspaces = workspaces;
        this.users = users;
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(MemberJoined joined) {
        Workspace workspace = workspaces.find(joined.workspaceId()).orElse(null);
        // The creator is not announced: the workspace is theirs from the first moment.
        if (workspace == null || workspace.defaultChannelId() == null || workspace.ownerId() == joined.userId()
                || !Workspace.STANDARD.equals(workspace.kind())) {
            return;
        }
        users.findById(joined.userId()).ifPresent(user -> post(workspace, user.name() + " joined the workspace."));
    }

    @ApplicationModuleListener
    void on(ChannelUpdated updated) {
        if (updated.renamed()) {
            post(updated.workspaceId(), updated.channelId(),
                    "The channel was renamed from " + updated.previousName() + " to " + updated.name() + ".");
        }
    }

    private void post(Workspace workspace, String text) {
        post(workspace.id(), workspace.defaultChannelId(), text);
    }

    private void post(String workspaceId, String channelId, String text) {
        messages.post(new NewMessage(MessageScope.channel(workspaceId, channelId),
                Sender.system(Language.DEFAULT), text, Message.SYSTEM, List.of(), null, false, null));
    }
}
