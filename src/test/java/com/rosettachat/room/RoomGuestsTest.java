package com.rosettachat.room;

import static com.rosettachat.support.Assertions.assertError;
import static com.rosettachat.support.Assertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.message.MessageAudience;
import com.rosettachat.message.Viewer;
import com.rosettachat.support.Http;
import com.rosettachat.support.Messages;
import com.rosettachat.support.TestTranslationServer;
import com.rosettachat.support.Multipart;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class RoomGuestsTest extends RoomTestSupport {

    private static final String EXPIRED = "temporary_room_expired";

    @Autowired
    RoomService rooms;

    @Autowired
    MessageAudience audience;

    @Autowired
    JdbcClient jdbc;

    private void assertGone(Http.Response r) {
        assertError(r, 410, "Temporary Room is not available.");
        assertThat(r.text("/errors/code/0")).isEqualTo(EXPIRED);
    }

    private Http.Response guestPost(Room room, Guest guest, Map<String, ?> body) {
        return asGuest(http.post(room.messages()), guest).json(body).send();
    }

    private Http.Response guestList(Room room, Guest guest) {
        return asGuest(http.get(room.messages()), guest).send();
    }

    private Http.Response guestUpload(Guest guest, String name, byte[] bytes) {
        Multipart body = new Multipart().file("file", name, "application/octet-stream", bytes);
        return http.post("/api/v1/files").header("X-Rosetta-Guest-Token", guest.token())
                .stream(body.contentType(), body.publisher()).send();
    }

    @Test
    void aGuestJoinsWithoutAnAccount() {
        Account owner = register();
        Room room = room(owner, Map.of("name", "Customer Support Room"));
        Http.Response r = join(room, Map.of("nickname", " Mei ", "preferred_language", "zh-CN"));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode data = r.json().at("/data");
        assertThat(data.propertyNames()).containsExactlyInAnyOrder("guest", "session", "room");
        assertThat(data.at("/guest").propertyNames()).containsExactlyInAnyOrder("id", "nickname", "preferred_language");
        assertThat(data.at("/guest/id").asString()).matches("[0-9a-hjkmnp-tv-z]{26}");
        assertThat(data.at("/guest/nickname").asString()).isEqualTo("Mei");
        assertThat(data.at("/guest/preferred_language").asString()).isEqualTo("zh-CN");
        assertThat(data.at("/session").propertyNames()).containsExactlyInAnyOrder("token", "token_type", "header", "expires_at");
        String token = data.at("/session/token").asString();
        assertThat(token).matches("grst_[A-Za-z0-9]{48}");
        assertThat(data.at("/session/token_type").asString()).isEqualTo("guest");
        assertThat(data.at("/session/header").asString()).isEqualTo("X-Rosetta-Guest-Token");
        assertThat(data.at("/session/expires_at").asString()).isEqualTo(room.expiresAt());
        assertThat(data.at("/room").propertyNames())
                .containsExactlyInAnyOrder("room_id", "workspace_id", "channel_id", "name", "status", "expires_at");
        assertThat(data.at("/room/room_id").asString()).isEqualTo(room.id());
        assertThat(data.at("/room/workspace_id").asString()).isEqualTo(room.workspaceId());
        assertThat(data.at("/room/channel_id").asString()).isEqualTo(room.channelId());
        assertThat(data.at("/room/name").asString()).isEqualTo("Customer Support Room");
        assertThat(data.at("/room/status").asString()).isEqualTo("active");
        assertThat(data.at("/room/expires_at").asString()).isEqualTo(room.expiresAt());

        // Only a digest of the token is stored; no account was made.
        String hash = jdbc.sql("select token_hash from room_guests where id = :id")
                .param("id", data.at("/guest/id").asString()).query(String.class).single();
        assertThat(hash).hasSize(64).doesNotContain(token.substring(5));
        // Each join is a new guest with a token of its own.
        Guest again = guest(room, "Mei", "zh-CN");
        assertThat(again.token()).isNotEqualTo(token);
        assertThat(again.id()).isNotEqualTo(data.at("/guest/id").asString());
    }

    @Test
    void joinValidatesAndKnowsOnlyRealRooms() {
        Room room = room(register());
        assertInvalid(join(room, Map.of("preferred_language", "en")), "nickname", "The nickname field is required.");
        assertInvalid(join(room, Map.of("nickname", "  ", "preferred_language", "en")), "nickname",
                "The nickname field is required.");
        assertInvalid(join(room, Map.of("nickname", "x".repeat(61), "preferred_language", "en")), "nickname",
                "The nickname field must not be greater than 60 characters.");
        assertInvalid(join(room, Map.of("nickname", 3, "preferred_language", "en")), "nickname",
                "The nickname field must be a string.");
        assertInvalid(join(room, Map.of("nickname", "Mei")), "preferred_language", "The preferred language field is required.");
        assertInvalid(join(room, Map.of("nickname", "Mei", "preferred_language", "zh")), "preferred_language",
                "The selected preferred language is invalid.");
        assertInvalid(join(room, Map.of("nickname", "Mei", "preferred_language", "EN")), "preferred_language",
                "The selected preferred language is invalid.");
        for (String language : List.of("en", "zh-CN", "ja", "th", "id")) {
            assertThat(join(room, Map.of("nickname", "g", "preferred_language", language)).status()).isEqualTo(201);
        }
        assertError(fromNewAddress().post(ROOMS + "/01ktvxyqmbcm7abv91483q1hfd/guests")
                .json(Map.of("nickname", "Mei", "preferred_language", "en")).send(), 404, "Not found.");
        assertError(fromNewAddress().post(ROOMS + "/nope/guests")
                .json(Map.of("nickname", "Mei", "preferred_language", "en")).send(), 404, "Not found.");
    }

    @Test
    void tenJoinsPerMinutePerAddress() {
        Room room = room(register());
        Http client = http.from("203.0.113.77");
        Map<String, String> body = Map.of("nickname", "g", "preferred_language", "en");
        for (int i = 0; i < 10; i++) {
            Http.Response r = client.post(room.guests()).json(body).send();
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            assertThat(r.header("X-RateLimit-Limit")).isEqualTo("10");
            assertThat(r.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(9 - i));
        }
        Http.Response refused = client.post(room.guests()).json(body).send();
        assertError(refused, 429, "Too Many Attempts.");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        // Another address still gets in.
        assertThat(http.from("203.0.113.78").post(room.guests()).json(body).send().status()).isEqualTo(201);
    }

    @Test
    void guestsAndTheOwnerTalkEachInTheirLanguage() {
        Account owner = register();
        Room room = room(owner);
        Guest mei = guest(room, "Mei", "zh-CN");
        Http.Response hello = http.post(room.channelMessages()).token(owner.token()).json(Map.of("content", "Hello")).send();
        assertThat(hello.status()).isEqualTo(201);

        Http.Response posted = guestPost(room, mei, Map.of("content", "你好"));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        JsonNode m = posted.json().at("/data");
        assertThat(m.propertyNames()).contains("id", "original_content", "translation_status", "display_content",
                "display_source", "sender", "attachments", "channel_id", "workspace_id");
        assertThat(m.at("/sender/type").asString()).isEqualTo("guest");
        assertThat(m.at("/sender/id").asString()).isEqualTo(mei.id());
        assertThat(m.at("/sender/name").asString()).isEqualTo("Mei");
        assertThat(m.at("/channel_id").asString()).isEqualTo(room.channelId());
        assertThat(m.at("/original_content").asString()).isEqualTo("你好");
        assertThat(m.at("/original_language").asString()).isEqualTo("zh-CN");
        assertThat(m.at("/display_source").asString()).isEqualTo("original");

        // A thread reply to the owner's message.
        Http.Response reply = guestPost(room, mei, Map.of("content", "谢谢", "parent_message_id", hello.text("/data/id")));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.text("/data/parent_message_id")).isEqualTo(hello.text("/data/id"));

        Http.Response list = guestList(room, mei);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().propertyNames()).containsExactlyInAnyOrder("data", "meta");
        assertThat(list.json().at("/data").size()).isEqualTo(2);
        // The owner's English reaches the guest in Chinese once translated, and the guest's Chinese the owner in English.
        JsonNode helloForMei = Messages.await(asGuest(http.get(room.messages()), mei), hello.text("/data/id"),
                Messages.status("completed"));
        assertThat(helloForMei.at("/display_content").asString()).isEqualTo(TestTranslationServer.translated("zh-Hans", "Hello") /* LibreTranslate's code for zh-CN */);
        assertThat(helloForMei.at("/display_language").asString()).isEqualTo("zh-CN");
        assertThat(helloForMei.at("/display_source").asString()).isEqualTo("translated");
        JsonNode meiForOwner = Messages.await(http.get(room.channelMessages()).token(owner.token()), m.at("/id").asString(),
                Messages.status("completed"));
        assertThat(meiForOwner.at("/display_content").asString()).isEqualTo(TestTranslationServer.translated("en", "你好"));
        assertThat(Messages.await(asGuest(http.get(room.messages()), mei), m.at("/id").asString(), Messages.status("completed"))
                .at("/display_content").asString()).isEqualTo("你好");
        assertThat(list.json().at("/data/0/reply_count").asInt()).isEqualTo(1);
        assertThat(list.text("/data/0/original_content")).isEqualTo("Hello");
        assertThat(list.text("/data/1/id")).isEqualTo(m.at("/id").asString());
        Http.Response thread = asGuest(http.get(room.messages() + "?parent_message_id=" + hello.text("/data/id")), mei).send();
        assertThat(thread.json().at("/data").size()).isEqualTo(1);
        assertThat(asGuest(http.get(room.messages() + "?limit=1"), mei).send().json().at("/meta/has_more").asBoolean()).isTrue();
        assertInvalid(asGuest(http.get(room.messages() + "?limit=500"), mei).send(), "limit",
                "The limit field must not be greater than 100.");

        // The owner reads the guest's message in the channel.
        Http.Response ownerView = http.get(room.channelMessages()).token(owner.token()).send();
        assertThat(ownerView.text("/data/1/sender/type")).isEqualTo("guest");
        // The guest's language is a translation target of the room's messages.
        assertThat(audience.readers(hello.text("/data/id"))).contains(Viewer.guest(mei.id(), "zh-CN"));
    }

    @Test
    void guestPostsAreValidatedLikeChannelPosts() {
        Room room = room(register());
        Guest guest = guest(room, "Ana", "id");
        assertInvalid(guestPost(room, guest, Map.of()), "content", "The content field is required when attachment ids is not present.");
        assertInvalid(guestPost(room, guest, Map.of("content", "a".repeat(10_001))), "content",
                "The content field must not be greater than 10000 characters.");
        assertInvalid(guestPost(room, guest, Map.of("content", "x", "parent_message_id", "01ktvxyqmbcm7abv91483q1hfd")),
                "parent_message_id", "The selected parent message id is invalid.");
        assertInvalid(guestPost(room, guest, Map.of("content", "x", "skip_translation", "no way")), "skip_translation",
                "The skip translation field must be true or false.");
        Http.Response skipped = guestPost(room, guest, Map.of("content", "x", "skip_translation", true));
        assertThat(skipped.text("/data/translation_status")).isEqualTo("skipped");
    }

    @Test
    void aGuestTokenIsGoodForItsOwnRoomOnly() {
        Account owner = register();
        Room room = room(owner);
        Room otherRoom = room(owner);
        Guest guest = guest(room, "Mei", "ja");
        guestPost(room, guest, Map.of("content", "mine"));

        assertError(guestList(otherRoom, guest), 404, "Not found.");
        assertError(guestPost(otherRoom, guest, Map.of("content", "x")), 404, "Not found.");
        // Not a bearer token, and nothing outside the room's guest routes accepts it.
        for (String path : List.of("/api/v1/me", "/api/v1/workspaces", ROOMS, ROOMS + "/usage", room.channelMessages(),
                "/api/v1/workspaces/" + room.workspaceId(), "/api/v1/me/files")) {
            assertError(asGuest(http.get(path), guest).send(), 401, "Unauthenticated.");
        }
        assertError(asGuest(http.post(room.channelMessages()), guest).json(Map.of("content", "x")).send(), 401,
                "Unauthenticated.");
        assertError(asGuest(http.delete(ROOMS + "/" + room.id()), guest).send(), 401, "Unauthenticated.");
        assertError(http.get(room.messages()).token(guest.token()).send(), 401, "Unauthenticated.");

        // Without a guest token, or with a made-up one, or with the owner's bearer token: 401.
        assertError(http.get(room.messages()).send(), 401, "Unauthenticated.");
        assertError(http.get(room.messages()).header("X-Rosetta-Guest-Token", "grst_" + "x".repeat(48)).send(), 401,
                "Unauthenticated.");
        assertError(http.get(room.messages()).header("X-Rosetta-Guest-Token", guest.token() + "x").send(), 401,
                "Unauthenticated.");
        assertError(http.get(room.messages()).token(owner.token()).send(), 401, "Unauthenticated.");
        assertError(http.post(room.messages()).token(owner.token()).json(Map.of("content", "x")).send(), 401,
                "Unauthenticated.");
        // The other room never saw the guest's message.
        assertThat(http.get(otherRoom.channelMessages()).token(owner.token()).send().json().at("/data").size()).isZero();
    }

    @Test
    void anExpiredRoomIsGoneForItsGuestsBeforeAndAfterTheJobRuns() {
        Account owner = register();
        Room room = room(owner, Map.of("name", "Short", "ttl_hours", 1));
        Guest guest = guest(room, "Mei", "en");
        clock.advance(Duration.ofMinutes(59));
        assertThat(guestList(room, guest).status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(1));
        assertGone(guestList(room, guest));
        assertGone(guestPost(room, guest, Map.of("content", "late")));
        assertGone(join(room, Map.of("nickname", "Late", "preferred_language", "en")));
        assertGone(join(room, Map.of()));
        assertGone(guestUpload(guest, "a.txt", "x".getBytes()));

        assertThat(rooms.expireDue()).isGreaterThanOrEqualTo(1);
        assertGone(guestList(room, guest));
        assertGone(join(room, Map.of("nickname", "Later", "preferred_language", "en")));
        assertThat(http.get(ROOMS).token(owner.token()).send().text("/data/0/status")).isEqualTo("expired");
        // Guests are no translation targets any more; the owner still reads the history.
        assertThat(http.get(room.channelMessages()).token(owner.token()).send().status()).isEqualTo(200);
    }

    @Test
    void aClosedRoomIsGoneForItsGuests() {
        Account owner = register();
        Room room = room(owner);
        Guest guest = guest(room, "Mei", "th");
        assertThat(http.delete(ROOMS + "/" + room.id()).token(owner.token()).send().status()).isEqualTo(200);
        assertGone(guestList(room, guest));
        assertGone(guestPost(room, guest, Map.of("content", "hello?")));
        assertGone(join(room, Map.of("nickname", "Late", "preferred_language", "en")));
    }

    @Test
    void guestUploadsAreAttachableOnlyByGuestsOfTheirRoom() {
        Account owner = register();
        Room room = room(owner);
        Room otherRoom = room(owner);
        Guest mei = guest(room, "Mei", "en");
        Guest ana = guest(room, "Ana", "en");
        Guest stranger = guest(otherRoom, "Stranger", "en");

        Http.Response upload = guestUpload(mei, "notes.txt", "meeting notes\n".getBytes());
        assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
        assertThat(upload.json().at("/data/client_name").asString()).isEqualTo("notes.txt");
        assertThat(upload.json().at("/data/claimed").asBoolean()).isFalse();
        String fileId = upload.text("/data/id");
        String other = guestUpload(mei, "b.txt", "b".getBytes()).text("/data/id");

        // Not the owner's, not another room's guest's, nobody's to read through /files.
        assertInvalid(http.post(room.channelMessages()).token(owner.token()).json(Map.of("attachment_ids", List.of(fileId)))
                .send(), "attachment_ids.0", "The selected attachment ids.0 is invalid.");
        assertInvalid(guestPost(otherRoom, stranger, Map.of("attachment_ids", List.of(fileId))), "attachment_ids.0",
                "The selected attachment ids.0 is invalid.");
        assertError(http.get("/api/v1/files/" + fileId).token(owner.token()).send(), 404, "Not found.");
        assertError(asGuest(http.get("/api/v1/files/" + fileId), mei).send(), 401, "Unauthenticated.");

        Http.Response posted = guestPost(room, mei, Map.of("attachment_ids", List.of(fileId)));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        assertThat(posted.text("/data/attachments/0/file_id")).isEqualTo(fileId);
        // Anonymous uploads belong to the room: another guest of it may attach one too.
        assertThat(guestPost(room, ana, Map.of("attachment_ids", List.of(other))).status()).isEqualTo(201);

        // The room's guests and owner download it; a guest of another room does not.
        String download = posted.text("/data/attachments/0/download_url").replaceFirst("^https?://[^/]+", "");
        Http.Response bytes = asGuest(http.get(download), ana).send();
        assertThat(bytes.status()).as(bytes.toString()).isEqualTo(200);
        assertThat(bytes.body()).isEqualTo("meeting notes\n");
        assertThat(http.get(download).token(owner.token()).send().status()).isEqualTo(200);
        assertError(asGuest(http.get(download), stranger).send(), 404, "Not found.");
        assertError(http.get(download).send(), 401, "Unauthenticated.");
        // Once the room is closed, its guests download nothing.
        http.delete(ROOMS + "/" + room.id()).token(owner.token()).send();
        assertGone(asGuest(http.get(download), ana).send());
        assertGone(guestUpload(ana, "c.txt", "c".getBytes()));
    }
}
