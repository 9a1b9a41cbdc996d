package com.rosettachat.message;

import static com.rosettachat.support.Assertions.assertError;
import static com.rosettachat.support.Assertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import com.rosettachat.support.RecordedEvents;
import com.rosettachat.support.Team;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** Read markers and the unread and mention counts of the channel list. */
class ReadStateTest extends ApiTest {

    @Autowired
    ConfigurableApplicationContext context;

    private String post(Team team, String channelId, Account who, Map<String, ?> body) {
        Http.Response r = http.post(team.path("/channels/" + channelId + "/messages")).token(who.token()).json(body).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("/data/id");
    }

    private String say(Team team, Account who, String text) {
        return post(team, team.defaultChannelId(), who, Map.of("content", text));
    }

    private Http.Response read(Team team, String channelId, Account who, Object messageId) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("message_id", messageId);
        return http.post(team.path("/channels/" + channelId + "/read")).token(who.token()).json(body).send();
    }

    /** The caller's entry for {@code channelId} in the channel list. */
    private JsonNode listed(Team team, Account who, String channelId) {
        Http.Response r = http.get(team.path("/channels")).token(who.token()).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        for (JsonNode c : r.json().at("/data")) {
            if (c.at("/id").asString().equals(channelId)) {
                return c;
            }
        }
        throw new AssertionError(channelId + " is not listed: " + r);
    }

    private static String counts(JsonNode state) {
        return state.at("/unread_count").asLong() + " unread, " + state.at("/mention_count").asLong() + " mentions";
    }

    @Test
    void theListCountsMessagesAfterTheMarkerAndMentionsOfTheReader() {
        Team team = Team.create(http, this::register);
        String general = team.defaultChannelId();
        // The members' joining was announced in #general by the server: system messages never count.
        JsonNode fresh = listed(team, team.member(), general);
        assertThat(counts(fresh)).isEqualTo("0 unread, 0 mentions");
        assertThat(fresh.at("/last_read_message_id").isNull()).isTrue();

        String first = say(team, team.owner(), "Good morning");
        String second = say(team, team.admin(), "Hi <@" + team.member().id() + ">, can you look at the build?");
        say(team, team.member(), "On it"); // the reader's own messages never count
        post(team, general, team.owner(), Map.of("content", "<@" + team.member().id() + "> in a thread",
                "parent_message_id", first)); // thread replies have no read state of their own
        String third = say(team, team.owner(), "Lunch at noon, <@" + team.member().id() + ">?");
        String gone = say(team, team.admin(), "<@" + team.member().id() + "> wrong channel");
        assertThat(http.delete(team.path("/channels/" + general + "/messages/" + gone)).token(team.admin().token())
                .send().status()).isEqualTo(204); // tombstones never count

        assertThat(counts(listed(team, team.member(), general))).isEqualTo("3 unread, 2 mentions");
        assertThat(counts(listed(team, team.owner(), general))).isEqualTo("2 unread, 0 mentions");

        Http.Response marked;
        try (RecordedEvents events = new RecordedEvents(context)) {
            marked = read(team, general, team.member(), second.toUpperCase());
            assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
            assertThat(events.of(ReadMarkerMoved.class)).containsExactly(new ReadMarkerMoved(team.member().id(),
                    team.workspaceId(), general, null, second));
            // The marker only moves forward: reading an older message again changes nothing.
            Http.Response back = read(team, general, team.member(), first);
            assertThat(back.status()).isEqualTo(200);
            assertThat(back.text("/data/last_read_message_id")).isEqualTo(second);
            assertThat(events.of(ReadMarkerMoved.class)).hasSize(1);
        }
        assertThat(marked.json().at("/data").propertyNames())
                .containsExactlyInAnyOrder("unread_count", "mention_count", "last_read_message_id");
        assertThat(counts(marked.json().at("/data"))).isEqualTo("1 unread, 1 mentions");
        JsonNode listed = listed(team, team.member(), general);
        assertThat(counts(listed)).isEqualTo("1 unread, 1 mentions");
        assertThat(listed.at("/last_read_message_id").asString()).isEqualTo(second);

        assertThat(counts(read(team, general, team.member(), third).json().at("/data"))).isEqualTo("0 unread, 0 mentions");
        // A tombstone is a position in history like any other message.
        assertThat(read(team, general, team.member(), gone).text("/data/last_read_message_id")).isEqualTo(gone);
        // Other channels keep their own counts, and editing a mention in or out moves the mention count.
        String other = team.channel(Map.of("name", "ops-" + System.nanoTime()));
        String plain = post(team, other, team.owner(), Map.of("content", "Deploy tonight"));
        assertThat(counts(listed(team, team.member(), other))).isEqualTo("1 unread, 0 mentions");
        http.patch(team.path("/channels/" + other + "/messages/" + plain)).token(team.owner().token())
                .json(Map.of("content", "Deploy tonight, <@" + team.member().id() + ">")).send();
        assertThat(counts(listed(team, team.member(), other))).isEqualTo("1 unread, 1 mentions");
        assertThat(counts(listed(team, team.member(), general))).isEqualTo("0 unread, 0 mentions");
        // A single channel shows its state too.
        JsonNode shown = http.get(team.path("/channels/" + other)).token(team.member().token()).send().json().at("/data");
        assertThat(counts(shown)).isEqualTo("1 unread, 1 mentions");
    }

    @Test
    void theMessageMustBeATopLevelMessageOfThisChannel() {
        Team team = Team.create(http, this::register);
        String general = team.defaultChannelId();
        String parent = say(team, team.owner(), "Question");
        String reply = post(team, general, team.owner(), Map.of("content", "Answer", "parent_message_id", parent));
        String other = team.channel(Map.of("name", "elsewhere-" + System.nanoTime()));
        String elsewhere = post(team, other, team.owner(), Map.of("content", "Hello"));

        String invalid = "The selected message id is invalid.";
        assertInvalid(read(team, general, team.member(), reply), "message_id", invalid);
        assertInvalid(read(team, general, team.member(), elsewhere), "message_id", invalid);
        assertInvalid(read(team, general, team.member(), "01ktvxyqmbcm7abv91483q1hfd"), "message_id", invalid);
        assertInvalid(read(team, general, team.member(), "yesterday"), "message_id", invalid);
        assertInvalid(read(team, general, team.member(), 42), "message_id", "The message id field must be a string.");
        assertInvalid(read(team, general, team.member(), null), "message_id", "The message id field is required.");
        assertError(read(team, general, team.outsider(), parent), 404, "Not found.");
        assertError(read(team, general, team.outsider(), "nonsense"), 404, "Not found.");
        String secret = team.channel(Map.of("name", "secret-" + System.nanoTime(), "visibility", "private"));
        assertError(read(team, secret, team.member(), parent), 404, "Not found.");
        assertError(http.post(team.path("/channels/" + general + "/read")).json(Map.of("message_id", parent)).send(),
                401, "Unauthenticated.");
        assertThat(listed(team, team.member(), general).at("/last_read_message_id").isNull()).isTrue();
    }

    @Test
    void aLateJoinerStartsFromWhenTheyJoinedAndPrivateChannelsCountForTheirReaders() {
        Team team = Team.create(http, this::register);
        say(team, team.owner(), "Before you came");
        String secret = team.channel(Map.of("name", "secret-" + System.nanoTime(), "visibility", "private"));
        post(team, secret, team.owner(), Map.of("content", "Private note"));
        Account late = register();
        Team.join(http, team.owner().token(), team.workspaceId(), late.token());
        say(team, team.owner(), "After you came");

        assertThat(counts(listed(team, late, team.defaultChannelId()))).isEqualTo("1 unread, 0 mentions");
        // Admins list every channel and read the private one from when they joined the workspace.
        assertThat(counts(listed(team, team.admin(), secret))).isEqualTo("1 unread, 0 mentions");
        List<String> visible = new ArrayList<>();
        http.get(team.path("/channels")).token(late.token()).send().json().at("/data")
                .forEach(c -> visible.add(c.at("/id").asString()));
        assertThat(visible).doesNotContain(secret);
    }

    @Test
    void countsStayRightWhileOthersPost() throws Exception {
        Team team = Team.create(http, this::register);
        String channel = team.channel(Map.of("name", "busy-" + System.nanoTime()));
        String start = post(team, channel, team.owner(), Map.of("content", "start"));
        read(team, channel, team.member(), start);
        List<Account> writers = List.of(team.owner(), team.admin());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> posts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Account writer = writers.get(i % 2);
                String text = i % 4 == 0 ? "ping <@" + team.member().id() + "> " + i : "message " + i;
                posts.add(pool.submit(() -> post(team, channel, writer, Map.of("content", text))));
            }
            // Lists taken meanwhile never count more than was posted.
            for (int i = 0; i < 5; i++) {
                assertThat(listed(team, team.member(), channel).at("/unread_count").asLong()).isBetween(0L, 40L);
            }
            for (Future<?> f : posts) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(counts(listed(team, team.member(), channel))).isEqualTo("40 unread, 10 mentions");
        assertThat(counts(listed(team, team.admin(), channel))).isEqualTo("21 unread, 0 mentions");
    }

    @Test
    void directConversationsCountTheirOwnWay() {
        Account ann = register();
        Account bob = register();
        Account eve = register();
        String conversation = http.post("/api/v1/direct-conversations").token(ann.token())
                .json(Map.of("participant_user_id", bob.id())).send().text("/data/id");
        String messages = "/api/v1/direct-conversations/" + conversation + "/messages";
        String hello = http.post(messages).token(ann.token()).json(Map.of("content", "Hello")).send().text("/data/id");
        http.post(messages).token(ann.token()).json(Map.of("content", "Are you there <@" + bob.id() + ">?")).send();
        http.post(messages).token(bob.token()).json(Map.of("content", "Yes")).send();

        JsonNode forBob = http.get("/api/v1/direct-conversations").token(bob.token()).send().json().at("/data/0");
        assertThat(forBob.at("/id").asString()).isEqualTo(conversation);
        assertThat(counts(forBob)).isEqualTo("2 unread, 1 mentions");
        assertThat(counts(http.get("/api/v1/direct-conversations").token(ann.token()).send().json().at("/data/0")))
                .isEqualTo("1 unread, 0 mentions");

        String read = "/api/v1/direct-conversations/" + conversation + "/read";
        Http.Response marked = http.post(read).token(bob.token()).json(Map.of("message_id", hello)).send();
        assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
        assertThat(counts(marked.json().at("/data"))).isEqualTo("1 unread, 1 mentions");
        assertThat(marked.text("/data/last_read_message_id")).isEqualTo(hello);
        assertThat(http.get("/api/v1/direct-conversations").token(bob.token()).send().text("/data/0/last_read_message_id"))
                .isEqualTo(hello);

        String elsewhere = http.post("/api/v1/direct-conversations").token(bob.token())
                .json(Map.of("participant_user_id", eve.id())).send().text("/data/id");
        String foreign = http.post("/api/v1/direct-conversations/" + elsewhere + "/messages").token(eve.token())
                .json(Map.of("content", "Hi")).send().text("/data/id");
        assertInvalid(http.post(read).token(bob.token()).json(Map.of("message_id", foreign)).send(), "message_id",
                "The selected message id is invalid.");
        assertInvalid(http.post(read).token(bob.token()).json(Map.of()).send(), "message_id", "The message id field is required.");
        assertError(http.post(read).token(eve.token()).json(Map.of("message_id", hello)).send(), 404, "Not found.");
        assertError(http.post("/api/v1/direct-conversations/01ktvxyqmbcm7abv91483q1hfd/read").token(bob.token())
                .json(Map.of("message_id", hello)).send(), 404, "Not found.");
    }
}
