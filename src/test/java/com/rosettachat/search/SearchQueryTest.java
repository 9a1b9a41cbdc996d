package com.rosettachat.search;

import static com.rosettachat.support.Assertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import com.rosettachat.support.Workspaces;
import com.rosettachat.support.Workspaces.Space;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Filters (sender, message ids, dates), cursor paging, threads, and every validation rule of the route. */
class SearchQueryTest extends ApiTest {

    private Searching search;
    private Account owner;
    private Space space;

    @BeforeEach
    void workspace() {
        search = new Searching(http);
        owner = register();
        space = Workspaces.create(http, owner);
    }

    private String post(Account who, String text) {
        return search.post(who, space.id(), space.generalChannelId(), text);
    }

    private List<String> ids(Account who, String... params) {
        return Searching.ids(search.search(who, space.id(), params));
    }

    @Test
    void fromAndMessageIdBoundsNarrowTheResults() {
        Account other = register();
        Workspaces.join(http, owner, space, other);
        String first = post(owner, "gamma ray");
        String second = post(other, "gamma burst");
        String third = post(owner, "gamma wave");
        search.await(owner, space.id(), r -> Searching.ids(r).size() == 3, "q", "gamma");

        assertThat(ids(owner, "q", "gamma", "from", Long.toString(owner.id()))).containsExactly(third, first);
        assertThat(ids(owner, "q", "gamma", "from", Long.toString(other.id()))).containsExactly(second);
        assertThat(ids(owner, "q", "gamma", "from", "999999999")).isEmpty();
        assertThat(ids(owner, "q", "gamma", "before", third)).containsExactly(second, first);
        assertThat(ids(owner, "q", "gamma", "after", first.toUpperCase())).containsExactly(third, second);
        assertThat(ids(owner, "q", "gamma", "after", first, "before", third)).containsExactly(second);
    }

    @Test
    void dateBoundsExcludeTheDayNamedAndInstantsAreExclusive() {
        Http.Response early = http.post("/api/v1/workspaces/" + space.id() + "/channels/" + space.generalChannelId()
                + "/messages").token(owner.token()).json(Map.of("content", "delta one")).send();
        clock.advance(Duration.ofDays(3));
        String late = post(owner, "delta two");
        String earlyId = early.text("/data/id");
        search.await(owner, space.id(), r -> Searching.ids(r).size() == 2, "q", "delta");
        Instant earlyAt = Instant.parse(early.text("/data/created_at").replace("+00:00", "Z"));
        String earlyDay = early.text("/data/created_at").substring(0, 10);
        String lateDay = clock.instant().toString().substring(0, 10);

        assertThat(ids(owner, "q", "delta", "before", lateDay)).containsExactly(earlyId);
        assertThat(ids(owner, "q", "delta", "after", earlyDay)).containsExactly(late);
        assertThat(ids(owner, "q", "delta", "before", earlyDay)).isEmpty();
        assertThat(ids(owner, "q", "delta", "after", lateDay)).isEmpty();
        assertThat(ids(owner, "q", "delta", "after", earlyAt.plus(Duration.ofDays(1)).toString())).containsExactly(late);
        assertThat(ids(owner, "q", "delta", "after", earlyAt.minusSeconds(1).toString().replace("Z", "+00:00")))
                .containsExactly(late, earlyId);
        // An offset's '+' sent unencoded reads as a space: still understood.
        Http.Response raw = http.get("/api/v1/workspaces/" + space.id() + "/search?q=delta&before="
                + earlyAt.plus(Duration.ofDays(1)).toString().replace("Z", "+00:00")).token(owner.token()).send();
        assertThat(Searching.ids(raw)).containsExactly(earlyId);
    }

    @Test
    void theCursorWalksEveryResultOnceInRankOrder() {
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posted.add(post(owner, "omega " + "omega ".repeat(i % 2) + i));
        }
        Http.Response all = search.await(owner, space.id(), r -> Searching.ids(r).size() == 5, "q", "omega");
        List<String> ranked = Searching.ids(all);
        assertThat(ranked).containsExactly(posted.get(3), posted.get(1), posted.get(4), posted.get(2), posted.get(0));

