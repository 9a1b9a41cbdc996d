package com.rosettachat.auth;

import static com.rosettachat.support.Assertions.TOKEN;
import static com.rosettachat.support.Assertions.USER_TIMESTAMP;
import static com.rosettachat.support.Assertions.assertError;
import static com.rosettachat.support.Assertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.Browser;
import com.rosettachat.support.Http;
import com.rosettachat.support.TestOAuth;
import com.rosettachat.support.TestOAuth.Grant;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Social sign-in through a real authorization-code flow: our redirect URL is opened at the
 * OAuth server, which redirects back with a code, which the callback exchanges at its token
 * endpoint before reading the profile.
 */
class SocialSignInTest extends SocialFlows {

    @Test
    void redirectCarriesTheClientRegistrationAndASignedState() {
        Http.Response r = http.post("/api/v1/auth/app/social/google/redirect").send();
        URI url = URI.create(r.text("/redirect_url"));
        assertThat(url.getPath()).isEqualTo("/google/authorize");
        Map<String, String> query = Http.query(url);
        assertThat(query).containsEntry("client_id", "google-client-id").containsEntry("response_type", "code")
                .containsEntry("redirect_uri", "https://app.rosetta.test/auth/google/callback")
                .containsEntry("scope", "openid email profile");
        assertThat(query.get("state")).matches("[A-Za-z0-9_-]+\\.[0-9a-f]{64}");
        assertThat(Http.query(URI.create(http.post("/api/v1/auth/web/social/apple/redirect").send().text("/redirect_url"))))
                .containsEntry("response_mode", "form_post").containsEntry("scope", "openid name email");
    }

