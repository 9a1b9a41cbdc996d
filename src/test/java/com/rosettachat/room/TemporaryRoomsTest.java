package com.rosettachat.room;

import static com.rosettachat.support.Assertions.RESOURCE_TIMESTAMP;
import static com.rosettachat.support.Assertions.assertError;
import static com.rosettachat.support.Assertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.shared.AppProperties;
import com.rosettachat.support.Http;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class TemporaryRoomsTest extends RoomTestSupport {

    @Autowired
    AppProperties app;

    @Autowired
    RoomService rooms;

    @Test
    void createdRoomHasTheReferenceShape() {
        Account owner = register();
        String token = tokenWith(owner, "temporary-rooms:create");
        Http.Response r = create(token, Map.of("name", "Customer Support Room", "external_reference", "customer-123",
                "ttl_hours", 12));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode room = r.json().at("/data");
        assertThat(room.propertyNames()).containsExactlyInAnyOrder("room_id", "workspace_id", "channel_id", "name", "kind",
                "status", "external_reference", "expires_at", "max_expires_at", "extension_count", "join");
        String roomId = room.at("/room_id").asString();
        assertThat(roomId).matches("[0-9a-hjkmnp-tv-z]{26}");
        assertThat(room.at("/name").asString()).isEqualTo("Customer Support Room");
        assertThat(room.at("/kind").asString()).isEqualTo("temporary_room");
        assertThat(room.at("/status").asString()).isEqualTo("active");
        assertThat(room.at("/external_reference").asString()).isEqualTo("customer-123");
        assertThat(room.at("/extension_count").asInt()).isZero();
        assertThat(room.at("/expires_at").asString()).matches(RESOURCE_TIMESTAMP);
        OffsetDateTime expires = OffsetDateTime.parse(room.at("/expires_at").asString());
        OffsetDateTime max = OffsetDateTime.parse(room.at("/max_expires_at").asString());
        // Free plan: the lifetime cap is 24 hours from creation, the TTL asked for is 12.
        assertThat(Duration.between(expires, max)).isEqualTo(Duration.ofHours(12));
        assertThat(expires).isBetween(OffsetDateTime.now().plusHours(12).minusMinutes(1),
                OffsetDateTime.now().plusHours(12).plusMinutes(1));
        assertThat(room.at("/join").propertyNames()).containsExactlyInAnyOrder("method", "endpoint");
        assertThat(room.at("/join/method").asString()).isEqualTo("POST");
        assertThat(room.at("/join/endpoint").asString())
                .isEqualTo(app.baseUrl() + "/api/v1/external/rooms/" + roomId + "/guests");

        // The room's workspace is the caller's, of kind temporary_room, with the one channel.
        Http.Response workspace = http.get("/api/v1/workspaces/" + room.at("/workspace_id").asString())
                .token(owner.token()).send();
        assertThat(workspace.status()).as(workspace.toString()).isEqualTo(200);
        assertThat(workspace.text("/data/kind")).isEqualTo("temporary_room");
        assertThat(workspace.text("/data/my_role")).isEqualTo("owner");
        assertThat(workspace.text("/data/default_channel_id")).isEqualTo(room.at("/channel_id").asString());
        // ...which is not one of the owner's standard workspaces.
        assertThat(http.get("/api/v1/workspaces").token(owner.token()).send().body()).doesNotContain(roomId)
                .doesNotContain(room.at("/workspace_id").asString());
    }

    @Test
    void defaultsTo24HoursAndAcceptsAMissingReference() {
        Account owner = register();
        Http.Response r = create(owner.token(), Map.of("name", "Plain"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().at("/data/external_reference").isNull()).isTrue();
        assertThat(Duration.between(OffsetDateTime.now(), OffsetDateTime.parse(r.text("/data/expires_at"))))
                .isBetween(Duration.ofHours(24).minusMinutes(1), Duration.ofHours(24));
        assertThat(r.text("/data/max_expires_at")).isEqualTo(r.text("/data/expires_at"));
    }

    @Test
    void validatesTheBody() {
        Account owner = register();
        String token = owner.token();
        assertInvalid(create(token, Map.of()), "name", "The name field is required.");
        assertInvalid(create(token, Map.of("name", " ")), "name", "The name field is required.");
        assertInvalid(create(token, Map.of("name", 1)), "name", "The name field must be a string.");
        assertInvalid(create(token, Map.of("name", "x".repeat(121))), "name",
                "The name field must not be greater than 120 characters.");
        assertInvalid(create(token, Map.of("name", "x", "external_reference", "r".repeat(256))), "external_reference",
                "The external reference field must not be greater than 255 characters.");
        assertInvalid(create(token, Map.of("name", "x", "external_reference", 5)), "external_reference",
                "The external reference field must be a string.");
        assertInvalid(create(token, Map.of("name", "x", "ttl_hours", 0)), "ttl_hours", "The ttl hours field must be at least 1.");
        assertInvalid(create(token, Map.of("name", "x", "ttl_hours", -3)), "ttl_hours", "The ttl hours field must be at least 1.");
        assertInvalid(create(token, Map.of("name", "x", "ttl_hours", "soon")), "ttl_hours", "The ttl hours field must be an integer.");
        assertInvalid(create(token, Map.of("name", "x", "ttl_hours", 1.5)), "ttl_hours", "The ttl hours field must be an integer.");
        assertInvalid(create(token, Map.of("name", "x", "ttl_hours", 25)), "ttl_hours", "ttl_hours_exceeds_limit");
        assertInvalid(create(token, Map.of("name", "x", "ttl_hours", 99_999_999_999L)), "ttl_hours", "ttl_hours_exceeds_limit");
        // None of the refused requests made a room.
        assertThat(http.get(ROOMS).token(token).send().json().at("/data").size()).isZero();
    }

    @Test
    void eachRouteNeedsItsAbility() {
        Account owner = register();
        String roomId = room(owner).id();
        String creator = tokenWith(owner, "temporary-rooms:create");
        String reader = tokenWith(owner, "temporary-rooms:read");
        String extender = tokenWith(owner, "temporary-rooms:extend");

        assertError(create(reader, Map.of("name", "x")), 403, "Invalid ability provided.");
        assertError(create(extender, Map.of("name", "x")), 403, "Invalid ability provided.");
        assertError(http.get(ROOMS).token(creator).send(), 403, "Invalid ability provided.");
        assertError(http.get(ROOMS + "/usage").token(extender).send(), 403, "Invalid ability provided.");
        assertError(http.post(ROOMS + "/" + roomId + "/extend").token(reader).json(Map.of()).send(), 403,
                "Invalid ability provided.");
        assertError(http.delete(ROOMS + "/" + roomId).token(reader).send(), 403, "Invalid ability provided.");
        assertThat(http.get(ROOMS).token(reader).send().status()).isEqualTo(200);
        assertThat(http.get(ROOMS + "/usage").token(reader).send().status()).isEqualTo(200);

        for (String path : new String[] {ROOMS, ROOMS + "/usage"}) {
            assertError(http.get(path).send(), 401, "Unauthenticated.");
        }
        assertError(http.post(ROOMS).json(Map.of("name", "x")).send(), 401, "Unauthenticated.");
        assertError(http.post(ROOMS + "/" + roomId + "/extend").json(Map.of()).send(), 401, "Unauthenticated.");
        assertError(http.delete(ROOMS + "/" + roomId).send(), 401, "Unauthenticated.");
    }

    @Test
    void listsTheOwnersRoomsNewestFirstWithTheirStatusNow() {
        Account owner = register();
        Account other = register();
        Room first = room(owner, Map.of("name", "First", "ttl_hours", 1));
        Room second = room(owner, Map.of("name", "Second"));
        Room third = room(owner, Map.of("name", "Third"));
        room(other);
        assertThat(http.delete(ROOMS + "/" + third.id()).token(owner.token()).send().status()).isEqualTo(200);
        clock.advance(Duration.ofHours(2));

        Http.Response list = http.get(ROOMS).token(owner.token()).send();
        assertThat(list.status()).isEqualTo(200);
        JsonNode data = list.json().at("/data");
        assertThat(data.size()).isEqualTo(3);
        assertThat(data.get(0).at("/room_id").asString()).isEqualTo(third.id());
        assertThat(data.get(0).at("/status").asString()).isEqualTo("closed");
        assertThat(data.get(1).at("/room_id").asString()).isEqualTo(second.id());
        assertThat(data.get(1).at("/status").asString()).isEqualTo("active");
        assertThat(data.get(1).at("/kind").asString()).isEqualTo("temporary_room");
        // Past its expiry before the job ran: already listed as expired.
        assertThat(data.get(2).at("/room_id").asString()).isEqualTo(first.id());
        assertThat(data.get(2).at("/status").asString()).isEqualTo("expired");

        for (String[] filter : new String[][] {{"active", second.id()}, {"expired", first.id()}, {"closed", third.id()}}) {
            Http.Response filtered = http.get(ROOMS + "?status=" + filter[0]).token(owner.token()).send();
            assertThat(filtered.json().at("/data").size()).as(filter[0]).isEqualTo(1);
            assertThat(filtered.text("/data/0/room_id")).isEqualTo(filter[1]);
        }
        assertInvalid(http.get(ROOMS + "?status=gone").token(owner.token()).send(), "status",
                "The selected status is invalid.");

        // The job brings the stored status up to date; the answer stays the same.
        assertThat(rooms.expireDue()).isGreaterThanOrEqualTo(1);
        assertThat(http.get(ROOMS + "?status=expired").token(owner.token()).send().text("/data/0/room_id"))
                .isEqualTo(first.id());
    }

    @Test
    void usageSummaryHasTheReferenceShape() {
        Account owner = register();
        room(owner);
        Http.Response r = http.get(ROOMS + "/usage").token(owner.token()).send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().at("/data").propertyNames()).containsExactlyInAnyOrder("limits", "usage", "abuse_signals");
        assertThat(r.json().at("/data/limits").propertyNames()).containsExactlyInAnyOrder("active_limit", "monthly_creation_limit");
        assertThat(r.json().at("/data/usage").propertyNames())
                .containsExactlyInAnyOrder("active_room_count", "monthly_creation_count");
        assertThat(r.json().at("/data/abuse_signals").propertyNames())
                .containsExactlyInAnyOrder("active_limit_reached", "monthly_creation_limit_reached");
        assertThat(r.json().at("/data/limits/active_limit").asInt()).isEqualTo(3);
        assertThat(r.json().at("/data/limits/monthly_creation_limit").asInt()).isEqualTo(10);
        assertThat(r.json().at("/data/usage/active_room_count").asInt()).isEqualTo(1);
        assertThat(r.json().at("/data/usage/monthly_creation_count").asInt()).isEqualTo(1);
        assertThat(r.json().at("/data/abuse_signals/active_limit_reached").asBoolean()).isFalse();
        assertThat(r.json().at("/data/abuse_signals/monthly_creation_limit_reached").asBoolean()).isFalse();
    }

    @Test
    void theOwnerClosesARoomEarlyAndNobodyElseCan() {
        Account owner = register();
        Account stranger = register();
        Room room = room(owner);
        assertError(http.delete(ROOMS + "/" + room.id()).token(stranger.token()).send(), 404, "Not found.");
        assertError(http.delete(ROOMS + "/01ktvxyqmbcm7abv91483q1hfd").token(owner.token()).send(), 404, "Not found.");
        assertError(http.delete(ROOMS + "/nope").token(owner.token()).send(), 404, "Not found.");

        Http.Response closed = http.delete(ROOMS + "/" + room.id()).token(owner.token()).send();
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.text("/data/status")).isEqualTo("closed");
        assertThat(closed.text("/data/room_id")).isEqualTo(room.id());
        // Closing again changes nothing; a closed room no longer counts as active.
        assertThat(http.delete(ROOMS + "/" + room.id()).token(owner.token()).send().text("/data/status")).isEqualTo("closed");
        assertThat(http.get(ROOMS + "/usage").token(owner.token()).send().json().at("/data/usage/active_room_count").asInt())
                .isZero();
        // An expired room stays expired when "closed".
        Room expiring = room(owner, Map.of("name", "Short", "ttl_hours", 1));
        clock.advance(Duration.ofHours(1));
        assertThat(http.delete(ROOMS + "/" + expiring.id()).token(owner.token()).send().text("/data/status"))
                .isEqualTo("expired");
    }

    @Test
    void theOwnerReadsAndPostsThroughTheChannelRoutes() {
        Account owner = register();
        Account stranger = register();
        Room room = room(owner);
        Http.Response posted = http.post(room.channelMessages()).token(owner.token()).json(Map.of("content", "Welcome")).send();
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        assertThat(posted.text("/data/sender/type")).isEqualTo("user");
        Http.Response history = http.get(room.channelMessages()).token(owner.token()).send();
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.text("/data/0/original_content")).isEqualTo("Welcome");
        assertError(http.get(room.channelMessages()).token(stranger.token()).send(), 404, "Not found.");
    }
}