        List<String> walked = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 3; page++) {
            Http.Response r = cursor == null ? search.search(owner, space.id(), "q", "omega", "limit", "2")
                    : search.search(owner, space.id(), "q", "omega", "limit", "2", "cursor", cursor);
            walked.addAll(Searching.ids(r));
            boolean last = page == 2;
            assertThat(r.json().at("/meta/has_more").asBoolean()).isEqualTo(!last);
            assertThat(r.json().at("/meta/next_cursor").isNull()).isEqualTo(last);
            cursor = r.json().at("/meta/next_cursor").asString(null);
        }
        assertThat(walked).isEqualTo(ranked);
        // Newer messages do not shift a page already reached.
        Http.Response second = search.search(owner, space.id(), "q", "omega", "limit", "2");
        post(owner, "omega omega omega newest");
        search.await(owner, space.id(), r -> Searching.ids(r).size() == 6, "q", "omega");
        assertThat(ids(owner, "q", "omega", "limit", "2", "cursor", second.text("/meta/next_cursor")))
                .containsExactly(posted.get(4), posted.get(2));
    }

    @Test
    void repliesAreFoundWithTheirThreadAndTheServersOwnNoticesAreNot() {
        String parent = post(owner, "kappa question");
        String reply = search.post(owner, space.id(), space.generalChannelId(),
                Map.of("content", "kappa answer", "parent_message_id", parent));
        Account joiner = register();
        Workspaces.join(http, owner, space, joiner); // announces "Test User joined the workspace."
        String mention = post(owner, "who joined kappa");

        var hit = search.awaitHit(owner, space.id(), reply, "q", "answer");
        assertThat(hit.at("/parent_message_id").asString()).isEqualTo(parent);
        search.await(owner, space.id(), r -> Searching.ids(r).size() == 3, "q", "kappa");
        assertThat(ids(owner, "q", "joined")).containsExactly(mention);
    }

    @Test
    void everyParameterIsValidated() {
        assertInvalid(search.search(owner, space.id()), "q", "The q field is required.");
        assertInvalid(search.search(owner, space.id(), "q", "   "), "q", "The q field is required.");
        assertInvalid(search.search(owner, space.id(), "q", "x".repeat(201)), "q",
                "The q field must not be greater than 200 characters.");
        assertThat(search.search(owner, space.id(), "q", "界".repeat(200)).status()).isEqualTo(200);
        assertInvalid(search.search(owner, space.id(), "q", "a", "limit", "0"), "limit", "The limit field must be at least 1.");
        assertInvalid(search.search(owner, space.id(), "q", "a", "limit", "51"), "limit",
                "The limit field must not be greater than 50.");
        assertInvalid(search.search(owner, space.id(), "q", "a", "limit", "ten"), "limit", "The limit field must be an integer.");
        assertInvalid(search.search(owner, space.id(), "q", "a", "from", "me"), "from", "The from field must be an integer.");
        assertInvalid(search.search(owner, space.id(), "q", "a", "from", "0"), "from", "The from field must be at least 1.");
        for (String bad : new String[] {"yesterday", "2026-13-01", "2026-05-17T25:00:00Z", "1700000000"}) {
            assertInvalid(search.search(owner, space.id(), "q", "a", "before", bad), "before",
                    "The before field must be a message id or an ISO-8601 date.");
            assertInvalid(search.search(owner, space.id(), "q", "a", "after", bad), "after",
                    "The after field must be a message id or an ISO-8601 date.");
        }
        assertInvalid(search.search(owner, space.id(), "q", "a", "channel_id", "x"), "channel_id",
                "The selected channel id is invalid.");
        for (String bad : new String[] {"garbage!", cursor("1:nope"), cursor("NaN:01ktvxyqmbcm7abv91483q1hfd"),
                cursor("01ktvxyqmbcm7abv91483q1hfd"), cursor("1.5e99999:01ktvxyqmbcm7abv91483q1hfd")}) {
            assertInvalid(search.search(owner, space.id(), "q", "a", "cursor", bad), "cursor", "The cursor field is invalid.");
        }
        Http.Response several = search.search(owner, space.id(), "limit", "0", "from", "x");
        assertThat(several.json().at("/errors").propertyNames()).containsExactlyInAnyOrder("q", "limit", "from");
    }

    private static String cursor(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
