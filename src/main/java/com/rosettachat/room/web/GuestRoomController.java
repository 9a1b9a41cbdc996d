package com.rosettachat.room.web;

import com.rosettachat.message.HistoryRequest;
import com.rosettachat.message.Message;
import com.rosettachat.message.MessagePage;
import com.rosettachat.message.MessageRequest;
import com.rosettachat.message.MessageScope;
import com.rosettachat.message.MessageService;
import com.rosettachat.message.NewMessage;
import com.rosettachat.message.Sender;
import com.rosettachat.message.Viewer;
import com.rosettachat.room.RoomService;
import com.rosettachat.shared.Language;
import com.rosettachat.shared.error.ApiException;
import com.rosettachat.shared.ratelimit.RateLimit;
import com.rosettachat.shared.ratelimit.RateLimitHeaders;
import com.rosettachat.shared.ratelimit.RateLimitProperties;
import com.rosettachat.shared.ratelimit.RateLimiter;
import com.rosettachat.shared.security.CurrentGuest;
import com.rosettachat.shared.security.GuestAllowed;
import com.rosettachat.shared.security.PublicEndpoint;
import com.rosettachat.shared.validation.Input;
import com.rosettachat.shared.web.ClientIp;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The guest's side of a temporary room: joining without an account, then reading and posting in
 * the room's one channel with the {@code X-Rosetta-Guest-Token} it got. A token is good for its
 * own room only: any other room is 404 to it, as if it did not exist.
 */
@RestController
@RequestMapping("/api/v1/external/rooms/{room_id}")
@Tag(name = "External Temporary Rooms")
class GuestRoomController {

    private final RoomService rooms;
    private final MessageService messages;
    private final RateLimiter limiter;
    private final RateLimit joinLimit;

    GuestRoomController(RoomService rooms, MessageService messages, RateLimiter limiter, RateLimitProperties limits) {
        this.rooms = rooms;
        this.messages = messages;
        this.limiter = limiter;
        this.joinLimit = RateLimit.perMinute("guest-join", limits.guestJoinPerMinute());
    }

    @PublicEndpoint
    @SecurityRequirements
    @PostMapping("/guests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Join a Temporary Room as a guest", description = "No account needed. nickname (required, at most "
            + "60 characters), preferred_language (required: en, zh-CN, ja, th or id). Returns the guest, a grst_ session "
            + "token for the X-Rosetta-Guest-Token header (valid until the room expires) and the room. 410 "
            + "temporary_room_expired once the room is over; 10 joins per minute per IP.")
    Map<String, RoomView.Joined> join(@PathVariable("room_id") String roomId, Input input, HttpServletRequest request,
                                      HttpServletResponse response) {
        RateLimitHeaders.enforce(response, limiter.hit("guest-join:" + ClientIp.of(request), joinLimit));
        if (rooms.find(roomId).map(r -> !r.available(rooms.now())).orElse(false)) {
            throw CurrentGuest.roomUnavailable();
        }
        String nickname = input.field("nickname").required().string().max(60).asString();
        String language = input.field("preferred_language").required().string().in(Language.CODES).asString();
        input.validate();
        RoomService.Joined joined = rooms.join(roomId, nickname, language);
        return Map.of("data", RoomView.Joined.of(joined, rooms.now(), CurrentGuest.HEADER));
    }

    @GuestAllowed
    @GetMapping("/messages")
    @Operation(summary = "List guest-visible room messages", description = "Requires X-Rosetta-Guest-Token of this room. "
            + "The room channel's messages in the guest's language, oldest first; limit 1-100 (default 50), before/after "
            + "a message id, parent_message_id for a thread.")
    @SecurityRequirement(name = "guest")
    MessagePage list(CurrentGuest guest, @PathVariable("room_id") String roomId, Input input) {
        requireOwnRoom(guest, roomId);
        var query = HistoryRequest.parse(input, true);
        return messages.history(MessageScope.channel(guest.workspaceId(), guest.channelId()), query,
                Viewer.guest(guest.guestId(), guest.language()));
    }

    @GuestAllowed
    @PostMapping("/messages")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Send a guest room message", description = "Requires X-Rosetta-Guest-Token of this room. content "
            + "(required without attachment_ids, at most 10,000 characters), attachment_ids (the guest's own uploads to "
            + "this room), parent_message_id (a top-level message of the room), skip_translation.")
    @SecurityRequirement(name = "guest")
    Map<String, Message> post(CurrentGuest guest, @PathVariable("room_id") String roomId, Input input) {
        requireOwnRoom(guest, roomId);
        MessageRequest request = MessageRequest.parse(input, MessageRequest.Options.THREADS);
        NewMessage message = request.toMessage(MessageScope.channel(guest.workspaceId(), guest.channelId()),
                Sender.guest(guest.guestId(), guest.nickname(), guest.language()),
                NewMessage.AttachmentOwner.guestOf(guest.roomId()));
        return Map.of("data", messages.post(message));
    }

    private static void requireOwnRoom(CurrentGuest guest, String roomId) {
        if (roomId == null || !guest.roomId().equals(roomId.toLowerCase())) {
            throw ApiException.notFound();
        }
    }
}
