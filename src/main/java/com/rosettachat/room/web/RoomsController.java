package com.rosettachat.room.web;

import com.rosettachat.room.Room;
import com.rosettachat.room.RoomService;
import com.rosettachat.shared.AppProperties;
import com.rosettachat.shared.security.Abilities;
import com.rosettachat.shared.security.CurrentUser;
import com.rosettachat.shared.security.RequiresAbility;
import com.rosettachat.shared.validation.Input;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The owner's side of temporary rooms; the owner reads and posts through the ordinary channel routes. */
@RestController
@RequestMapping("/api/v1/external/rooms")
@Tag(name = "External Temporary Rooms", description = "Developer-owned rooms that guests join without an account")
class RoomsController {

    private static final List<String> STATUSES = List.of(Room.ACTIVE, Room.EXPIRED, Room.CLOSED);

    private final RoomService rooms;
    private final AppProperties app;

    RoomsController(RoomService rooms, AppProperties app) {
        this.rooms = rooms;
        this.app = app;
    }

    @RequiresAbility(Abilities.ROOMS_CREATE)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a Temporary Room", description = "Requires temporary-rooms:create. name (required, at most "
            + "120 characters), external_reference (at most 255), ttl_hours (integer, at least 1, default 24, capped by "
            + "the plan: 422 ttl_hours_exceeds_limit). 403 temporary_room_quota_exceeded for the active or monthly limit.")
    Map<String, RoomView> create(CurrentUser caller, Input input) {
        String name = input.field("name").required().string().max(120).asString();
        String reference = input.field("external_reference").string().max(255).asString();
        Long ttl = input.field("ttl_hours").integer().min(1).asLong();
        input.validate();
        Room room = rooms.create(caller.id(), name, reference, ttl);
        return Map.of("data", RoomView.of(room, rooms.now(), app.baseUrl()));
    }

    @RequiresAbility(Abilities.ROOMS_READ)
    @GetMapping
    @Operation(summary = "List developer-owned Temporary Rooms", description = "Requires temporary-rooms:read. Newest first; "
            + "status=active|expired|closed filters.")
    Map<String, List<RoomView>> list(CurrentUser caller, Input input) {
        String status = input.field("status").string().in(STATUSES).asString();
        input.validate();
        var now = rooms.now();
        return Map.of("data", rooms.list(caller.id(), status).stream().map(r -> RoomView.of(r, now, app.baseUrl())).toList());
    }

    @RequiresAbility(Abilities.ROOMS_READ)
    @GetMapping("/usage")
    @Operation(summary = "Show Temporary Room usage summary", description = "Requires temporary-rooms:read. The plan's "
            + "limits, the rooms active now and created this calendar month (UTC), and whether a limit is reached.")
    Map<String, RoomView.Usage> usage(CurrentUser caller) {
        return Map.of("data", RoomView.Usage.of(rooms.usage(caller.id())));
    }

    @RequiresAbility(Abilities.ROOMS_EXTEND)
    @PostMapping("/{room_id}/extend")
    @Operation(summary = "Extend a Temporary Room", description = "Requires temporary-rooms:extend and a plan allowing "
            + "extensions (else 403 temporary_room_extension_not_allowed). extension_hours (integer, at least 1; default "
            + "the plan's single-extension maximum); beyond it or past max_expires_at: 422 extension_hours_exceeds_limit. "
            + "410 once the room expired or was closed.")
    Map<String, RoomView.Extended> extend(CurrentUser caller, @PathVariable("room_id") String roomId, Input input) {
        Long hours = input.field("extension_hours").integer().min(1).asLong();
        input.validate();
        return Map.of("data", RoomView.Extended.of(rooms.extend(caller.id(), roomId, hours)));
    }

    @RequiresAbility(Abilities.ROOMS_CREATE)
    @DeleteMapping("/{room_id}")
    @Operation(summary = "Close a Temporary Room early", description = "Requires temporary-rooms:create. The room's status "
            + "becomes closed and its guests get 410 from then on; a room already over is returned unchanged.")
    Map<String, RoomView> close(CurrentUser caller, @PathVariable("room_id") String roomId) {
        Room room = rooms.close(caller.id(), roomId);
        return Map.of("data", RoomView.of(room, rooms.now(), app.baseUrl()));
    }
}
