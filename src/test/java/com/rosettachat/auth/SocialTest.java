package com.rosettachat.auth;

import static com.rosettachat.support.Assertions.TOKEN;
import static com.rosettachat.support.Assertions.USER_TIMESTAMP;
import static com.rosettachat.support.Assertions.assertError;
import static com.rosettachat.support.Assertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Browser;
import com.rosettachat.support.Http;
import com.rosettachat.support.TestOAuth;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Social sign-in through a real authorization-code flow: our redirect URL is opened at the
 * OAuth server, which redirects back with a code, which the callback exchanges at its token
 * endpoint before reading the profile.
 */
class SocialTest extends ApiTest {

    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** What the provider handed back to the client's redirect page. */
    record Grant(String code, String state, URI authorizationUrl) {
    }

    /**
     * Opens {@code redirectUrl} at the provider as a browser would and reads the code off the
     * redirect, or off the auto-submitting form of {@code response_mode=form_post} (Apple).
     */
    private static Grant authorize(String redirectUrl) {
        try {
            HttpResponse<String> r = BROWSER.send(HttpRequest.newBuilder(URI.create(redirectUrl)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                return new Grant(formValue(r.body(), "code"), formValue(r.body(), "state"), URI.create(redirectUrl));
            }
            assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
            Map<String, String> query = query(URI.create(r.headers().firstValue("Location").orElseThrow()));
            return new Grant(query.get("code"), query.get("state"), URI.create(redirectUrl));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String formValue(String html, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"" + name + "\"\\s+value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return m.group(1);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private Grant signInGrant(String flavour, String provider) {
        Http.Response r = http.post("/api/v1/auth/" + flavour + "/social/" + provider + "/redirect").send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().propertyNames()).containsExactly("redirect_url");
        return authorize(r.text("/redirect_url"));
    }

    private Http.Response callback(String provider, Grant grant) {
        return http.post("/api/v1/auth/app/social/" + provider + "/callback")
                .json(Map.of("code", grant.code(), "state", grant.state(), "device_name", "iPad")).send();
    }

    private static Map<String, Object> profile(String email, boolean verified, String name) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("email", email);
        claims.put("email_verified", verified);
        claims.put("name", name);
        claims.put("picture", "https://cdn.example.com/" + name.replace(' ', '-') + ".png");
        return claims;
    }

    @Test
    void redirectCarriesTheClientRegistrationAndASignedState() {
        Http.Response r = http.post("/api/v1/auth/app/social/google/redirect").send();
        URI url = URI.create(r.text("/redirect_url"));
        assertThat(url.getPath()).isEqualTo("/google/authorize");
        Map<String, String> query = query(url);
        assertThat(query).containsEntry("client_id", "google-client-id").containsEntry("response_type", "code")
                .containsEntry("redirect_uri", "https://app.rosetta.test/auth/google/callback")
                .containsEntry("scope", "openid email profile");
        assertThat(query.get("state")).matches("[A-Za-z0-9_-]+\\.[0-9a-f]{64}");
        assertThat(query(URI.create(http.post("/api/v1/auth/web/social/apple/redirect").send().text("/redirect_url"))))
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
        assertInvalid(callback("google", new Grant("not-a-code-the-provider-issued", grant.state(), null)), "code",
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
    void linkingAddsAnAccountOnceAndNeverSomeoneElses() {
        Account account = register();
        String subject = "link-" + System.nanoTime();
        Http.Response start = http.post("/api/v1/auth/app/social/google/link").token(account.token()).send();
        assertThat(start.status()).isEqualTo(200);
        TestOAuth.nextUser("google", subject, profile(uniqueEmail("other-address"), true, "Linked Name"));
        Grant grant = authorize(start.text("/redirect_url"));
        Http.Response linked = http.post("/api/v1/auth/app/social/google/link/callback").token(account.token())
                .json(Map.of("code", grant.code(), "state", grant.state())).send();
        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        assertThat(linked.text("/message")).isEqualTo("Social account linked successfully.");
        assertThat(linked.json().at("/account").propertyNames())
                .containsExactlyInAnyOrder("id", "provider", "provider_email", "name");
        assertThat(linked.text("/account/provider")).isEqualTo("google");
        assertThat(linked.text("/account/name")).isEqualTo("Linked Name");

        // The same Google account again: already yours.
        TestOAuth.nextUser("google", subject, profile(uniqueEmail("x"), true, "Linked Name"));
        Grant again = authorize(http.post("/api/v1/auth/web/social/google/link").token(account.token()).send().text("/redirect_url"));
        assertError(http.post("/api/v1/auth/web/social/google/link/callback").token(account.token())
                .json(Map.of("code", again.code(), "state", again.state())).send(), 422,
                "This social account is already linked to your account.");

        // Someone else tries to link it.
        Account other = register();
        TestOAuth.nextUser("google", subject, profile(uniqueEmail("x"), true, "Linked Name"));
        Grant theirs = authorize(http.post("/api/v1/auth/app/social/google/link").token(other.token()).send().text("/redirect_url"));
        assertError(http.post("/api/v1/auth/app/social/google/link/callback").token(other.token())
                .json(Map.of("code", theirs.code(), "state", theirs.state())).send(), 422,
                "This social account is already linked to another user.");
        // A link state is bound to the user who asked for it.
        assertInvalid(http.post("/api/v1/auth/app/social/google/link/callback").token(other.token())
                .json(Map.of("code", grant.code(), "state", grant.state())).send(), "state", "The state is invalid or has expired.");

        assertError(http.get("/api/v1/auth/app/social/accounts").send(), 401, "Unauthenticated.");
        assertError(http.post("/api/v1/auth/app/social/google/link").send(), 401, "Unauthenticated.");
        assertError(http.post("/api/v1/auth/app/social/google/link/callback").json(Map.of("code", "x")).send(), 401,
                "Unauthenticated.");
    }

    @Test
    void unlinkingRefusesTheLastWayInOfAPasswordlessUser() {
        String email = uniqueEmail("only-social");
        TestOAuth.nextUser("google", "only-" + System.nanoTime(), profile(email, true, "Only Social"));
        String token = callback("google", signInGrant("app", "google")).text("/access_token");
        assertError(http.delete("/api/v1/auth/app/social/github/unlink").token(token).send(), 404, "Social account not found.");
        assertError(http.delete("/api/v1/auth/app/social/google/unlink").token(token).send(), 422,
                "Cannot unlink the last authentication method. Please set a password first.");

        assertThat(http.post("/api/v1/auth/app/change-password").token(token)
                .json(Map.of("password", "now-a-password", "password_confirmation", "now-a-password")).send().status())
                .isEqualTo(200);
        Http.Response r = http.delete("/api/v1/auth/web/social/google/unlink").token(token).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().toString()).isEqualTo("{\"message\":\"Social account unlinked successfully.\"}");
        assertThat(http.get("/api/v1/auth/app/social/accounts").token(token).send().json().at("/accounts").size()).isZero();
        assertError(http.delete("/api/v1/auth/app/social/google/unlink").send(), 401, "Unauthenticated.");
    }

    @Test
    void applesFormPostIsRelayedToTheClientsCallbackPage() {
        Grant grant = signInGrant("web", "apple");
        Http.Response r = http.post("/api/v1/auth/social/apple/form-post").body("application/x-www-form-urlencoded",
                ("code=" + grant.code() + "&state=" + grant.state() + "&user=%7B%7D").getBytes(StandardCharsets.UTF_8)).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(302);
        URI location = URI.create(r.header("Location"));
        assertThat(location.getPath()).isEqualTo("/auth/social/apple/callback");
        assertThat(query(location)).containsEntry("code", grant.code()).containsEntry("state", grant.state());
        TestOAuth.nextUser("apple", "relayed-" + System.nanoTime(), Map.of("email", uniqueEmail("relayed"), "email_verified", true));
        assertThat(callback("apple", new Grant(query(location).get("code"), query(location).get("state"), null)).status())
                .isEqualTo(200);

        Http.Response cancelled = http.post("/api/v1/auth/social/apple/form-post").body("application/x-www-form-urlencoded",
                "error=user_cancelled_authorize&state=abc".getBytes(StandardCharsets.UTF_8)).send();
        assertThat(query(URI.create(cancelled.header("Location")))).containsEntry("error", "user_cancelled_authorize")
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
