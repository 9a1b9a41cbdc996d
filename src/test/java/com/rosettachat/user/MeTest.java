package com.rosettachat.user;

import static com.rosettachat.support.Assertions.USER_TIMESTAMP;
import static com.rosettachat.support.Assertions.assertError;
import static com.rosettachat.support.Assertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeTest extends ApiTest {

    @Test
    void meHasTheReferenceFieldsPlusLanguageAvatarAndPlan() {
        Account account = register();
        Http.Response r = http.get("/api/v1/me").token(account.token()).send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().propertyNames()).containsExactlyInAnyOrder("id", "name", "email", "email_verified_at",
                "is_active", "last_login_at", "created_at", "updated_at", "preferred_language", "avatar_url", "plan");
        assertThat(r.json().at("/id").asLong()).isEqualTo(account.id());
        assertThat(r.text("/email")).isEqualTo(account.email());
        assertThat(r.json().at("/email_verified_at").isNull()).isTrue();
        assertThat(r.json().at("/is_active").asBoolean()).isTrue();
        assertThat(r.text("/created_at")).matches(USER_TIMESTAMP);
        assertThat(r.text("/updated_at")).matches(USER_TIMESTAMP);
        assertThat(r.text("/last_login_at")).matches(USER_TIMESTAMP);
        assertThat(r.text("/preferred_language")).isEqualTo("en");
        assertThat(r.json().at("/avatar_url").isNull()).isTrue();
        assertThat(r.text("/plan")).isEqualTo("free");
    }

    @Test
    void meNeedsAValidToken() {
        Account account = register();
        String token = account.token();
        String forged = token.substring(0, token.length() - 1) + (token.endsWith("a") ? "b" : "a");
        for (String bad : new String[] {forged, "garbage", "|", "1|", "99999999999|abc", "-1|x", "abc|def",
                "999999999999999999999999|x", token + "x"}) {
            assertError(http.get("/api/v1/me").token(bad).send(), 401, "Unauthenticated.");
        }
        assertError(http.get("/api/v1/me").send(), 401, "Unauthenticated.");
        assertError(http.get("/api/v1/me").header("Authorization", "Basic dXNlcjpwYXNz").send(), 401, "Unauthenticated.");
        assertThat(http.get("/api/v1/me").header("Authorization", "bearer " + token).send().status()).isEqualTo(200);
    }

    @Test
    void patchUpdatesNameLanguageAndAvatar() {
        Account account = register();
        Http.Response r = http.patch("/api/v1/me").token(account.token()).json(Map.of(
                "name", "  Somchai  ", "preferred_language", "th", "avatar_url", "https://cdn.example.com/a.png")).send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("/name")).isEqualTo("Somchai");
        assertThat(r.text("/preferred_language")).isEqualTo("th");
        assertThat(r.text("/avatar_url")).isEqualTo("https://cdn.example.com/a.png");
        assertThat(r.text("/updated_at")).matches("\\d{4}-.*Z");

        Http.Response partial = http.patch("/api/v1/me").token(account.token()).json(Map.of("preferred_language", "zh-CN")).send();
        assertThat(partial.text("/name")).isEqualTo("Somchai");
        assertThat(partial.text("/preferred_language")).isEqualTo("zh-CN");
        assertThat(partial.text("/avatar_url")).isEqualTo("https://cdn.example.com/a.png");

        Map<String, Object> clear = new HashMap<>();
        clear.put("avatar_url", null);
        Http.Response cleared = http.patch("/api/v1/me").token(account.token()).json(clear).send();
        assertThat(cleared.json().at("/avatar_url").isNull()).isTrue();
        assertThat(http.get("/api/v1/me").token(account.token()).send().text("/preferred_language")).isEqualTo("zh-CN");
    }

    @Test
    void patchValidatesEveryField() {
        Account account = register();
        assertInvalid(patch(account, Map.of("name", "x".repeat(256))), "name", "The name field must not be greater than 255 characters.");
        assertInvalid(patch(account, Map.of("name", "")), "name", "The name field is required.");
        assertInvalid(patch(account, Map.of("preferred_language", "de")), "preferred_language", "The selected preferred language is invalid.");
        assertInvalid(patch(account, Map.of("avatar_url", "javascript:alert(1)")), "avatar_url", "The avatar url field must be a valid URL.");
        assertInvalid(patch(account, Map.of("avatar_url", "not a url")), "avatar_url", "The avatar url field must be a valid URL.");
        assertInvalid(patch(account, Map.of("avatar_url", "https://e.com/" + "a".repeat(2040))), "avatar_url",
                "The avatar url field must not be greater than 2048 characters.");
        assertInvalid(patch(account, Map.of("name", 12)), "name", "The name field must be a string.");
        assertError(http.patch("/api/v1/me").json(Map.of("name", "x")).send(), 401, "Unauthenticated.");
        // Nothing was changed by the refused requests.
        assertThat(http.get("/api/v1/me").token(account.token()).send().text("/name")).isEqualTo("Test User");
    }

    private Http.Response patch(Account account, Map<String, Object> body) {
        return http.patch("/api/v1/me").token(account.token()).json(body).send();
    }
}
