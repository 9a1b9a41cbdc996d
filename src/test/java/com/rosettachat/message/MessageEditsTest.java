package com.rosettachat.message;

import static com.rosettachat.support.Assertions.RESOURCE_TIMESTAMP;
import static com.rosettachat.support.Assertions.assertError;
import static com.rosettachat.support.Assertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import com.rosettachat.support.Messages;
import com.rosettachat.support.RecordedEvents;
import com.rosettachat.support.Team;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** Editing and deleting channel messages: who may, what readers see, what is announced. */
class MessageEditsTest extends ApiTest {

    @Autowired
    ConfigurableApplicationContext context;

    private String messages(Team team) {
        return team.path("/channels/" + team.defaultChannelId() + "/messages");
    }

    private String post(Team team, Account who, Map<String, ?> body) {
        Http.Response r = http.post(messages(team)).token(who.token()).json(body).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("/data/id");
    }

    private Http.Response edit(Team team, Account who, String id, Object body) {
        return http.patch(messages(team) + "/" + id).token(who.token()).json(body).send();
    }

    private Http.Response delete(Team team, Account who, String id) {
        return http.delete(messages(team) + "/" + id).token(who.token()).send();
    }

    private JsonNode listed(Team team, Account reader, String id, String query) {
        for (JsonNode m : http.get(messages(team) + query).token(reader.token()).send().json().at("/data")) {
            if (id.equals(m.at("/id").asString())) {
                return m;
            }
        }
        throw new AssertionError(id + " is not listed");
    }

    @Test
    void theSenderEditsTheTextAndEveryoneElseIsRefused() {
        Team team = Team.create(http, this::register);
        String id = post(team, team.member(), Map.of("content", "Teh report is ready", "type", "markdown"));

        Http.Response edited;
        try (RecordedEvents events = new RecordedEvents(context)) {
            edited = edit(team, team.member(), id, Map.of("content", "  The report is ready  "));
            assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
            assertThat(events.of(MessageEdited.class)).containsExactly(new MessageEdited(id, team.workspaceId(),
                    team.defaultChannelId(), null, null, team.member().id()));
        }
        JsonNode m = edited.json().at("/data");
        assertThat(m.at("/id").asString()).isEqualTo(id);
        assertThat(m.at("/original_content").asString()).isEqualTo("The report is ready");
        assertThat(m.at("/display_content").asString()).isEqualTo("The report is ready");
        assertThat(m.at("/type").asString()).isEqualTo("markdown");
        assertThat(m.at("/edited_at").asString()).matches(RESOURCE_TIMESTAMP);
        assertThat(m.at("/deleted_at").isNull()).isTrue();
        assertThat(m.at("/translation_status").asString()).isEqualTo("pending");
        assertThat(listed(team, team.owner(), id, "").at("/original_content").asString()).isEqualTo("The report is ready");

        // The same text again changes nothing and announces nothing.
        try (RecordedEvents events = new RecordedEvents(context)) {
            Http.Response same = edit(team, team.member(), id, Map.of("content", "The report is ready"));
            assertThat(same.status()).isEqualTo(200);
            assertThat(same.text("/data/edited_at")).isEqualTo(m.at("/edited_at").asString());
            assertThat(events.of(MessageEdited.class)).isEmpty();
        }

        // Readers who did not write it, managers included, are refused; outsiders learn nothing.
        assertError(edit(team, team.owner(), id, Map.of("content", "hijacked")), 403, "This action is unauthorized.");
        assertError(edit(team, team.admin(), id, Map.of("content", "hijacked")), 403, "This action is unauthorized.");
        assertError(edit(team, team.outsider(), id, Map.of("content", "hijacked")), 404, "Not found.");
        assertError(edit(team, team.outsider(), id, Map.of()), 404, "Not found.");
        assertError(edit(team, team.member(), "01ktvxyqmbcm7abv91483q1hfd", Map.of("content", "x")), 404, "Not found.");
        assertError(edit(team, team.member(), "not-an-id", Map.of("content", "x")), 404, "Not found.");
        assertError(http.patch(messages(team) + "/" + id).json(Map.of("content", "x")).send(), 401, "Unauthenticated.");
        // A message of another channel is not found under this one.
        String other = team.channel(Map.of("name", "other-" + System.nanoTime()));
        assertError(http.patch(team.path("/channels/" + other + "/messages/" + id)).token(team.member().token())
                .json(Map.of("content", "x")).send(), 404, "Not found.");
        assertThat(listed(team, team.owner(), id, "").at("/original_content").asString()).isEqualTo("The report is ready");
    }

