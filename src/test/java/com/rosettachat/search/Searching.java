package com.rosettachat.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest.Account;
import com.rosettachat.support.Http;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Search as a client uses it. Indexing runs in the background after a post, so tests that expect
 * a hit poll until it shows (as a client refreshing would), and tests that expect no hit first
 * prove, through someone who may see the message, that it was indexed.
 */
final class Searching {

    private final Http http;

    Searching(Http http) {
        this.http = http;
    }

    static String path(String workspaceId, String... params) {
        StringBuilder path = new StringBuilder("/api/v1/workspaces/" + workspaceId + "/search");
        for (int i = 0; i + 1 < params.length; i += 2) {
            path.append(i == 0 ? '?' : '&').append(params[i]).append('=')
                    .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        return path.toString();
    }

    Http.Response search(Account who, String workspaceId, String... params) {
        return http.get(path(workspaceId, params)).token(who.token()).send();
    }

    /** The result ids of one page, best first. */
    static List<String> ids(Http.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().at("/data").forEach(m -> ids.add(m.at("/id").asString()));
        return ids;
    }

    /** Polls until the page satisfies {@code until}; fails after about thirty seconds (a full reindex may be running). */
    Http.Response await(Account who, String workspaceId, Predicate<Http.Response> until, String... params) {
        Http.Response last = null;
        for (int attempt = 0; attempt < 600; attempt++) {
            last = search(who, workspaceId, params);
            if (last.status() == 200 && until.test(last)) {
                return last;
            }
            sleep();
        }
        throw new AssertionError("search never got there; last answer: " + last);
    }

    /** Polls until message {@code id} is among the results, and returns it. */
    JsonNode awaitHit(Account who, String workspaceId, String id, String... params) {
        Http.Response page = await(who, workspaceId, r -> ids(r).contains(id), params);
        for (JsonNode m : page.json().at("/data")) {
            if (id.equals(m.at("/id").asString())) {
                return m;
            }
        }
        throw new AssertionError("unreachable");
    }

    /** Posts into a channel and returns the message id. */
    String post(Account who, String workspaceId, String channelId, String content) {
        return post(who, workspaceId, channelId, Map.of("content", content));
    }

    String post(Account who, String workspaceId, String channelId, Map<String, ?> body) {
        Http.Response r = http.post("/api/v1/workspaces/" + workspaceId + "/channels/" + channelId + "/messages")
                .token(who.token()).json(body).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("/data/id");
    }

    void speaks(Account who, String language) {
        Http.Response r = http.patch("/api/v1/me").token(who.token()).json(Map.of("preferred_language", language)).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
