package com.rosettachat.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Comparator;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Throws oversized, malformed, wrongly typed and injection-shaped requests at every route and
 * asserts the server answers each with a JSON client error (or a success), never a 5xx.
 */
class HostileInputTest extends ApiTest {

    private static final String[] NASTY_STRINGS = {
            "' OR '1'='1'; DROP TABLE users; --", "<script>alert(1)</script>", "${jndi:ldap://evil/x}",
            "\u0000\u0001\u0002", "🙂🙃".repeat(300), "../../../../etc/passwd", "%00%0d%0aSet-Cookie: x=y",
            "a".repeat(70_000), "p".repeat(100), "１２３", "-1", "1e309", "NaN"
    };

    /** A route the server serves: method and path template, e.g. {@code GET /api/v1/files/{id}}. */
    private record Route(String method, String template) {
        boolean admin() {
            return template.startsWith("/api/v1/admin/");
        }
    }

    @Autowired
    private com.rosettachat.shared.ratelimit.RateLimiter limiter;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    /** Every route of ours, read from Spring MVC itself, so a new route is attacked the day it lands. */
    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getPackageName().startsWith("com.rosettachat")
                    || info.getPathPatternsCondition() == null) {
                return;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String template : info.getPathPatternsCondition().getPatternValues()) {
                if (template.startsWith("/error")) {
                    continue;
                }
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
                    routes.add(new Route(m.name(), template));
                }
            }
        });
        routes.sort(Comparator.comparing(Route::template).thenComparing(Route::method));
        assertThat(routes).hasSizeGreaterThan(10);
        return routes;
    }

    /**
     * Real ids for path variables, keyed by the segment before the variable and its name
     * ({@code users/{id}}), so that hostile bodies reach validation rather than a 404. Variables
     * without a fixture get a well-formed ULID that names nothing.
     */
    private Map<String, String> fixtures(Account target, Account owner) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("users/{id}", Long.toString(target.id()));
        values.put("social/{provider}", "google");
        values.put("verify/{id}", Long.toString(target.id()));
        if (owner != null) {
            // The caller's own device, so DELETE reaches the owner's path.
            values.put("devices/{id}", http.post("/api/v1/devices").token(owner.token()).json(Map.of("platform", "ios",
                    "provider", "fcm", "push_token", "hostile-fixture-" + System.nanoTime())).send().text("/data/id"));
            // The route's caller owns a workspace, so workspace and channel routes reach their validation.
            Http.Response workspace = http.post("/api/v1/workspaces").token(owner.token())
                    .json(Map.of("name", "Hostile", "visibility", "public", "password", PASSWORD)).send();
            String workspaceId = workspace.text("/data/id");
            values.put("workspaces/{id}", workspaceId);
            values.put("workspaces/{workspace_id}", workspaceId);
            // The default channel: it survives DELETE, so every body reaches the update and join rules.
            values.put("channels/{id}", workspace.text("/data/default_channel_id"));
            values.put("members/{id}", http.get("/api/v1/workspaces/" + workspaceId + "/members").token(owner.token())
                    .send().text("/data/0/id"));
            Http.Response invite = http.post("/api/v1/workspaces/" + workspaceId + "/invites").token(owner.token()).send();
            values.put("invites/{id}", invite.text("/data/id"));
            values.put("invites/{token}", invite.text("/data/token"));
            String general = workspace.text("/data/default_channel_id");
            values.put("channels/{channel_id}", general);
            String file = upload(owner.token(), "hostile.txt", "x".getBytes(java.nio.charset.StandardCharsets.UTF_8)).text("/data/id");
            values.put("message-attachments/{attachment_id}", http.post("/api/v1/workspaces/" + workspaceId + "/channels/"
                    + general + "/messages").token(owner.token()).json(Map.of("attachment_ids", List.of(file))).send()
                    .text("/data/attachments/0/id"));
            // A message of the channel and one of the conversation: edits, deletes, reactions and pins reach their rules.
            values.put("messages/{id}", http.post("/api/v1/workspaces/" + workspaceId + "/channels/" + general
                    + "/messages").token(owner.token()).json(Map.of("content", "hostile")).send().text("/data/id"));
            values.put("reactions/{emoji}", "%F0%9F%91%8D");
            String conversation = http.post("/api/v1/direct-conversations").token(owner.token())
                    .json(Map.of("participant_user_id", target.id())).send().text("/data/id");
            values.put("direct-conversations/{conversation_id}", conversation);
            values.put("messages/{message_id}", http.post("/api/v1/direct-conversations/" + conversation + "/messages")
                    .token(owner.token()).json(Map.of("content", "hostile")).send().text("/data/id"));
            String directFile = upload(owner.token(), "hostile.txt", "y".getBytes(java.nio.charset.StandardCharsets.UTF_8)).text("/data/id");
            values.put("direct-message-attachments/{attachment_id}", http.post("/api/v1/direct-conversations/" + conversation
                    + "/messages").token(owner.token()).json(Map.of("attachment_ids", List.of(directFile))).send()
                    .text("/data/attachments/0/id"));
            Http.Response webhook = http.post("/api/v1/workspaces/" + workspaceId + "/webhooks").token(owner.token())
                    .json(Map.of("name", "Hostile", "default_channel_id", general)).send();
            values.put("webhooks/{id}", webhook.text("/data/id"));
            values.put("webhooks/{webhook_id}", webhook.text("/data/id"));
            String room = http.post("/api/v1/external/rooms").token(owner.token()).json(Map.of("name", "Hostile"))
                    .send().text("/data/room_id");
            values.put("rooms/{room_id}", room);
            // Headers sent with every request: the webhook's secret and a guest of the room, so the
            // webhook and guest routes reach their validation too (other routes ignore them).
            values.put("header:X-Webhook-Secret", webhook.text("/data/secret"));
            values.put("header:X-Rosetta-Guest-Token", http.from("198.51.100." + (owner.id() % 250 + 1))
                    .post("/api/v1/external/rooms/" + room + "/guests")
                    .json(Map.of("nickname", "Hostile", "preferred_language", "en")).send().text("/data/session/token"));
        }
        return values;
    }

    private static String fill(String template, Map<String, String> fixtures) {
        StringBuilder path = new StringBuilder();
        String previous = "";
        for (String segment : template.substring(1).split("/")) {
            String value = segment;
            if (segment.startsWith("{")) {
                value = fixtures.getOrDefault(previous + "/" + segment, "01ktvxyqmbcm7abv91483q1hfd");
            }
            path.append('/').append(value);
            previous = segment;
        }
        return path.toString();
    }

    private List<String> bodies() {
        List<String> bodies = new ArrayList<>(List.of(
                "{", "}", "[]", "\"text\"", "123", "null", "true", "{\"a\":}", "{'single':'quotes'}",
                "[".repeat(5_000) + "]".repeat(5_000),
                "{\"name\":" + "[".repeat(3_000) + "]".repeat(3_000) + "}",
                "{\"email\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}",
                "\uFEFF{\"email\":\"bom@x.y\"}"));
        Map<String, Object> wrongTypes = new LinkedHashMap<>();
        for (String field : new String[] {"name", "email", "password", "password_confirmation", "current_password",
                "preferred_language", "device_name", "avatar_url", "abilities", "expires_in_days", "is_active", "plan",
                "q", "page", "per_page", "slug", "visibility", "role", "user_id", "content", "type", "attachment_ids",
                "parent_message_id", "skip_translation", "participant_user_id", "limit", "before", "after",
                "default_channel_id", "regenerate_secret", "channel_id", "external_reference", "ttl_hours",
                "extension_hours", "nickname", "status", "platform", "provider", "push_token", "device_id",
                "app_version", "message_id"}) {
            wrongTypes.put(field, Map.of("nested", List.of(1, 2, Map.of())));
        }
        bodies.add(Http.JSON.writeValueAsString(wrongTypes));
        bodies.add("{\"expires_in_days\": 1e309, \"page\": 99999999999999999999999, \"per_page\": -0.5, \"is_active\": 2,"
                + " \"user_id\": 99999999999999999999999}");
        for (String nasty : NASTY_STRINGS) {
            Map<String, Object> body = new LinkedHashMap<>();
            for (String field : new String[] {"name", "email", "password", "password_confirmation", "current_password",
                    "preferred_language", "device_name", "avatar_url", "plan", "q", "slug", "visibility", "role",
                    "content", "type", "parent_message_id", "default_channel_id", "channel_id", "external_reference",
                    "nickname", "status", "platform", "provider", "push_token", "device_id", "app_version",
                    "message_id"}) {
                body.put(field, nasty);
            }
            body.put("regenerate_secret", nasty);
            body.put("ttl_hours", nasty);
            body.put("extension_hours", nasty);
            body.put("user_id", nasty);
            body.put("participant_user_id", nasty);
            body.put("attachment_ids", List.of(nasty));
            body.put("skip_translation", nasty);
            body.put("abilities", List.of(nasty));
            body.put("expires_in_days", nasty);
            body.put("is_active", nasty);
            bodies.add(Http.JSON.writeValueAsString(body));
        }
        return bodies;
    }

    @Test
    void noRouteAnswersHostileBodiesWithA5xx() {
        Account admin = admin();
        Account target = register();
        for (Route route : routes()) {
            Account caller = route.admin() ? admin : register();
            String token = caller.token();
            Map<String, String> fixtures = fixtures(target, route.admin() ? null : caller);
            String path = fill(route.template(), fixtures);
            for (String body : bodies()) {
                Http.Call call = http.method(route.method(), path).token(token);
                fixtures.forEach((key, value) -> {
                    if (key.startsWith("header:") && value != null) {
                        call.header(key.substring("header:".length()), value);
                    }
                });
                Http.Response r = call.json(body).send();
                assertThat(r.status()).as(route + " with " + abbreviate(body) + " -> " + abbreviate(r.body()))
                        .isLessThan(500);
                if (r.status() >= 400) {
                    assertThat(r.header("Content-Type")).as(route.toString()).startsWith("application/json");
                    assertThat(r.body()).doesNotContainIgnoringCase("exception").doesNotContain("at com.");
                }
            }
        }
    }

    @Test
    void noRouteAnswersHostileQueryStringsOrPathsWithA5xx() {
        Account admin = admin();
        List<Route> routes = routes();
        for (String nasty : NASTY_STRINGS) {
            String q = java.net.URLEncoder.encode(nasty.length() > 2000 ? nasty.substring(0, 2000) : nasty,
                    java.nio.charset.StandardCharsets.UTF_8);
            String query = "?q=" + q + "&page=" + q + "&per_page=" + q + "&limit=" + q + "&before=" + q
                    + "&after=" + q + "&sort=" + q + "&claimed=" + q + "&visibility=" + q;
            for (Route route : routes) {
                String path = route.template().replaceAll("\\{[^}]+}", q.isEmpty() ? "x" : q) + query;
                Http.Response r = http.method(route.method(), path).token(admin.token()).send();
                assertThat(r.status()).as(route.method() + " " + path + " -> " + abbreviate(r.body())).isLessThan(500);
            }
        }
    }

    /**
     * The same query strings against every GET route with real ids, so they reach each route's
     * validation; a search also gets each alone as {@code q} (reaching the index's own query),
     * {@code cursor} and {@code before}.
     */
    @Test
    void routesWithRealIdsAnswerHostileQueryStringsWithoutA5xx() {
        Account caller = register();
        Map<String, String> fixtures = fixtures(register(), caller);
        List<Route> routes = routes().stream().filter(r -> r.method().equals("GET") && !r.admin()).toList();
        for (String nasty : NASTY_STRINGS) {
            String q = java.net.URLEncoder.encode(nasty.length() > 2000 ? nasty.substring(0, 2000) : nasty,
                    java.nio.charset.StandardCharsets.UTF_8);
            String every = "?q=" + q + "&page=" + q + "&per_page=" + q + "&limit=" + q + "&before=" + q + "&after=" + q
                    + "&cursor=" + q + "&from=" + q + "&channel_id=" + q + "&parent_message_id=" + q;
            for (Route route : routes) {
                List<String> queries = new ArrayList<>(List.of(every));
                if (route.template().endsWith("/search")) {
                    queries.addAll(List.of("?q=" + q, "?q=a&cursor=" + q, "?q=a&before=" + q + "&from=1"));
                }
                for (String query : queries) {
                    // One caller owns the fixtures; its API budget must not turn these into 429s.
                    limiter.clear("api:user:" + caller.id());
                    Http.Call call = http.get(fill(route.template(), fixtures) + query).token(caller.token());
                    fixtures.forEach((key, value) -> {
                        if (key.startsWith("header:") && value != null) {
                            call.header(key.substring("header:".length()), value);
                        }
                    });
                    Http.Response r = call.send();
                    assertThat(r.status()).as(abbreviate(route + query) + " -> " + abbreviate(r.body())).isLessThan(500);
                    if (route.template().endsWith("/search") && query.length() < 4_000) {
                        // Short enough for Tomcat's request line: the search itself answered.
                        assertThat(r.status()).as("reached the search: " + abbreviate(route + query)).isIn(200, 422);
                    }
                }
            }
        }
    }

    @Test
    void hostileBearerTokensAreUnauthenticated() {
        for (String nasty : new String[] {"1|" + "a".repeat(10_000), "1' OR '1'='1|x", "|||", "9223372036854775807|x",
                "0|x", "1|\u00e9", " ", "Bearer Bearer"}) {
            Http.Response r = http.get("/api/v1/me").token(nasty).send();
            assertThat(r.status()).as(nasty).isIn(400, 401);
        }
    }

    private static String abbreviate(String s) {
        return s == null || s.length() < 200 ? s : s.substring(0, 200) + "...";
    }
}