    @Test
    void anEditFollowsThePostingRules() {
        Team team = Team.create(http, this::register);
        String id = post(team, team.member(), Map.of("content", "draft"));
        assertInvalid(edit(team, team.member(), id, Map.of()), "content", "The content field is required.");
        assertInvalid(edit(team, team.member(), id, Map.of("content", "   ")), "content", "The content field is required.");
        assertInvalid(edit(team, team.member(), id, Map.of("content", "x".repeat(10_001))), "content",
                "The content field must not be greater than 10000 characters.");
        assertInvalid(edit(team, team.member(), id, Map.of("content", List.of("a"))), "content",
                "The content field must be a string.");
        assertThat(edit(team, team.member(), id, Map.of("content", "x".repeat(10_000))).status()).isEqualTo(200);
        assertThat(http.patch(messages(team) + "/" + id).token(team.member().token()).json("{").send().status())
                .isEqualTo(400);
    }

    @Test
    void attachmentsStayWhenTheTextChanges() {
        Team team = Team.create(http, this::register);
        String file = upload(team.member().token(), "notes.txt", "hello".getBytes(StandardCharsets.UTF_8)).text("/data/id");
        String id = post(team, team.member(), Map.of("attachment_ids", List.of(file)));
        Http.Response edited = edit(team, team.member(), id, Map.of("content", "Here are the notes"));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().at("/data/attachments").size()).isEqualTo(1);
        assertThat(edited.text("/data/attachments/0/file_id")).isEqualTo(file);
    }

    @Test
    void theSenderAndManagersDeleteLeavingATombstone() {
        Team team = Team.create(http, this::register);
        String file = upload(team.member().token(), "secret.txt", "secret".getBytes(StandardCharsets.UTF_8)).text("/data/id");
        String id = post(team, team.member(), Map.of("content", "Oops, wrong channel", "attachment_ids", List.of(file)));
        String attachment = listed(team, team.member(), id, "").at("/attachments/0/id").asString();
        http.put(messages(team) + "/" + id + "/reactions/%F0%9F%91%8D").token(team.owner().token()).send();
        http.put(messages(team) + "/" + id + "/pin").token(team.owner().token()).send();

        assertError(delete(team, team.outsider(), id), 404, "Not found.");
        Account other = register();
        Team.join(http, team.owner().token(), team.workspaceId(), other.token());
        assertError(delete(team, other, id), 403, "This action is unauthorized.");

        try (RecordedEvents events = new RecordedEvents(context)) {
            Http.Response deleted = delete(team, team.member(), id);
            assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
            assertThat(deleted.body()).isEmpty();
            assertThat(events.of(MessageDeleted.class)).containsExactly(new MessageDeleted(id, team.workspaceId(),
                    team.defaultChannelId(), null, null, team.member().id()));
            // Deleting a tombstone again is no change: 204, nothing announced.
            assertThat(delete(team, team.member(), id).status()).isEqualTo(204);
            assertThat(events.of(MessageDeleted.class)).hasSize(1);
        }

        JsonNode tombstone = listed(team, team.owner(), id, "");
        assertThat(tombstone.at("/deleted_at").asString()).matches(RESOURCE_TIMESTAMP);
        assertThat(tombstone.at("/original_content").asString()).isEmpty();
        assertThat(tombstone.at("/display_content").asString()).isEmpty();
        assertThat(tombstone.at("/attachments").size()).isZero();
        assertThat(tombstone.at("/reactions").size()).isZero();
        assertThat(tombstone.at("/pinned_at").isNull()).isTrue();
        assertThat(tombstone.at("/translation_status").asString()).isEqualTo("skipped");
        assertThat(tombstone.at("/sender/id").asLong()).isEqualTo(team.member().id());
        assertThat(http.get(team.path("/channels/" + team.defaultChannelId() + "/pins")).token(team.owner().token())
                .send().json().at("/data").size()).isZero();

        // The attached file went with it: gone for its owner, and the attachment is no more.
        assertError(http.get("/api/v1/files/" + file).token(team.member().token()).send(), 404, "Not found.");
        assertError(http.get("/api/v1/message-attachments/" + attachment + "/download").token(team.owner().token()).send(),
                404, "Not found.");

        // A tombstone takes no edit, reaction or pin.
        assertError(edit(team, team.member(), id, Map.of("content", "back")), 422, MessageEditor.DELETED);
        assertError(http.put(messages(team) + "/" + id + "/reactions/%F0%9F%91%8D").token(team.owner().token()).send(),
                422, MessageEditor.DELETED);
        assertError(http.put(messages(team) + "/" + id + "/pin").token(team.owner().token()).send(), 422,
                MessageEditor.DELETED);

        // Owners and admins delete anyone's message.
        String byOther = post(team, other, Map.of("content", "spam"));
        assertThat(delete(team, team.admin(), byOther).status()).isEqualTo(204);
        String another = post(team, other, Map.of("content", "more spam"));
        try (RecordedEvents events = new RecordedEvents(context)) {
            assertThat(delete(team, team.owner(), another).status()).isEqualTo(204);
            assertThat(events.of(MessageDeleted.class)).extracting(MessageDeleted::deletedByUserId)
                    .containsExactly(team.owner().id());
        }
        assertThat(listed(team, other, another, "").at("/deleted_at").isNull()).isFalse();
    }

    @Test
    void aDeletedParentStillAnchorsItsThreadAndDeletedRepliesLeaveTheCount() {
        Team team = Team.create(http, this::register);
        String parent = post(team, team.member(), Map.of("content", "Who is on call?"));
        String first = post(team, team.owner(), Map.of("content", "Me", "parent_message_id", parent));
        String second = post(team, team.admin(), Map.of("content", "Me too", "parent_message_id", parent));

        assertThat(delete(team, team.admin(), second).status()).isEqualTo(204);
        assertThat(listed(team, team.member(), parent, "").at("/reply_count").asInt()).isEqualTo(1);
        assertThat(delete(team, team.member(), parent).status()).isEqualTo(204);

        JsonNode anchor = listed(team, team.member(), parent, "");
        assertThat(anchor.at("/deleted_at").isNull()).isFalse();
        assertThat(anchor.at("/reply_count").asInt()).isEqualTo(1);
        JsonNode reply = listed(team, team.member(), first, "?parent_message_id=" + parent);
        assertThat(reply.at("/original_content").asString()).isEqualTo("Me");
        assertThat(listed(team, team.member(), second, "?parent_message_id=" + parent).at("/deleted_at").isNull()).isFalse();
        // A tombstone takes no new replies.
        assertInvalid(http.post(messages(team)).token(team.owner().token())
                        .json(Map.of("content", "late", "parent_message_id", parent)).send(),
                "parent_message_id", "The selected parent message id is invalid.");
    }

    @Test
    void theTranslationWorkerLeavesTombstonesAlone() {
        Team team = Team.create(http, this::register);
        http.patch("/api/v1/me").token(team.admin().token()).json(Map.of("preferred_language", "ja")).send();
        String id = post(team, team.member(), Map.of("content", "Delete me before anyone reads me " + System.nanoTime()));
        assertThat(delete(team, team.member(), id).status()).isEqualTo(204);
        // A later message is translated, so the worker ran meanwhile; the tombstone stayed empty and skipped.
        String later = post(team, team.member(), Map.of("content", "Keep this one " + System.nanoTime()));
        Messages.await(http.get(messages(team)).token(team.admin().token()), later, Messages.status("completed"));
        JsonNode tombstone = listed(team, team.admin(), id, "");
        assertThat(tombstone.at("/display_content").asString()).isEmpty();
        assertThat(tombstone.at("/display_source").asString()).isEqualTo("original");
        assertThat(tombstone.at("/translation_status").asString()).isEqualTo("skipped");
    }
}