    @Test
    void googleSignInCreatesAVerifiedAccountWithoutPasswordThenSignsItInAgain() {
        String email = uniqueEmail("g.user");
        String subject = "google-" + System.nanoTime();
        TestOAuth.nextUser("google", subject, profile(email, true, "Gina Google"));
        Http.Response r = callback("google", signInGrant("app", "google"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().propertyNames()).containsExactlyInAnyOrder("access_token", "token_type", "user");
        assertThat(r.text("/access_token")).matches(TOKEN);
        assertThat(r.text("/user/name")).isEqualTo("Gina Google");
        assertThat(r.text("/user/email")).isEqualTo(email);
        String token = r.text("/access_token");
        Http.Response me = http.get("/api/v1/me").token(token).send();
        assertThat(me.text("/email_verified_at")).matches(USER_TIMESTAMP);
        assertThat(me.text("/avatar_url")).isEqualTo("https://cdn.example.com/Gina-Google.png");

        Http.Response accounts = http.get("/api/v1/auth/app/social/accounts").token(token).send();
        assertThat(accounts.status()).isEqualTo(200);
        assertThat(accounts.json().at("/accounts").size()).isEqualTo(1);
        assertThat(accounts.json().at("/accounts/0").propertyNames())
                .containsExactlyInAnyOrder("id", "provider", "provider_email", "name", "avatar", "created_at");
        assertThat(accounts.json().at("/accounts/0/id").isIntegralNumber()).isTrue();
        assertThat(accounts.text("/accounts/0/provider")).isEqualTo("google");
        assertThat(accounts.text("/accounts/0/provider_email")).isEqualTo(email);
        assertThat(accounts.text("/accounts/0/created_at")).matches(USER_TIMESTAMP);

        // The same Google account signs the same user in, even after its address changed there.
        TestOAuth.nextUser("google", subject, profile(uniqueEmail("renamed"), true, "Gina G."));
        Http.Response again = callback("google", signInGrant("app", "google"));
        assertThat(again.json().at("/user/id").asLong()).isEqualTo(r.json().at("/user/id").asLong());
        assertThat(http.get("/api/v1/auth/web/social/accounts").token(token).send().text("/accounts/0/name"))
                .isEqualTo("Gina G.");
    }

    @Test
    void aVerifiedAddressLinksTheExistingAccountAndAnUnverifiedOneDoesNot() {
        Account account = register();
        TestOAuth.nextUser("google", "unverified-" + System.nanoTime(), profile(account.email(), false, "Mallory"));
        assertInvalid(callback("google", signInGrant("app", "google")), "email",
                "The social account has no verified email address.");

        TestOAuth.nextUser("google", "verified-" + System.nanoTime(), profile(account.email(), true, "Test User"));
        Http.Response r = callback("google", signInGrant("app", "google"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().at("/user/id").asLong()).isEqualTo(account.id());
        assertThat(http.get("/api/v1/me").token(account.token()).send().text("/email_verified_at")).isNotNull();
        assertThat(http.get("/api/v1/auth/app/social/accounts").token(account.token()).send()
                .json().at("/accounts").size()).isEqualTo(1);
    }

    @Test
    void githubUsesTheVerifiedPrimaryAddress() {
        String primary = uniqueEmail("octo");
        Map<String, Object> claims = new HashMap<>();
        claims.put("id", 4242);
        claims.put("login", "octocat");
        claims.put("avatar_url", "https://avatars.example.com/u/4242");
        claims.put("github_emails", List.of(
                Map.of("email", uniqueEmail("old"), "primary", false, "verified", true),
                Map.of("email", primary, "primary", true, "verified", true)));
        TestOAuth.nextUser("github", "octocat", claims);
        Http.Response r = callback("github", signInGrant("app", "github"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.text("/user/email")).isEqualTo(primary);
        assertThat(r.text("/user/name")).isEqualTo("octocat");

        Map<String, Object> unverified = new HashMap<>(claims);
        unverified.put("id", 4343);
        unverified.put("github_emails", List.of(Map.of("email", uniqueEmail("x"), "primary", true, "verified", false)));
        TestOAuth.nextUser("github", "unverified", unverified);
        assertInvalid(callback("github", signInGrant("app", "github")), "email",
                "The social account has no verified email address.");
    }

    @Test
    void facebookAndAppleProfiles() {
        String fb = uniqueEmail("fb");
        Map<String, Object> claims = new HashMap<>();
        claims.put("id", "10001" + System.nanoTime());
        claims.put("name", "Fay Book");
        claims.put("email", fb);
        claims.put("picture", Map.of("data", Map.of("url", "https://graph.example.com/pic.jpg")));
        TestOAuth.nextUser("facebook", "fb", claims);
        Http.Response r = callback("facebook", signInGrant("app", "facebook"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.text("/user/name")).isEqualTo("Fay Book");
        assertThat(r.text("/user/email")).isEqualTo(fb);

        String apple = uniqueEmail("apple");
        TestOAuth.nextUser("apple", "001234.apple." + System.nanoTime(), Map.of("email", apple, "email_verified", "true"));
        Http.Response a = callback("apple", signInGrant("app", "apple"));
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        assertThat(a.text("/user/email")).isEqualTo(apple);
        assertThat(a.text("/user/name")).isEqualTo(apple.substring(0, apple.indexOf('@')));
    }

    @Test
    void webCallbackEstablishesASession() {
        String email = uniqueEmail("web-social");
        TestOAuth.nextUser("google", "web-" + System.nanoTime(), profile(email, true, "Web Social"));
        Grant grant = signInGrant("web", "google");
        Browser browser = new Browser();
        browser.send(http.get("/sanctum/csrf-cookie"));
        Http.Response r = browser.send(http.post("/api/v1/auth/web/social/google/callback")
                .json(Map.of("code", grant.code(), "state", grant.state())));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().toString()).contains("\"message\":\"Logged in successfully.\"");
        assertThat(r.text("/user/email")).isEqualTo(email);
        assertThat(browser.send(http.get("/api/v1/auth/web/social/accounts")).json().at("/accounts").size()).isEqualTo(1);
    }

    @Test
    void tamperedForeignOrExpiredStatesAreRefused() {
        Grant grant = signInGrant("app", "google");
        String state = grant.state();
        String payload = state.substring(0, state.indexOf('.'));
        String forged = payload.substring(0, payload.length() - 2) + (payload.endsWith("A") ? "BB" : "AA")
                + state.substring(state.indexOf('.'));
        for (String bad : new String[] {forged, payload, state + "0", "xyz123"}) {
            assertInvalid(http.post("/api/v1/auth/app/social/google/callback")
                    .json(Map.of("code", grant.code(), "state", bad)).send(), "state", "The state is invalid or has expired.");
        }
        assertInvalid(http.post("/api/v1/auth/app/social/google/callback").json(Map.of("code", grant.code())).send(),
                "state", "The state is invalid or has expired.");
        // A Google state is not a GitHub state, and a sign-in state does not link.
        assertInvalid(http.post("/api/v1/auth/app/social/github/callback")
                .json(Map.of("code", grant.code(), "state", state)).send(), "state", "The state is invalid or has expired.");
        assertInvalid(http.post("/api/v1/auth/app/social/google/link/callback").token(register().token())
                .json(Map.of("code", grant.code(), "state", state)).send(), "state", "The state is invalid or has expired.");

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertInvalid(callback("google", grant), "state", "The state is invalid or has expired.");
    }

    @Test
    void aRefusedCodeIs422() {
        Grant grant = signInGrant("app", "google");
        assertInvalid(callback("google", new Grant("not-a-code-the-provider-issued", grant.state())), "code",
                "The authorization code is invalid or has expired.");
        assertInvalid(http.post("/api/v1/auth/app/social/google/callback").json(Map.of("state", grant.state())).send(),
                "code", "The code field is required.");
    }

    @Test
    void unknownProvidersAre422() {
        for (String path : new String[] {"/api/v1/auth/app/social/myspace/redirect", "/api/v1/auth/web/social/GOOGLE/redirect",
                "/api/v1/auth/app/social/twitter/callback"}) {
            assertInvalid(http.post(path).json(Map.of("code", "c", "state", "s")).send(), "provider",
                    "The selected provider is invalid.");
        }
        Account account = register();
        assertInvalid(http.post("/api/v1/auth/app/social/myspace/link").token(account.token()).send(), "provider",
                "The selected provider is invalid.");
        assertInvalid(http.delete("/api/v1/auth/web/social/myspace/unlink").token(account.token()).send(), "provider",
                "The selected provider is invalid.");
    }



    @Test
    void applesFormPostIsRelayedToTheClientsCallbackPage() {
        Grant grant = signInGrant("web", "apple");
        Http.Response r = http.post("/api/v1/auth/social/apple/form-post").body("application/x-www-form-urlencoded",
                ("code=" + grant.code() + "&state=" + grant.state() + "&user=%7B%7D").getBytes(StandardCharsets.UTF_8)).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(302);
        URI location = URI.create(r.header("Location"));
        assertThat(location.getPath()).isEqualTo("/auth/social/apple/callback");
        assertThat(Http.query(location)).containsEntry("code", grant.code()).containsEntry("state", grant.state());
        TestOAuth.nextUser("apple", "relayed-" + System.nanoTime(), Map.of("email", uniqueEmail("relayed"), "email_verified", true));
        assertThat(callback("apple", new Grant(Http.query(location).get("code"), Http.query(location).get("state"))).status())
                .isEqualTo(200);

        Http.Response cancelled = http.post("/api/v1/auth/social/apple/form-post").body("application/x-www-form-urlencoded",
                "error=user_cancelled_authorize&state=abc".getBytes(StandardCharsets.UTF_8)).send();
        assertThat(Http.query(URI.create(cancelled.header("Location")))).containsEntry("error", "user_cancelled_authorize")
                .doesNotContainKey("code");
    }

    @Test
    void inactiveAccountsAreRefused() {
        Account account = register();
        TestOAuth.nextUser("google", "inactive-" + System.nanoTime(), profile(account.email(), true, "Test User"));
        Grant grant = signInGrant("app", "google");
        http.patch("/api/v1/admin/users/" + account.id()).token(admin().token()).json(Map.of("is_active", false)).send();
        assertError(callback("google", grant), 403, "Account is inactive.");
    }
}
