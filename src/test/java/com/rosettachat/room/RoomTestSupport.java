package com.rosettachat.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Rooms, plans, ability tokens and guests, made through the API as a developer's backend would. */
abstract class RoomTestSupport extends ApiTest {

    static final String ROOMS = "/api/v1/external/rooms";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    /** A room as its creation answered. */
    record Room(String id, String workspaceId, String channelId, String expiresAt, String maxExpiresAt) {
        String guests() {
            return ROOMS + "/" + id + "/guests";
        }

        String messages() {
            return ROOMS + "/" + id + "/messages";
        }

        String channelMessages() {
            return "/api/v1/workspaces/" + workspaceId + "/channels/" + channelId + "/messages";
        }
    }

    /** A guest as its join answered. */
    record Guest(String id, String token, String nickname, String language) {
    }

    String tokenWith(Account account, String... abilities) {
        Http.Response r = http.post("/api/v1/me/tokens").token(account.token())
                .json(Map.of("name", "backend", "abilities", List.of(abilities))).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("/access_token");
    }

    void setPlan(Account account, String plan) {
        Http.Response r = http.patch("/api/v1/admin/users/" + account.id()).token(admin().token())
                .json(Map.of("plan", plan)).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    Http.Response create(String token, Map<String, ?> body) {
        return http.post(ROOMS).token(token).json(body).send();
    }

    Room room(Account owner, Map<String, ?> body) {
        Http.Response r = create(owner.token(), body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new Room(r.text("/data/room_id"), r.text("/data/workspace_id"), r.text("/data/channel_id"),
                r.text("/data/expires_at"), r.text("/data/max_expires_at"));
    }

    Room room(Account owner) {
        return room(owner, Map.of("name", "Support"));
    }

    /** Each call comes from an address of its own, so joins in tests never share the per-IP budget. */
    Http fromNewAddress() {
        int n = ADDRESSES.incrementAndGet();
        return http.from("198.18." + (n / 250 % 250) + "." + (n % 250 + 1));
    }

    Http.Response join(Room room, Map<String, ?> body) {
        return fromNewAddress().post(room.guests()).json(body).send();
    }

    Guest guest(Room room, String nickname, String language) {
        Http.Response r = join(room, Map.of("nickname", nickname, "preferred_language", language));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new Guest(r.text("/data/guest/id"), r.text("/data/session/token"), nickname, language);
    }

    Http.Call asGuest(Http.Call call, Guest guest) {
        return call.header("X-Rosetta-Guest-Token", guest.token());
    }
}
