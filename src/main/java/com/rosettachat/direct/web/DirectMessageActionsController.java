package com.rosettachat.direct.web;

import com.rosettachat.direct.DirectService;
import com.rosettachat.message.Message;
import com.rosettachat.message.MessageEditor;
import com.rosettachat.message.MessageReactions;
import com.rosettachat.message.ReadMarkers;
import com.rosettachat.message.ReadState;
import com.rosettachat.shared.security.CurrentUser;
import com.rosettachat.shared.validation.Input;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/direct-conversations/{conversation_id}")
@Tag(name = "Direct message actions", description = "Edit, delete and react to direct messages; read markers")
class DirectMessageActionsController {

    private final DirectService direct;
    private final MessageEditor editor;
    private final MessageReactions reactions;
    private final ReadMarkers reads;

    DirectMessageActionsController(DirectService direct, MessageEditor editor, MessageReactions reactions,
                                   ReadMarkers reads) {
        this.direct = direct;
        this.editor = editor;
        this.reactions = reactions;
        this.reads = reads;
    }

    @PatchMapping("/messages/{message_id}")
    @Operation(summary = "Edit a direct message", description = "The sender only (the other participant 403): "
            + "`content`, 1-10,000 characters; attachments stay. Sets edited_at and translates again; no new push. "
            + "422 on a deleted message.")
    Map<String, Message> edit(CurrentUser caller, @PathVariable("conversation_id") String conversationId,
                              @PathVariable("message_id") String messageId, Input input) {
        DirectService.Participation p = direct.participation(caller.id(), conversationId);
        return Map.of("data", editor.edit(p.scope(), messageId, p.viewer(), MessageEditor.parseContent(input)));
    }

    @DeleteMapping("/messages/{message_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a direct message", description = "The sender only (the other participant 403). "
            + "The message stays as a tombstone (deleted_at set, empty content, no attachments or reactions); its "
            + "attached files are deleted. Deleting again is a 204 too.")
    void delete(CurrentUser caller, @PathVariable("conversation_id") String conversationId,
                @PathVariable("message_id") String messageId) {
        DirectService.Participation p = direct.participation(caller.id(), conversationId);
        editor.delete(p.scope(), messageId, caller.id(), false);
    }

    @PutMapping("/messages/{message_id}/reactions/{emoji}")
    @Operation(summary = "React to a direct message", description = "Either participant; idempotent. `emoji` is one "
            + "URL-encoded Unicode emoji or a `:shortcode:`, at most 64 characters, else 422. Answers the message.")
    Map<String, Message> react(CurrentUser caller, @PathVariable("conversation_id") String conversationId,
                               @PathVariable("message_id") String messageId, @PathVariable String emoji) {
        DirectService.Participation p = direct.participation(caller.id(), conversationId);
        return Map.of("data", reactions.add(p.scope(), messageId, MessageReactions.parseEmoji(emoji), p.viewer()));
    }

    @DeleteMapping("/messages/{message_id}/reactions/{emoji}")
    @Operation(summary = "Remove a reaction from a direct message", description = "The caller's own; idempotent.")
    Map<String, Message> unreact(CurrentUser caller, @PathVariable("conversation_id") String conversationId,
                                 @PathVariable("message_id") String messageId, @PathVariable String emoji) {
        DirectService.Participation p = direct.participation(caller.id(), conversationId);
        return Map.of("data", reactions.remove(p.scope(), messageId, MessageReactions.parseEmoji(emoji), p.viewer()));
    }

    @PostMapping("/read")
    @Operation(summary = "Mark a conversation read", description = "`message_id`: a message of this conversation "
            + "(422 otherwise). The marker only moves forward. Answers {unread_count, mention_count, last_read_message_id}.")
    Map<String, ReadState> read(CurrentUser caller, @PathVariable("conversation_id") String conversationId, Input input) {
        DirectService.Participation p = direct.participation(caller.id(), conversationId);
        return Map.of("data", reads.markConversationRead(caller.id(), p.scope().conversationId(),
                ReadMarkers.parseMessageId(input)));
    }
}
