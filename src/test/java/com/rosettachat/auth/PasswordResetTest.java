package com.rosettachat.auth;

import static com.rosettachat.support.Assertions.assertError;
import static com.rosettachat.support.Assertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Browser;
import com.rosettachat.support.Http;
import com.rosettachat.support.TestMail;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Forgot and reset password, app and web: the mailed link, single use, expiry, revocation, limits. */
class PasswordResetTest extends ApiTest {

    private static final String NEW_PASSWORD = "a-whole-new-secret";

    private Http.Response forgot(String flavour, String email) {
        return http.post("/api/v1/auth/" + flavour + "/forgot-password").json(Map.of("email", email)).send();
    }

    private Http.Response reset(String flavour, String email, String token) {
        return http.post("/api/v1/auth/" + flavour + "/reset-password").json(Map.of("email", email, "token", token,
                "password", NEW_PASSWORD, "password_confirmation", NEW_PASSWORD)).send();
    }

    /** The token and email of the reset link in the {@code n}-th mail to the account. */
    private static Map<String, String> link(String email, int n) {
        URI uri = URI.create(TestMail.link(email, n, "/reset-password?"));
        // No frontend is configured in tests, so the link points at the app URL.
        assertThat(uri.getPath()).isEqualTo("/reset-password");
        return Http.query(uri);
    }

    @Test
    void theMailedLinkResetsThePasswordAndSignsOutEverywhere() {
        Account account = register();
        Browser browser = new Browser();
        browser.send(http.get("/sanctum/csrf-cookie"));
        browser.send(http.post("/api/v1/auth/web/login").json(Map.of("email", account.email(), "password", account.password())));
        assertThat(browser.send(http.get("/api/v1/me")).status()).isEqualTo(200);

        Http.Response sent = forgot("app", account.email().toUpperCase());
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.json().toString()).isEqualTo("{\"message\":\"Password reset link sent to your email.\"}");
        assertThat(sent.header("X-RateLimit-Limit")).isEqualTo("3");
        Map<String, String> link = link(account.email(), 1);
        assertThat(link.get("token")).matches("[A-Za-z0-9]{64}");
        assertThat(link.get("email")).isEqualTo(account.email());
        assertThat(TestMail.subject(TestMail.linkMail(account.email(), 1, "/reset-password?"))).isEqualTo("Reset your RosettaChat password");

        Http.Response r = reset("app", link.get("email"), link.get("token"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().toString()).isEqualTo("{\"message\":\"Password has been reset successfully.\"}");

        assertError(http.get("/api/v1/me").token(account.token()).send(), 401, "Unauthenticated.");
        assertError(browser.send(http.get("/api/v1/me")), 401, "Unauthenticated.");
        assertInvalid(login(account.email(), account.password()), "email", "The provided credentials are incorrect.");
        assertThat(login(account.email(), NEW_PASSWORD).status()).isEqualTo(200);
        // Single use.
        assertInvalid(reset("app", account.email(), link.get("token")), "email", "This password reset token is invalid.");
    }

    @Test
    void theWebTwinWorksTheSame() {
        Account account = register();
        assertThat(forgot("web", account.email()).status()).isEqualTo(200);
        Map<String, String> link = link(account.email(), 1);
        assertThat(reset("web", account.email(), link.get("token")).status()).isEqualTo(200);
        assertThat(login(account.email(), NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aTokenExpiresAfterSixtyMinutesAndOnlyTheNewestCounts() {
        Account account = register();
        forgot("app", account.email());
        String first = link(account.email(), 1).get("token");
        forgot("app", account.email());
        String second = link(account.email(), 2).get("token");
        assertInvalid(reset("app", account.email(), first), "email", "This password reset token is invalid.");
        clock.advance(Duration.ofMinutes(60).plusSeconds(1));
        assertInvalid(reset("app", account.email(), second), "email", "This password reset token is invalid.");
        assertThat(login(account.email(), account.password()).status()).isEqualTo(200);
    }

    @Test
    void wrongTokensAndUnknownEmailsAreRefused() {
        Account account = register();
        Account other = register();
        forgot("app", account.email());
        String token = link(account.email(), 1).get("token");
        assertInvalid(reset("app", other.email(), token), "email", "This password reset token is invalid.");
        assertInvalid(reset("app", account.email(), token.substring(1) + "x"), "email", "This password reset token is invalid.");
        assertInvalid(reset("web", uniqueEmail("ghost"), token), "email", "This password reset token is invalid.");
        assertInvalid(forgot("app", uniqueEmail("ghost")), "email", "We could not find an account with that email.");
        assertInvalid(forgot("web", uniqueEmail("ghost")), "email", "We could not find an account with that email.");
    }

    @Test
    void validation() {
        assertInvalid(forgot("app", "nope"), "email", "The email field must be a valid email address.");
        Http.Response empty = http.post("/api/v1/auth/app/reset-password").json(Map.of()).send();
        assertInvalid(empty, "token", "The token field is required.");
        assertInvalid(empty, "email", "The email field is required.");
        assertInvalid(empty, "password", "The password field is required.");
        Account account = register();
        assertInvalid(http.post("/api/v1/auth/web/reset-password").json(Map.of("email", account.email(), "token", "x",
                "password", "short", "password_confirmation", "short")).send(), "password",
                "The password field must be at least 8 characters.");
        assertInvalid(http.post("/api/v1/auth/app/reset-password").json(Map.of("email", account.email(), "token", "x",
                "password", NEW_PASSWORD, "password_confirmation", "different-one")).send(), "password",
                "The password field confirmation does not match.");
    }

    @Test
    void threeRequestsPerTenMinutesPerEmail() {
        Account account = register();
        for (int i = 0; i < 3; i++) {
            assertThat(forgot(i == 1 ? "web" : "app", account.email()).status()).isEqualTo(200);
        }
        Http.Response refused = forgot("app", account.email());
        assertError(refused, 429, "Too Many Attempts.");
        assertThat(refused.header("Retry-After")).isNotNull();
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(forgot("app", account.email()).status()).isEqualTo(200);
    }
}
