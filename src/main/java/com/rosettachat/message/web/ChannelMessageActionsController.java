package com.rosettachat.message.web;

import com.rosettachat.channel.ChannelAccess;
import com.rosettachat.message.Message;
import com.rosettachat.message.MessageEditor;
import com.rosettachat.message.MessagePins;
import com.rosettachat.message.MessageReactions;
import com.rosettachat.message.MessageScope;
import com.rosettachat.message.ReadMarkers;
import com.rosettachat.message.ReadState;
import com.rosettachat.message.Viewer;
import com.rosettachat.shared.security.CurrentUser;
import com.rosettachat.shared.validation.Input;
import com.rosettachat.workspace.Membership;
import com.rosettachat.workspace.WorkspaceAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/workspaces/{workspace_id}/channels/{channel_id}")
@Tag(name = "Channel message actions", description = "Edit, delete, react to and pin channel messages; pins and read markers")
class ChannelMessageActionsController {

    private final ChannelAccess channels;
    private final WorkspaceAccess workspaces;
    private final MessageEditor editor;
    private final MessageReactions reactions;
    private final MessagePins pins;
    private final ReadMarkers reads;

    ChannelMessageActionsController(ChannelAccess channels, WorkspaceAccess workspaces, MessageEditor editor,
                                    MessageReactions reactions, MessagePins pins, ReadMarkers reads) {
        this.channels = channels;
        this.workspaces = workspaces;
        this.editor = editor;
        this.reactions = reactions;
        this.pins = pins;
        this.reads = reads;
    }

    /** The caller as a reader of the channel: 404 before anything else for whoever may not read it. */
    private record Reader(Membership member, MessageScope.Channel scope, Viewer viewer) {
    }

    private Reader reader(CurrentUser caller, String workspaceId, String channelId, boolean posting) {
        if (posting) {
            channels.requirePostable(caller.id(), workspaceId, channelId);
        } else {
            channels.requireReadable(caller.id(), workspaceId, channelId);
        }
        Membership member = workspaces.requireMember(caller.id(), workspaceId);
        return new Reader(member, new MessageScope.Channel(member.workspaceId(), channelId.toLowerCase()),
                Viewer.user(caller.id(), member.effectiveLanguage()));
    }

    @PatchMapping("/messages/{id}")
    @Operation(summary = "Edit a channel message", description = "The sender only (others 403): `content`, 1-10,000 "
            + "characters as when posting; attachments stay. Sets edited_at, drops the old translations and translates "
            + "again (translation_status back to pending); no new push. 422 on a deleted message.")
    Map<String, Message> edit(CurrentUser caller, @PathVariable("workspace_id") String workspaceId,
                              @PathVariable("channel_id") String channelId, @PathVariable String id, Input input) {
        Reader r = reader(caller, workspaceId, channelId, false);
        return Map.of("data", editor.edit(r.scope(), id, r.viewer(), MessageEditor.parseContent(input)));
    }

    @DeleteMapping("/messages/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a channel message", description = "The sender, or a workspace owner or admin (others "
            + "403). The message stays in history as a tombstone (deleted_at set, empty content, no attachments or "
            + "reactions, unpinned); its attached files are deleted; thread replies stay. Deleting again is a 204 too.")
    void delete(CurrentUser caller, @PathVariable("workspace_id") String workspaceId,
                @PathVariable("channel_id") String channelId, @PathVariable String id) {
        Reader r = reader(caller, workspaceId, channelId, false);
        editor.delete(r.scope(), id, caller.id(), r.member().canManage());
    }

    @PutMapping("/messages/{id}/reactions/{emoji}")
    @Operation(summary = "React to a channel message", description = "Any reader; idempotent. `emoji` is one URL-encoded "
            + "Unicode emoji (👍, 👍🏽, 🇯🇵) or a `:shortcode:` (letters, digits, _ + -, at most 50), at most 64 "
            + "characters, else 422. Answers the message with its reactions [{emoji, count, me}]. 422 on a deleted message.")
    Map<String, Message> react(CurrentUser caller, @PathVariable("workspace_id") String workspaceId,
                               @PathVariable("channel_id") String channelId, @PathVariable String id,
                               @PathVariable String emoji) {
        Reader r = reader(caller, workspaceId, channelId, false);
        return Map.of("data", reactions.add(r.scope(), id, MessageReactions.parseEmoji(emoji), r.viewer()));
    }

    @DeleteMapping("/messages/{id}/reactions/{emoji}")
    @Operation(summary = "Remove a reaction from a channel message", description = "The caller's own reaction; "
            + "idempotent. Answers the message.")
    Map<String, Message> unreact(CurrentUser caller, @PathVariable("workspace_id") String workspaceId,
                                 @PathVariable("channel_id") String channelId, @PathVariable String id,
                                 @PathVariable String emoji) {
        Reader r = reader(caller, workspaceId, channelId, false);
        return Map.of("data", reactions.remove(r.scope(), id, MessageReactions.parseEmoji(emoji), r.viewer()));
    }

    @PutMapping("/messages/{id}/pin")
    @Operation(summary = "Pin a channel message", description = "Anyone who may post in the channel; idempotent; at "
            + "most 100 pins per channel (422). Answers the message with pinned_at and pinned_by. 422 on a deleted message.")
    Map<String, Message> pin(CurrentUser caller, @PathVariable("workspace_id") String workspaceId,
                             @PathVariable("channel_id") String channelId, @PathVariable String id) {
        Reader r = reader(caller, workspaceId, channelId, true);
        return Map.of("data", pins.pin(r.scope(), id, r.viewer()));
    }

    @DeleteMapping("/messages/{id}/pin")
    @Operation(summary = "Unpin a channel message", description = "Anyone who may post in the channel; idempotent.")
    Map<String, Message> unpin(CurrentUser caller, @PathVariable("workspace_id") String workspaceId,
                               @PathVariable("channel_id") String channelId, @PathVariable String id) {
        Reader r = reader(caller, workspaceId, channelId, true);
        return Map.of("data", pins.unpin(r.scope(), id, r.viewer()));
    }

    @GetMapping("/pins")
    @Operation(summary = "List a channel's pinned messages", description = "Rendered for the caller, newest pin first.")
    Map<String, List<Message>> pinned(CurrentUser caller, @PathVariable("workspace_id") String workspaceId,
                                      @PathVariable("channel_id") String channelId) {
        Reader r = reader(caller, workspaceId, channelId, false);
        return Map.of("data", pins.pinned(r.scope(), r.viewer()));
    }

    @PostMapping("/read")
    @Operation(summary = "Mark a channel read", description = "`message_id`: a top-level message of this channel "
            + "(422 otherwise). The marker only moves forward. Answers {unread_count, mention_count, last_read_message_id}.")
    Map<String, ReadState> read(CurrentUser caller, @PathVariable("workspace_id") String workspaceId,
                                @PathVariable("channel_id") String channelId, Input input) {
        Reader r = reader(caller, workspaceId, channelId, false);
        return Map.of("data", reads.markChannelRead(r.member(), r.scope().channelId(), ReadMarkers.parseMessageId(input)));
    }
}
