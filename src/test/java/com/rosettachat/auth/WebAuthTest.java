package com.rosettachat.auth;

import static com.rosettachat.support.Assertions.assertError;
import static com.rosettachat.support.Assertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Browser;
import com.rosettachat.support.Http;
import com.rosettachat.support.TestMail;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cookie sessions for SPAs: CSRF bootstrap, session cookie, fixation, CSRF checks, logout. */
class WebAuthTest extends ApiTest {

    private static final String SESSION = "rosettachat_session";

    private Browser signedIn(Account account) {
        Browser browser = new Browser();
        browser.send(http.get("/sanctum/csrf-cookie"));
        Http.Response r = browser.send(http.post("/api/v1/auth/web/login")
                .json(Map.of("email", account.email(), "password", account.password())));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return browser;
    }

    private static String setCookie(Http.Response r, String name) {
        return r.headers("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse(null);
    }

    @Test
    void csrfCookieIs204WithAReadableTokenAndAnHttpOnlySessionCookie() {
        Http.Response r = http.get("/sanctum/csrf-cookie").send();
        assertThat(r.status()).isEqualTo(204);
        String xsrf = setCookie(r, "XSRF-TOKEN");
        assertThat(xsrf).isNotNull().contains("Path=/").containsIgnoringCase("SameSite=Lax")
                .doesNotContainIgnoringCase("HttpOnly").doesNotContainIgnoringCase("Secure");
        assertThat(xsrf.substring("XSRF-TOKEN=".length(), xsrf.indexOf(';'))).matches("[A-Za-z0-9_-]{40,}");
        String session = setCookie(r, SESSION);
        assertThat(session).isNotNull().contains("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/")
                .doesNotContainIgnoringCase("Secure");
    }

    @Test
    void loginEstablishesASessionThatServesEveryAuthenticatedRoute() {
        Account account = register();
        Browser browser = new Browser();
        browser.send(http.get("/sanctum/csrf-cookie"));
        Http.Response r = browser.send(http.post("/api/v1/auth/web/login")
                .json(Map.of("email", account.email(), "password", account.password(), "device_name", "Firefox")));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().toString()).isEqualTo("{\"user\":{\"id\":" + account.id() + ",\"name\":\"Test User\",\"email\":\""
                + account.email() + "\"},\"message\":\"Logged in successfully.\"}");
        assertThat(r.header("X-RateLimit-Limit")).isEqualTo("5");

        Http.Response me = browser.send(http.get("/api/v1/me"));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().at("/id").asLong()).isEqualTo(account.id());
        assertThat(browser.send(http.get("/api/v1/me/tokens")).status()).isEqualTo(200);
        assertThat(browser.send(http.patch("/api/v1/me").json(Map.of("name", "Renamed"))).text("/name")).isEqualTo("Renamed");
    }

    @Test
    void theSessionIdAndTheCsrfTokenChangeAtLogin() {
        Account account = register();
        Browser browser = new Browser();
        browser.send(http.get("/sanctum/csrf-cookie"));
        String before = browser.cookie(SESSION);
        String tokenBefore = browser.cookie("XSRF-TOKEN");
        browser.send(http.post("/api/v1/auth/web/login").json(Map.of("email", account.email(), "password", account.password())));
        assertThat(browser.cookie(SESSION)).isNotNull().isNotEqualTo(before);
        assertThat(browser.cookie("XSRF-TOKEN")).isNotNull().isNotEqualTo(tokenBefore);

        // Someone who planted or knew the pre-login session id holds nothing.
        Browser planted = new Browser();
        planted.cookie(SESSION, before);
        planted.cookie("XSRF-TOKEN", tokenBefore);
        assertError(planted.send(http.get("/api/v1/me")), 401, "Unauthenticated.");
        assertError(planted.send(http.post("/api/v1/auth/web/logout")), 419, "CSRF token mismatch.");
    }

    @Test
    void aStateChangingRequestWithTheSessionCookieNeedsTheCsrfToken() {
        Account account = register();
        Browser browser = signedIn(account);
        browser.echoXsrf(false);
        assertError(browser.send(http.patch("/api/v1/me").json(Map.of("name", "Forged"))), 419, "CSRF token mismatch.");
        assertError(browser.send(http.post("/api/v1/auth/web/logout")), 419, "CSRF token mismatch.");
        assertError(browser.send(http.post("/api/v1/auth/web/logout").header("X-XSRF-TOKEN", "wrong-token")),
                419, "CSRF token mismatch.");
        // Reads need no token; the forged writes changed nothing.
        assertThat(browser.send(http.get("/api/v1/me")).text("/name")).isEqualTo("Test User");
        // Laravel's X-CSRF-TOKEN works as well as X-XSRF-TOKEN.
        assertThat(browser.send(http.patch("/api/v1/me").header("X-CSRF-TOKEN", browser.cookie("XSRF-TOKEN"))
                .json(Map.of("name", "Real"))).status()).isEqualTo(200);
    }

    @Test
    void aStaleSessionCookieWithoutTokenIs419() {
        Browser stale = new Browser();
        stale.cookie(SESSION, "bm90LWEtc2Vzc2lvbg");
        assertError(stale.send(http.post("/api/v1/auth/web/login").json(Map.of("email", "a@b.cd", "password", "x"))),
                419, "CSRF token mismatch.");
    }

    @Test
    void bearerRequestsNeedNoCsrfAndNeverCreateASession() {
        Account account = register();
        Http.Response login = login(account.email(), account.password());
        assertThat(login.headers("Set-Cookie")).isEmpty();
        Http.Response me = http.get("/api/v1/me").token(account.token()).send();
        assertThat(me.headers("Set-Cookie")).isEmpty();
        // A bearer request that also carries someone's session cookie is judged by its token alone.
        Browser browser = signedIn(register()).echoXsrf(false);
        Http.Response patched = browser.send(http.patch("/api/v1/me").token(account.token()).json(Map.of("name", "Bearer")));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().at("/id").asLong()).isEqualTo(account.id());
    }

    @Test
    void logoutDestroysTheSession() {
        Account account = register();
        Browser browser = signedIn(account);
        String session = browser.cookie(SESSION);
        Http.Response r = browser.send(http.post("/api/v1/auth/web/logout"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().toString()).isEqualTo("{\"message\":\"Logged out successfully.\"}");
        assertError(browser.send(http.get("/api/v1/me")), 401, "Unauthenticated.");
        Browser replay = new Browser();
        replay.cookie(SESSION, session);
        assertError(replay.send(http.get("/api/v1/me")), 401, "Unauthenticated.");
        assertError(new Browser().send(http.post("/api/v1/auth/web/logout")), 401, "Unauthenticated.");
        // The bearer token of the same user is untouched.
        assertThat(http.get("/api/v1/me").token(account.token()).send().status()).isEqualTo(200);
    }

    @Test
    void registerSignsInAndMailsTheVerificationLink() {
        String email = uniqueEmail("web-reg");
        Browser browser = new Browser();
        browser.send(http.get("/sanctum/csrf-cookie"));
        Http.Response r = browser.send(http.post("/api/v1/auth/web/register").json(Map.of("name", "Web User",
                "email", email, "password", PASSWORD, "password_confirmation", PASSWORD, "preferred_language", "id")));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().propertyNames()).containsExactlyInAnyOrder("user", "message");
        assertThat(r.text("/message")).isEqualTo("Registered successfully.");
        assertThat(r.json().at("/user").propertyNames()).containsExactlyInAnyOrder("id", "name", "email");
        assertThat(browser.send(http.get("/api/v1/me")).text("/preferred_language")).isEqualTo("id");
        assertThat(TestMail.subject(TestMail.linkMail(email, 1, "/email/verify/"))).isEqualTo("Verifikasi alamat email Anda");
        assertInvalid(browser.send(http.post("/api/v1/auth/web/register").json(Map.of("name", "Again",
                "email", email, "password", PASSWORD, "password_confirmation", PASSWORD))), "email", "This email is already registered.");
        assertInvalid(new Browser().send(http.post("/api/v1/auth/web/register").json(Map.of())), "name", "The name field is required.");
    }

    @Test
    void webLoginRefusesBadCredentialsInactiveAccountsAndLocksOut() {
        Account account = register();
        Browser browser = new Browser();
        browser.send(http.get("/sanctum/csrf-cookie"));
        for (int i = 0; i < 5; i++) {
            assertInvalid(browser.send(http.post("/api/v1/auth/web/login")
                    .json(Map.of("email", account.email(), "password", "wrong-password"))), "email",
                    "The provided credentials are incorrect.");
        }
        Http.Response locked = browser.send(http.post("/api/v1/auth/web/login")
                .json(Map.of("email", account.email(), "password", account.password())));
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.text("/errors/email/0")).matches("Too many login attempts\\. Please try again in \\d+ seconds\\.");
        // The lockout is shared with the app login of the same email and address.
        assertThat(login(account.email(), account.password()).status()).isEqualTo(429);

        Account inactive = register();
        Browser session = signedIn(inactive);
        http.patch("/api/v1/admin/users/" + inactive.id()).token(admin().token()).json(Map.of("is_active", false)).send();
        assertError(session.send(http.get("/api/v1/me")), 401, "Unauthenticated.");
        assertError(new Browser().send(http.post("/api/v1/auth/web/login")
                .json(Map.of("email", inactive.email(), "password", inactive.password()))), 403, "Account is inactive.");
    }

    @Test
    void changePasswordKeepsThisSessionAndEndsEveryOtherSessionAndToken() {
        Account account = register();
        Browser mine = signedIn(account);
        Browser other = signedIn(account);
        Http.Response r = mine.send(http.post("/api/v1/auth/web/change-password").json(Map.of(
                "current_password", account.password(), "password", "brand-new-secret",
                "password_confirmation", "brand-new-secret")));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.text("/message")).isEqualTo("Password changed successfully.");
        assertThat(mine.send(http.get("/api/v1/me")).status()).isEqualTo(200);
        assertError(other.send(http.get("/api/v1/me")), 401, "Unauthenticated.");
        assertError(http.get("/api/v1/me").token(account.token()).send(), 401, "Unauthenticated.");

        assertInvalid(mine.send(http.post("/api/v1/auth/web/change-password").json(Map.of(
                "current_password", "wrong-password", "password", "another-secret", "password_confirmation", "another-secret"))),
                "current_password", "The current password is incorrect.");
        assertError(new Browser().send(http.post("/api/v1/auth/web/change-password").json(Map.of())), 401, "Unauthenticated.");
    }
}
