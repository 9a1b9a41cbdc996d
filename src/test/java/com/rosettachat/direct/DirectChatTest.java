package com.rosettachat.direct;

import static com.rosettachat.support.Assertions.RESOURCE_TIMESTAMP;
import static com.rosettachat.support.Assertions.assertError;
import static com.rosettachat.support.Assertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import com.rosettachat.support.Messages;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DirectChatTest extends ApiTest {

    private Http.Response open(Account who, Object participant) {
        return http.post("/api/v1/direct-conversations").token(who.token()).json(Map.of("participant_user_id", participant)).send();
    }

    private Http.Response post(Account who, String conversation, Map<String, ?> body) {
        return http.post("/api/v1/direct-conversations/" + conversation + "/messages").token(who.token()).json(body).send();
    }

    @Test
    void resolvingARecipientByEmail() {
        Account ann = register();
        Account bob = register();
        Http.Response r = http.post("/api/v1/direct-recipients/resolve").token(ann.token())
                .json(Map.of("email", bob.email().toUpperCase())).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().at("/data").propertyNames()).containsExactlyInAnyOrder("id", "name", "avatar_url", "preferred_language");
        assertThat(r.json().at("/data/id").asLong()).isEqualTo(bob.id());
        assertThat(r.text("/data/preferred_language")).isEqualTo("en");

        assertError(http.post("/api/v1/direct-recipients/resolve").token(ann.token())
                .json(Map.of("email", "nobody-" + System.nanoTime() + "@rosetta.test")).send(), 404, "Not found.");
        assertInvalid(http.post("/api/v1/direct-recipients/resolve").token(ann.token()).json(Map.of("email", ann.email())).send(),
                "email", "You cannot start a conversation with yourself.");
        assertInvalid(http.post("/api/v1/direct-recipients/resolve").token(ann.token()).json(Map.of("email", "not-mail")).send(),
                "email", "The email field must be a valid email address.");
        assertInvalid(http.post("/api/v1/direct-recipients/resolve").token(ann.token()).json(Map.of()).send(),
                "email", "The email field is required.");
        assertError(http.post("/api/v1/direct-recipients/resolve").json(Map.of("email", bob.email())).send(), 401, "Unauthenticated.");

        // A deactivated account cannot be found.
        Account admin = admin();
        http.patch("/api/v1/admin/users/" + bob.id()).token(admin.token()).json(Map.of("is_active", false)).send();
        assertError(http.post("/api/v1/direct-recipients/resolve").token(ann.token()).json(Map.of("email", bob.email())).send(),
                404, "Not found.");
    }

    @Test
    void oneConversationPerPairWhoeverOpensIt() throws Exception {
        Account ann = register();
        Account bob = register();
        Http.Response created = open(ann, bob.id());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var c = created.json().at("/data");
        assertThat(c.propertyNames()).containsExactlyInAnyOrder("id", "participant", "last_message", "last_message_at",
                "unread_count", "mention_count", "last_read_message_id", "created_at");
        assertThat(c.at("/unread_count").asLong()).isZero();
        assertThat(c.at("/mention_count").asLong()).isZero();
        assertThat(c.at("/last_read_message_id").isNull()).isTrue();
        assertThat(c.at("/participant/id").asLong()).isEqualTo(bob.id());
        assertThat(c.at("/participant").propertyNames()).containsExactlyInAnyOrder("id", "name", "avatar_url", "preferred_language");
        assertThat(c.at("/last_message").isNull()).isTrue();
        assertThat(c.at("/created_at").asString()).matches(RESOURCE_TIMESTAMP);

        Http.Response again = open(ann, Long.toString(bob.id()));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("/data/id")).isEqualTo(c.at("/id").asString());
        Http.Response reverse = open(bob, ann.id());
        assertThat(reverse.status()).isEqualTo(200);
        assertThat(reverse.text("/data/id")).isEqualTo(c.at("/id").asString());
        assertThat(reverse.json().at("/data/participant/id").asLong()).isEqualTo(ann.id());

        // Racing first opens still make one conversation.
        Account cat = register();
        Account dan = register();
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Http.Response>> calls = List.of(() -> open(cat, dan.id()), () -> open(dan, cat.id()),
                    () -> open(cat, dan.id()), () -> open(dan, cat.id()));
            List<Future<Http.Response>> results = pool.invokeAll(calls);
            long distinct = results.stream().map(f -> {
                try {
                    return f.get().text("/data/id");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).distinct().count();
            assertThat(distinct).isEqualTo(1);
        } finally {
            pool.shutdown();
        }

        assertInvalid(open(ann, ann.id()), "participant_user_id", "You cannot start a conversation with yourself.");
        assertInvalid(open(ann, 999_999_999L), "participant_user_id", "The selected participant user id is invalid.");
        assertInvalid(open(ann, "bob"), "participant_user_id", "The participant user id field must be an integer.");
        assertInvalid(http.post("/api/v1/direct-conversations").token(ann.token()).json(Map.of()).send(),
                "participant_user_id", "The participant user id field is required.");
    }

    @Test
    void onlyTheTwoParticipantsReadAndPost() {
        Account ann = register();
        Account bob = register();
        Account eve = register();
        String conversation = open(ann, bob.id()).text("/data/id");

        Http.Response sent = post(ann, conversation, Map.of("content", "Hi Bob"));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        assertThat(sent.text("/data/conversation_id")).isEqualTo(conversation);
        assertThat(sent.json().at("/data/channel_id").isNull()).isTrue();
        assertThat(sent.json().at("/data/workspace_id").isNull()).isTrue();
        assertThat(sent.text("/data/translation_status")).isEqualTo("pending");
        // Both read English: nothing to translate.
        Messages.await(http.get("/api/v1/direct-conversations/" + conversation + "/messages").token(bob.token()),
                sent.text("/data/id"), Messages.status("skipped"));
        Http.Response reply = post(bob, conversation, Map.of("content", "Hi Ann"));
        assertThat(reply.status()).isEqualTo(201);

        Http.Response history = http.get("/api/v1/direct-conversations/" + conversation + "/messages").token(bob.token()).send();
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().at("/data").size()).isEqualTo(2);
        assertThat(history.text("/data/0/display_content")).isEqualTo("Hi Bob");
        assertThat(history.text("/data/1/display_content")).isEqualTo("Hi Ann");
        Http.Response page = http.get("/api/v1/direct-conversations/" + conversation + "/messages?limit=1").token(ann.token()).send();
        assertThat(page.text("/data/0/id")).isEqualTo(reply.text("/data/id"));
        assertThat(page.json().at("/meta/has_more").asBoolean()).isTrue();

        assertError(post(eve, conversation, Map.of("content", "let me in")), 404, "Not found.");
        assertError(http.get("/api/v1/direct-conversations/" + conversation + "/messages").token(eve.token()).send(), 404, "Not found.");
        assertError(post(eve, conversation, Map.of()), 404, "Not found.");
        assertError(http.get("/api/v1/direct-conversations/nope/messages").token(ann.token()).send(), 404, "Not found.");
        assertInvalid(post(ann, conversation, Map.of()), "content", "The content field is required when attachment ids is not present.");
        assertError(http.get("/api/v1/direct-conversations").send(), 401, "Unauthenticated.");

        // The list shows the newest conversation first, with its latest message.
        Account cat = register();
        String second = open(ann, cat.id()).text("/data/id");
        post(cat, second, Map.of("content", "Newest"));
        Http.Response list = http.get("/api/v1/direct-conversations").token(ann.token()).send();
        assertThat(list.text("/data/0/id")).isEqualTo(second);
        assertThat(list.text("/data/0/last_message/display_content")).isEqualTo("Newest");
        assertThat(list.text("/data/0/last_message_at")).matches(RESOURCE_TIMESTAMP);
        assertThat(list.text("/data/1/id")).isEqualTo(conversation);
        assertThat(list.text("/data/1/last_message/id")).isEqualTo(reply.text("/data/id"));
        assertThat(http.get("/api/v1/direct-conversations").token(eve.token()).send().json().at("/data").size()).isZero();
    }

    @Test
    void attachmentsOfDirectMessagesAreForTheParticipants() {
        Account ann = register();
        Account bob = register();
        Account eve = register();
        String conversation = open(ann, bob.id()).text("/data/id");
        byte[] bytes = "contract draft".getBytes(StandardCharsets.UTF_8);
        String file = upload(ann.token(), "draft.txt", bytes).text("/data/id");
        Http.Response sent = post(ann, conversation, Map.of("content", "see attached", "attachment_ids", List.of(file)));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        String attachment = sent.text("/data/attachments/0/id");
        assertThat(sent.text("/data/attachments/0/download_url"))
                .endsWith("/api/v1/direct-message-attachments/" + attachment + "/download");

        String download = "/api/v1/direct-message-attachments/" + attachment + "/download";
        assertThat(http.get(download).token(bob.token()).send().bytes()).isEqualTo(bytes);
        assertThat(http.get(download).token(ann.token()).send().status()).isEqualTo(200);
        assertError(http.get(download).token(eve.token()).send(), 404, "Not found.");
        assertError(http.get("/api/v1/message-attachments/" + attachment + "/download").token(bob.token()).send(), 404, "Not found.");
        // Bob cannot re-attach Ann's file.
        assertInvalid(post(bob, conversation, Map.of("attachment_ids", List.of(file))),
                "attachment_ids.0", "The selected attachment ids.0 is invalid.");
    }
}
