package com.rosettachat.automation.web;

import com.rosettachat.channel.ChannelAccess;
import com.rosettachat.message.Message;
import com.rosettachat.message.MessageRequest;
import com.rosettachat.message.MessageScope;
import com.rosettachat.message.MessageService;
import com.rosettachat.message.NewMessage;
import com.rosettachat.message.Sender;
import com.rosettachat.shared.security.Abilities;
import com.rosettachat.shared.security.CurrentUser;
import com.rosettachat.shared.security.RequiresAbility;
import com.rosettachat.shared.validation.Input;
import com.rosettachat.workspace.Membership;
import com.rosettachat.workspace.WorkspaceAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A bot posting with a token of its user: the same rules as that user posting in the channel,
 * but the message is marked as automation so readers can tell a script from a person.
 */
@RestController
@Tag(name = "Automation", description = "Post into channels with a token holding automation:write")
class AutomationMessagesController {

    private final ChannelAccess channels;
    private final WorkspaceAccess workspaces;
    private final MessageService messages;

    AutomationMessagesController(ChannelAccess channels, WorkspaceAccess workspaces, MessageService messages) {
        this.channels = channels;
        this.workspaces = workspaces;
        this.messages = messages;
    }

    @RequiresAbility(Abilities.AUTOMATION_WRITE)
    @PostMapping("/api/v1/automation/workspaces/{workspace_id}/channels/{channel_id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Post a channel message as automation", description = "Needs a token with automation:write whose "
            + "user may post in the channel. content (required without attachment_ids, at most 10,000 characters), "
            + "attachment_ids (that user's staged uploads), parent_message_id, skip_translation. Sender type automation.")
    Map<String, Message> post(CurrentUser caller, @PathVariable("workspace_id") String workspaceId,
                              @PathVariable("channel_id") String channelId, Input input) {
        channels.requirePostable(caller.id(), workspaceId, channelId);
        Membership member = workspaces.requireMember(caller.id(), workspaceId);
        MessageRequest request = MessageRequest.parse(input, MessageRequest.Options.THREADS);
        NewMessage message = request.toMessage(MessageScope.channel(member.workspaceId(), channelId.toLowerCase()),
                Sender.automation(caller.id(), member.effectiveLanguage()), NewMessage.AttachmentOwner.user(caller.id()));
        return Map.of("data", messages.post(message));
    }
}
