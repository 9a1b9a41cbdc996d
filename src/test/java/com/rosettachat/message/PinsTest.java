package com.rosettachat.message;

import static com.rosettachat.support.Assertions.RESOURCE_TIMESTAMP;
import static com.rosettachat.support.Assertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.shared.ratelimit.RateLimiter;
import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import com.rosettachat.support.RecordedEvents;
import com.rosettachat.support.Team;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/** Pinned channel messages: anyone who may post pins, the list shows the newest pin first. */
class PinsTest extends ApiTest {

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    RateLimiter limiter;

    private String channel(Team team, String channelId) {
        return team.path("/channels/" + channelId);
    }

    private String post(Team team, String channelId, Account who, String text) {
        Http.Response r = http.post(channel(team, channelId) + "/messages").token(who.token())
                .json(Map.of("content", text)).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("/data/id");
    }

    private Http.Response pin(Team team, String channelId, Account who, String id) {
        return http.put(channel(team, channelId) + "/messages/" + id + "/pin").token(who.token()).send();
    }

    private Http.Response unpin(Team team, String channelId, Account who, String id) {
        return http.delete(channel(team, channelId) + "/messages/" + id + "/pin").token(who.token()).send();
    }

    private List<String> pinned(Team team, String channelId, Account who) {
        Http.Response r = http.get(channel(team, channelId) + "/pins").token(who.token()).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().at("/data").forEach(m -> ids.add(m.at("/id").asString()));
        return ids;
    }

    @Test
    void membersPinAndUnpinAndTheListShowsTheNewestPinFirst() {
        Team team = Team.create(http, this::register);
        String general = team.defaultChannelId();
        String older = post(team, general, team.owner(), "Wifi password is on the wall");
        String newer = post(team, general, team.admin(), "Standup is at ten");

        Http.Response pinned;
        try (RecordedEvents events = new RecordedEvents(context)) {
            pinned = pin(team, general, team.member(), newer);
            assertThat(pinned.status()).as(pinned.toString()).isEqualTo(200);
            assertThat(pin(team, general, team.member(), newer).text("/data/pinned_at")).isEqualTo(pinned.text("/data/pinned_at"));
            assertThat(events.of(PinChanged.class)).containsExactly(new PinChanged(newer, team.workspaceId(), general,
                    true, team.member().id()));
        }
        assertThat(pinned.text("/data/pinned_at")).matches(RESOURCE_TIMESTAMP);
        assertThat(pinned.json().at("/data/pinned_by").asLong()).isEqualTo(team.member().id());
        clock.advance(java.time.Duration.ofSeconds(2));
        assertThat(pin(team, general, team.owner(), older).status()).isEqualTo(200);

        assertThat(pinned(team, general, team.member())).containsExactly(older, newer);
        Http.Response list = http.get(channel(team, general) + "/pins").token(team.admin().token()).send();
        assertThat(list.json().propertyNames()).containsExactly("data");
        assertThat(list.text("/data/1/original_content")).isEqualTo("Standup is at ten");
        assertThat(list.json().at("/data/0/pinned_by").asLong()).isEqualTo(team.owner().id());

        try (RecordedEvents events = new RecordedEvents(context)) {
            Http.Response unpinned = unpin(team, general, team.admin(), older);
            assertThat(unpinned.status()).isEqualTo(200);
            assertThat(unpinned.json().at("/data/pinned_at").isNull()).isTrue();
            assertThat(unpinned.json().at("/data/pinned_by").isNull()).isTrue();
            assertThat(unpin(team, general, team.admin(), older).status()).isEqualTo(200);
            assertThat(events.of(PinChanged.class)).containsExactly(new PinChanged(older, team.workspaceId(), general,
                    false, team.admin().id()));
        }
        assertThat(pinned(team, general, team.member())).containsExactly(newer);
        // The history shows the pin too.
        for (var m : http.get(channel(team, general) + "/messages").token(team.member().token()).send().json().at("/data")) {
            if (m.at("/id").asString().equals(newer)) {
                assertThat(m.at("/pinned_at").asString()).isEqualTo(pinned.text("/data/pinned_at"));
            }
        }
    }

    @Test
    void pinningTakesTheRightToPostReadingTheListTheRightToRead() {
        Team team = Team.create(http, this::register);
        String secret = team.channel(Map.of("name", "secret-" + System.nanoTime(), "visibility", "private"));
        String id = post(team, secret, team.owner(), "Board meeting notes");
        // The admin reads the private channel without being its member, but does not post there.
        assertThat(pinned(team, secret, team.admin())).isEmpty();
        assertError(pin(team, secret, team.admin(), id), 403, "This action is unauthorized.");
        assertError(unpin(team, secret, team.admin(), id), 403, "This action is unauthorized.");
        assertError(pin(team, secret, team.member(), id), 404, "Not found.");
        assertError(http.get(channel(team, secret) + "/pins").token(team.member().token()).send(), 404, "Not found.");
        assertError(pin(team, team.defaultChannelId(), team.outsider(), id), 404, "Not found.");
        assertError(http.get(channel(team, team.defaultChannelId()) + "/pins").token(team.outsider().token()).send(),
                404, "Not found.");
        // A message of another channel is not found under this one.
        assertError(pin(team, team.defaultChannelId(), team.owner(), id), 404, "Not found.");
        assertError(pin(team, secret, team.owner(), "not-an-id"), 404, "Not found.");
        assertError(http.put(channel(team, secret) + "/messages/" + id + "/pin").send(), 401, "Unauthenticated.");
        assertThat(pin(team, secret, team.owner(), id).status()).isEqualTo(200);
        assertThat(pinned(team, secret, team.admin())).containsExactly(id);
    }

    @Test
    void aChannelHoldsAtMostAHundredPins() {
        Team team = Team.create(http, this::register);
        String channel = team.channel(Map.of("name", "pins-" + System.nanoTime()));
        for (int i = 0; i < MessagePins.MAX_PINS; i++) {
            if (i % 40 == 0) {
                limiter.clear("api:user:" + team.owner().id()); // two requests a pin: past the per-minute API budget
            }
            assertThat(pin(team, channel, team.owner(), post(team, channel, team.owner(), "note " + i)).status()).isEqualTo(200);
        }
        String oneMore = post(team, channel, team.owner(), "one more");
        assertError(pin(team, channel, team.owner(), oneMore), 422, "A channel can have at most 100 pinned messages.");
        assertThat(pinned(team, channel, team.owner())).hasSize(100).doesNotContain(oneMore);
    }
}
