package com.rosettachat.message;

import static com.rosettachat.support.Assertions.assertError;
import static com.rosettachat.support.Assertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import com.rosettachat.support.RecordedEvents;
import com.rosettachat.support.Team;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** Emoji reactions on channel messages: any reader, idempotent, counted per emoji with {@code me} per viewer. */
class ReactionsTest extends ApiTest {

    private static final String THUMBS_UP = "👍";
    private static final String PARTY = "🎉";

    @Autowired
    ConfigurableApplicationContext context;

    private String messages(Team team) {
        return team.path("/channels/" + team.defaultChannelId() + "/messages");
    }

    private String post(Team team, Account who, String text) {
        Http.Response r = http.post(messages(team)).token(who.token()).json(Map.of("content", text)).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("/data/id");
    }

    private String reaction(Team team, String id, String emoji) {
        return messages(team) + "/" + id + "/reactions/" + URLEncoder.encode(emoji, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Http.Response react(Team team, Account who, String id, String emoji) {
        return http.put(reaction(team, id, emoji)).token(who.token()).send();
    }

    private Http.Response unreact(Team team, Account who, String id, String emoji) {
        return http.delete(reaction(team, id, emoji)).token(who.token()).send();
    }

    private static List<String> summary(JsonNode message) {
        List<String> out = new ArrayList<>();
        message.at("/reactions").forEach(r -> out.add(r.at("/emoji").asString() + " " + r.at("/count").asInt()
                + (r.at("/me").asBoolean() ? " me" : "")));
        return out;
    }

    private JsonNode listed(Team team, Account reader, String id) {
        for (JsonNode m : http.get(messages(team)).token(reader.token()).send().json().at("/data")) {
            if (id.equals(m.at("/id").asString())) {
                return m;
            }
        }
        throw new AssertionError(id + " is not listed");
    }

    @Test
    void readersReactIdempotentlyAndEachSeesTheirOwn() {
        Team team = Team.create(http, this::register);
        String id = post(team, team.owner(), "Release is out!");

        Http.Response first;
        try (RecordedEvents events = new RecordedEvents(context)) {
            first = react(team, team.member(), id, PARTY);
            assertThat(first.status()).as(first.toString()).isEqualTo(200);
            assertThat(react(team, team.member(), id, PARTY).status()).isEqualTo(200);
            assertThat(events.of(ReactionChanged.class)).containsExactly(new ReactionChanged(id, team.workspaceId(),
                    team.defaultChannelId(), null, PARTY, team.member().id(), true));
        }
        assertThat(first.json().at("/data/reactions/0").propertyNames()).containsExactlyInAnyOrder("emoji", "count", "me");
        assertThat(summary(first.json().at("/data"))).containsExactly(PARTY + " 1 me");

        react(team, team.admin(), id, THUMBS_UP);
        react(team, team.owner(), id, PARTY);
        react(team, team.owner(), id, ":ShipIt:");
        // Ordered by first use; `me` is the viewer's own.
        assertThat(summary(listed(team, team.owner(), id))).containsExactly(PARTY + " 2 me", THUMBS_UP + " 1", ":shipit: 1 me");
        assertThat(summary(listed(team, team.member(), id))).containsExactly(PARTY + " 2 me", THUMBS_UP + " 1", ":shipit: 1");

        try (RecordedEvents events = new RecordedEvents(context)) {
            Http.Response removed = unreact(team, team.owner(), id, PARTY);
            assertThat(removed.status()).isEqualTo(200);
            assertThat(summary(removed.json().at("/data"))).containsExactly(PARTY + " 1", THUMBS_UP + " 1", ":shipit: 1 me");
            // Removing a reaction one does not have is no change.
            assertThat(unreact(team, team.owner(), id, PARTY).status()).isEqualTo(200);
            assertThat(unreact(team, team.owner(), id, "🚀").status()).isEqualTo(200);
            assertThat(events.of(ReactionChanged.class)).containsExactly(new ReactionChanged(id, team.workspaceId(),
                    team.defaultChannelId(), null, PARTY, team.owner().id(), false));
        }
        unreact(team, team.member(), id, PARTY);
        assertThat(summary(listed(team, team.member(), id))).containsExactly(THUMBS_UP + " 1", ":shipit: 1");
    }

    @Test
    void emojiAreOneUnicodeEmojiOrAShortcode() {
        Team team = Team.create(http, this::register);
        String id = post(team, team.owner(), "Vote here");
        for (String ok : List.of("👍🏽", "🇯🇵", "1️⃣", "👩‍👩‍👧", "❤️", ":+1:", ":white_check_mark:", ":e-mail:")) {
            Http.Response r = react(team, team.member(), id, ok);
            assertThat(r.status()).as(ok + " " + r).isEqualTo(200);
        }
        assertThat(summary(listed(team, team.member(), id))).hasSize(8).allMatch(s -> s.endsWith(" 1 me"));
        for (String bad : List.of("a", "thumbsup", "::", ":no spaces:", ":x", "👍👍", "👍x", "<script>", "1", "#")) {
            assertInvalid(react(team, team.member(), id, bad), "emoji", "The emoji field format is invalid.");
        }
        assertInvalid(react(team, team.member(), id, ":" + "a".repeat(51) + ":"), "emoji", "The emoji field format is invalid.");
        assertInvalid(react(team, team.member(), id, ":" + "a".repeat(70) + ":"), "emoji",
                "The emoji field must not be greater than 64 characters.");
        assertInvalid(unreact(team, team.member(), id, "nope"), "emoji", "The emoji field format is invalid.");
    }

    @Test
    void outsidersAndOtherChannelsGetNotFound() {
        Team team = Team.create(http, this::register);
        String id = post(team, team.owner(), "Hello");
        assertError(react(team, team.outsider(), id, THUMBS_UP), 404, "Not found.");
        assertError(react(team, team.outsider(), id, "not an emoji"), 404, "Not found.");
        assertError(unreact(team, team.outsider(), id, THUMBS_UP), 404, "Not found.");
        assertError(react(team, team.member(), "01ktvxyqmbcm7abv91483q1hfd", THUMBS_UP), 404, "Not found.");
        String privateChannel = team.channel(Map.of("name", "secret-" + System.nanoTime(), "visibility", "private"));
        assertError(http.put(team.path("/channels/" + privateChannel + "/messages/" + id + "/reactions/%F0%9F%91%8D"))
                .token(team.owner().token()).send(), 404, "Not found.");
        assertError(http.put(reaction(team, id, THUMBS_UP)).send(), 401, "Unauthenticated.");
        assertThat(listed(team, team.owner(), id).at("/reactions").size()).isZero();
    }

    @Test
    void aPageOfHistoryCarriesEveryMessagesReactions() {
        Team team = Team.create(http, this::register);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(post(team, team.owner(), "message " + i));
            for (int j = 0; j <= i; j++) {
                react(team, j % 2 == 0 ? team.member() : team.admin(), ids.get(i), j < 2 ? THUMBS_UP : ":emoji" + j + ":");
            }
        }
        JsonNode page = http.get(messages(team) + "?limit=5").token(team.member().token()).send().json().at("/data");
        for (int i = 0; i < 5; i++) {
            JsonNode m = page.get(i);
            assertThat(m.at("/id").asString()).isEqualTo(ids.get(i));
            int distinct = 1 + Math.max(0, i - 1);
            assertThat(m.at("/reactions").size()).as(m.toString()).isEqualTo(distinct);
            assertThat(m.at("/reactions/0/count").asInt()).isEqualTo(Math.min(i + 1, 2));
        }
    }
}
