package com.rosettachat.direct;

import static com.rosettachat.support.Assertions.assertError;
import static com.rosettachat.support.Assertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.message.MessageDeleted;
import com.rosettachat.message.MessageEdited;
import com.rosettachat.message.MessageEditor;
import com.rosettachat.message.ReactionChanged;
import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import com.rosettachat.support.RecordedEvents;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** Editing, deleting and reacting in a direct conversation: the sender edits and deletes, either participant reacts. */
class DirectMessageActionsTest extends ApiTest {

    @Autowired
    ConfigurableApplicationContext context;

    private record Chat(Account ann, Account bob, Account eve, String id) {
        String messages() {
            return "/api/v1/direct-conversations/" + id + "/messages";
        }
    }

    private Chat chat() {
        Account ann = register();
        Account bob = register();
        String id = http.post("/api/v1/direct-conversations").token(ann.token())
                .json(Map.of("participant_user_id", bob.id())).send().text("/data/id");
        return new Chat(ann, bob, register(), id);
    }

    private String post(Chat chat, Account who, Map<String, ?> body) {
        Http.Response r = http.post(chat.messages()).token(who.token()).json(body).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("/data/id");
    }

    private JsonNode latest(Chat chat, Account who) {
        return http.get("/api/v1/direct-conversations").token(who.token()).send().json().at("/data/0/last_message");
    }

    @Test
    void theSenderEditsAndDeletesTheOtherParticipantCannot() {
        Chat chat = chat();
        String file = upload(chat.ann().token(), "plan.txt", "plan".getBytes(StandardCharsets.UTF_8)).text("/data/id");
        String id = post(chat, chat.ann(), Map.of("content", "See you at 5", "attachment_ids", List.of(file)));
        String path = chat.messages() + "/" + id;

        assertError(http.patch(path).token(chat.bob().token()).json(Map.of("content", "x")).send(), 403,
                "This action is unauthorized.");
        assertError(http.delete(path).token(chat.bob().token()).send(), 403, "This action is unauthorized.");
        assertError(http.patch(path).token(chat.eve().token()).json(Map.of("content", "x")).send(), 404, "Not found.");
        assertError(http.delete(path).token(chat.eve().token()).send(), 404, "Not found.");
        assertError(http.patch("/api/v1/direct-conversations/01ktvxyqmbcm7abv91483q1hfd/messages/" + id)
                .token(chat.ann().token()).json(Map.of("content", "x")).send(), 404, "Not found.");
        assertInvalid(http.patch(path).token(chat.ann().token()).json(Map.of()).send(), "content",
                "The content field is required.");

        try (RecordedEvents events = new RecordedEvents(context)) {
            Http.Response edited = http.patch(path).token(chat.ann().token()).json(Map.of("content", "See you at 6")).send();
            assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
            assertThat(edited.text("/data/conversation_id")).isEqualTo(chat.id());
            assertThat(edited.text("/data/edited_at")).isNotNull();
            assertThat(edited.json().at("/data/attachments").size()).isEqualTo(1);
            assertThat(events.of(MessageEdited.class)).containsExactly(new MessageEdited(id, null, null, chat.id(), null,
                    chat.ann().id()));
        }
        assertThat(latest(chat, chat.bob()).at("/original_content").asString()).isEqualTo("See you at 6");

        try (RecordedEvents events = new RecordedEvents(context)) {
            assertThat(http.delete(path).token(chat.ann().token()).send().status()).isEqualTo(204);
            assertThat(events.of(MessageDeleted.class)).containsExactly(new MessageDeleted(id, null, null, chat.id(), null,
                    chat.ann().id()));
        }
        JsonNode tombstone = latest(chat, chat.bob());
        assertThat(tombstone.at("/id").asString()).isEqualTo(id);
        assertThat(tombstone.at("/deleted_at").isNull()).isFalse();
        assertThat(tombstone.at("/original_content").asString()).isEmpty();
        assertThat(tombstone.at("/attachments").size()).isZero();
        assertError(http.get("/api/v1/files/" + file).token(chat.ann().token()).send(), 404, "Not found.");
        assertError(http.patch(path).token(chat.ann().token()).json(Map.of("content", "again")).send(), 422,
                MessageEditor.DELETED);
        assertThat(http.delete(path).token(chat.ann().token()).send().status()).isEqualTo(204);
    }

    @Test
    void eitherParticipantReacts() {
        Chat chat = chat();
        String id = post(chat, chat.ann(), Map.of("content", "Got the job!"));
        String reaction = chat.messages() + "/" + id + "/reactions/%F0%9F%8E%89";
        try (RecordedEvents events = new RecordedEvents(context)) {
            Http.Response r = http.put(reaction).token(chat.bob().token()).send();
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().at("/data/reactions/0/emoji").asString()).isEqualTo("🎉");
            assertThat(r.json().at("/data/reactions/0/me").asBoolean()).isTrue();
            assertThat(http.put(reaction).token(chat.bob().token()).send().status()).isEqualTo(200);
            assertThat(events.of(ReactionChanged.class)).containsExactly(new ReactionChanged(id, null, null, chat.id(), "🎉",
                    chat.bob().id(), true));
        }
        Http.Response mine = http.put(chat.messages() + "/" + id + "/reactions/:heart:").token(chat.ann().token()).send();
        assertThat(mine.json().at("/data/reactions").size()).isEqualTo(2);
        assertThat(mine.json().at("/data/reactions/0/me").asBoolean()).isFalse();
        assertThat(mine.json().at("/data/reactions/1/me").asBoolean()).isTrue();
        assertInvalid(http.put(chat.messages() + "/" + id + "/reactions/heart").token(chat.ann().token()).send(),
                "emoji", "The emoji field format is invalid.");
        assertError(http.put(reaction).token(chat.eve().token()).send(), 404, "Not found.");
        assertThat(http.delete(reaction).token(chat.bob().token()).send().json().at("/data/reactions").size()).isEqualTo(1);
        // Direct conversations have no pins: the channel pin route does not exist here.
        assertThat(http.put(chat.messages() + "/" + id + "/pin").token(chat.ann().token()).send().status()).isIn(404, 405);
    }
}
