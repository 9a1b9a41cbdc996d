package com.rosettachat.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import com.rosettachat.support.NodeScript;
import com.rosettachat.support.Team;
import com.rosettachat.support.TestTranslationServer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The real {@code pusher-js} client, through Laravel Echo, run by node: it authorizes with a
 * bearer token, receives what the server publishes, drops its connection, and on reconnecting
 * asks for and gets what it missed; and as a chat app uses it, hears a posted message and then
 * its translation.
 */
class PusherJsTest extends ApiTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    Broadcaster broadcaster;

    @Test
    void echoReceivesEventsAndReplaysWhatItMissedAfterReconnecting() {
        Account account = register();
        String channel = RealtimeChannels.user(account.id());
        URI base = URI.create(http.base());
        try (NodeScript client = NodeScript.start("pusher-e2e.mjs", Map.of("HOST", base.getHost(),
                "PORT", Integer.toString(base.getPort()), "KEY", "rosetta", "TOKEN", account.token(),
                "USER_ID", Long.toString(account.id())))) {
            client.await("subscribed", WAIT);

            broadcaster.publishPerLanguage(channel, "message.created", language -> Map.of("data", Map.of("text", "one " + language)));
            JsonNode first = client.await("event", WAIT).path("data");
            assertThat(first.at("/data/text").asString()).isEqualTo("one en");
            long seq = first.path("seq").asLong();

            client.command("disconnect");
            client.await(line -> "disconnected".equals(line.path("state").asString()), WAIT);
            broadcaster.publishPerLanguage(channel, "message.created", language -> Map.of("data", Map.of("text", "two " + language)));
            broadcaster.publishPerLanguage(channel, "message.created", language -> Map.of("data", Map.of("text", "three " + language)));

            client.command("reconnect");
            JsonNode resubscribed = client.await("subscribed", WAIT);
            assertThat(resubscribed.path("count").asInt()).isEqualTo(2);
            JsonNode two = client.await("event", WAIT).path("data");
            JsonNode three = client.await("event", WAIT).path("data");
            JsonNode completed = client.await("replay_completed", WAIT).path("data");
            assertThat(two.at("/data/text").asString()).isEqualTo("two en");
            assertThat(two.path("seq").asLong()).isEqualTo(seq + 1);
            assertThat(three.at("/data/text").asString()).isEqualTo("three en");
            assertThat(three.path("seq").asLong()).isEqualTo(seq + 2);
            assertThat(completed.path("count").asInt()).isEqualTo(2);

            broadcaster.publishPerLanguage(channel, "message.created", language -> Map.of("data", Map.of("text", "four " + language)));
            JsonNode four = client.await("event", WAIT).path("data");
            assertThat(four.path("seq").asLong()).isEqualTo(seq + 3);
            client.command("exit");
        }
    }

    @Test
    void echoHearsAPostedMessageAndThenItsTranslation() {
        Team team = Team.create(http, this::register);
        http.patch("/api/v1/me").token(team.member().token()).json(Map.of("preferred_language", "ja")).send();
        URI base = URI.create(http.base());
        try (NodeScript client = NodeScript.start("pusher-messages.mjs", Map.of("HOST", base.getHost(),
                "PORT", Integer.toString(base.getPort()), "KEY", "rosetta", "TOKEN", team.member().token(),
                "CHANNEL", "workspace." + team.workspaceId() + ".channel." + team.defaultChannelId()))) {
            client.await("subscribed", WAIT);

            String text = "Lunch is on the roof today #" + System.nanoTime();
            Http.Response posted = http.post(team.path("/channels/" + team.defaultChannelId() + "/messages"))
                    .token(team.owner().token()).json(Map.of("content", text)).send();
            assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
            String id = posted.text("/data/id");

            JsonNode created = client.await("created", WAIT).path("data");
            assertThat(created.at("/data/id").asString()).isEqualTo(id);
            assertThat(created.at("/data/original_content").asString()).isEqualTo(text);
            JsonNode translated = client.await("translated", WAIT).path("data");
            assertThat(translated.at("/data/id").asString()).isEqualTo(id);
            assertThat(translated.at("/data/display_language").asString()).isEqualTo("ja");
            assertThat(translated.at("/data/display_content").asString())
                    .isEqualTo(TestTranslationServer.translated("ja", text));
            assertThat(translated.path("seq").asLong()).isGreaterThan(created.path("seq").asLong());
        }
    }
}
