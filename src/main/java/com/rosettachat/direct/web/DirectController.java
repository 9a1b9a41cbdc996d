package com.rosettachat.direct.web;

import com.rosettachat.direct.Conversation;
import com.rosettachat.direct.DirectService;
import com.rosettachat.direct.Participant;
import com.rosettachat.message.HistoryRequest;
import com.rosettachat.message.Message;
import com.rosettachat.message.MessagePage;
import com.rosettachat.message.MessageRequest;
import com.rosettachat.shared.security.CurrentUser;
import com.rosettachat.shared.validation.Input;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Direct chat", description = "One conversation per pair of users")
class DirectController {

    private final DirectService direct;

    DirectController(DirectService direct) {
        this.direct = direct;
    }

    @PostMapping("/api/v1/direct-recipients/resolve")
    @Operation(summary = "Find a user to talk to by email", description = "404 when no active user has that email.")
    Map<String, Participant> resolve(CurrentUser caller, Input input) {
        String email = input.field("email").required().string().email().max(255).asString();
        input.validate();
        return Map.of("data", direct.resolve(caller.id(), email));
    }

    @GetMapping("/api/v1/direct-conversations")
    @Operation(summary = "List my conversations", description = "Most recent activity first.")
    Map<String, List<Conversation>> list(CurrentUser caller) {
        return Map.of("data", direct.list(caller.id()));
    }

    @PostMapping("/api/v1/direct-conversations")
    @Operation(summary = "Open a conversation", description = "201 with a new conversation, 200 with the existing one.")
    ResponseEntity<Map<String, Conversation>> open(CurrentUser caller, Input input) {
        Long participant = input.field("participant_user_id").required().integer().asLong();
        input.validate();
        DirectService.Opened opened = direct.open(caller.id(), participant);
        return ResponseEntity.status(opened.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(Map.of("data", opened.conversation()));
    }

    @GetMapping("/api/v1/direct-conversations/{conversation_id}/messages")
    @Operation(summary = "List a conversation's messages", description = "Oldest first; limit 1-100 (default 50), before/after a message id.")
    MessagePage messages(CurrentUser caller, @PathVariable("conversation_id") String conversationId, Input input) {
        direct.requireAccess(caller.id(), conversationId);
        var query = HistoryRequest.parse(input, false);
        return direct.history(caller.id(), conversationId, query);
    }

    @PostMapping("/api/v1/direct-conversations/{conversation_id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Post a direct message", description = "content (required without attachment_ids), attachment_ids, skip_translation.")
    Map<String, Message> post(CurrentUser caller, @PathVariable("conversation_id") String conversationId, Input input) {
        direct.requireAccess(caller.id(), conversationId);
        MessageRequest request = MessageRequest.parse(input);
        return Map.of("data", direct.post(caller.id(), conversationId, request));
    }
}
