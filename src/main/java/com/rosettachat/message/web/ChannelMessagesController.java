package com.rosettachat.message.web;

import com.rosettachat.channel.ChannelAccess;
import com.rosettachat.message.HistoryRequest;
import com.rosettachat.message.Message;
import com.rosettachat.message.MessagePage;
import com.rosettachat.message.MessageRequest;
import com.rosettachat.message.MessageScope;
import com.rosettachat.message.MessageService;
import com.rosettachat.message.NewMessage;
import com.rosettachat.message.Sender;
import com.rosettachat.message.Viewer;
import com.rosettachat.shared.security.CurrentUser;
import com.rosettachat.shared.validation.Input;
import com.rosettachat.workspace.Membership;
import com.rosettachat.workspace.WorkspaceAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/workspaces/{workspace_id}/channels/{channel_id}/messages")
@Tag(name = "Channel messages", description = "Post and read a channel's messages and threads, each rendered in the reader's language")
class ChannelMessagesController {

    private final ChannelAccess channels;
    private final WorkspaceAccess workspaces;
    private final MessageService messages;

    ChannelMessagesController(ChannelAccess channels, WorkspaceAccess workspaces, MessageService messages) {
        this.channels = channels;
        this.workspaces = workspaces;
        this.messages = messages;
    }

    @GetMapping
    @Operation(summary = "List channel messages", description = "Top-level messages (or one thread with parent_message_id), "
            + "oldest first; limit 1-100 (default 50), before/after a message id; meta.has_more, next_before, next_after.")
    MessagePage list(CurrentUser caller, @PathVariable("workspace_id") String workspaceId,
                     @PathVariable("channel_id") String channelId, Input input) {
        channels.requireReadable(caller.id(), workspaceId, channelId);
        Membership member = workspaces.requireMember(caller.id(), workspaceId);
        var query = HistoryRequest.parse(input, true);
        return messages.history(MessageScope.channel(member.workspaceId(), channelId.toLowerCase()), query,
                Viewer.user(caller.id(), member.effectiveLanguage()));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Post a channel message", description = "content (required without attachment_ids, at most 10,000 "
            + "characters), attachment_ids (up to 10 of your own staged uploads), parent_message_id (a top-level message "
            + "of this channel), type text|markdown, skip_translation.")
    Map<String, Message> post(CurrentUser caller, @PathVariable("workspace_id") String workspaceId,
                              @PathVariable("channel_id") String channelId, Input input) {
        channels.requirePostable(caller.id(), workspaceId, channelId);
        Membership member = workspaces.requireMember(caller.id(), workspaceId);
        MessageRequest request = MessageRequest.parse(input, MessageRequest.Options.TYPE, MessageRequest.Options.THREADS);
        NewMessage message = request.toMessage(MessageScope.channel(member.workspaceId(), channelId.toLowerCase()),
                Sender.user(caller.id(), member.effectiveLanguage()), NewMessage.AttachmentOwner.user(caller.id()));
        return Map.of("data", messages.post(message));
    }
}
