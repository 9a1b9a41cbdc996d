package com.rosettachat.shared;

import static com.rosettachat.support.Assertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spring's own failures answer in the contract's JSON, never HTML or a stack trace. */
class ErrorContractTest extends ApiTest {

    @Test
    void unknownRouteIs404JsonEvenWhenAnonymousOrAskingForHtml() {
        assertError(http.get("/api/v1/does-not-exist").send(), 404, "Not found.");
        assertError(http.get("/api/v1/does-not-exist").header("Accept", "text/html").send(), 404, "Not found.");
        assertError(http.get("/nothing/here.php").send(), 404, "Not found.");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        Http.Response r = http.delete("/api/v1/me").send();
        assertError(r, 405, "Method not allowed.");
        assertThat(r.header("Allow")).contains("GET").contains("PATCH");
        assertError(http.get("/api/v1/auth/app/login").send(), 405, "Method not allowed.");
    }

    @Test
    void malformedJsonIs400() {
        assertError(http.post("/api/v1/auth/app/login").json("{\"email\": ").send(), 400, "Malformed JSON.");
        assertError(http.post("/api/v1/auth/app/login").json("not json at all").send(), 400, "Malformed JSON.");
        Http.Response array = http.post("/api/v1/auth/app/login").json("[1,2,3]").send();
        assertThat(array.status()).isEqualTo(400);
        assertThat(array.text("/message")).isNotBlank();
    }

    @Test
    void oversizeBodyIs413() {
        String huge = "{\"name\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";
        Http.Response r = http.post("/api/v1/auth/app/register").json(huge).send();
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.text("/message")).isNotBlank();
    }

    @Test
    void unsupportedContentTypeIsAClientError() {
        Http.Response r = http.post("/api/v1/auth/app/login").body("application/xml",
                "<login/>".getBytes(StandardCharsets.UTF_8)).send();
        assertThat(r.status()).isBetween(400, 499);
        assertThat(r.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void formEncodedBodiesAreAcceptedLikeJson() {
        Account account = register();
        String form = "email=" + account.email().replace("@", "%40") + "&password=" + account.password();
        Http.Response r = http.post("/api/v1/auth/app/login")
                .body("application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8)).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    @Test
    void unknownFieldsAreIgnored() {
        Account account = register();
        Http.Response r = http.post("/api/v1/auth/app/login").json(Map.of("email", account.email(),
                "password", account.password(), "is_admin", true, "extra", List.of(1, 2))).send();
        assertThat(r.status()).isEqualTo(200);
    }
}
