package com.rosettachat.auth;

import static com.rosettachat.support.Assertions.TOKEN;
import static com.rosettachat.support.Assertions.assertError;
import static com.rosettachat.support.Assertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class AppAuthTest extends ApiTest {

    private Map<String, Object> registration(String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "John Doe");
        body.put("email", email);
        body.put("password", "secretpassword");
        body.put("password_confirmation", "secretpassword");
        return body;
    }

    private Http.Response register(Map<String, Object> body) {
        return http.post("/api/v1/auth/app/register").json(body).send();
    }

    @Test
    void registerReturnsASanctumTokenAndTheUser() {
        String email = uniqueEmail("John.Doe");
        Map<String, Object> body = registration(email.toUpperCase());
        body.put("preferred_language", "ja");
        body.put("device_name", "iPhone 15 Pro");
        Http.Response r = register(body);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().propertyNames()).containsExactlyInAnyOrder("access_token", "token_type", "user");
        assertThat(r.text("/token_type")).isEqualTo("Bearer");
        assertThat(r.json().at("/user").propertyNames()).containsExactlyInAnyOrder("id", "name", "email");
        assertThat(r.json().at("/user/id").isIntegralNumber()).isTrue();
        assertThat(r.text("/user/name")).isEqualTo("John Doe");
        assertThat(r.text("/user/email")).isEqualTo(email.toLowerCase());

        String token = r.text("/access_token");
        assertThat(token).matches(TOKEN);
        String secret = token.substring(token.indexOf('|') + 1);
        CRC32 crc = new CRC32();
        crc.update(secret.substring(0, 40).getBytes(StandardCharsets.US_ASCII));
        assertThat(secret.substring(40)).isEqualTo(String.format("%08x", crc.getValue()));

        Http.Response me = http.get("/api/v1/me").token(token).send();
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("/preferred_language")).isEqualTo("ja");
        Http.Response tokens = http.get("/api/v1/me/tokens").token(token).send();
        assertThat(tokens.text("/data/0/name")).isEqualTo("iPhone 15 Pro");
        assertThat(tokens.text("/data/0/abilities/0")).isEqualTo("*");
    }

    @Test
    void registerRefusesATakenEmailWhateverItsCase() {
        String email = uniqueEmail("taken");
        assertThat(register(registration(email)).status()).isEqualTo(200);
        assertInvalid(register(registration(email.toUpperCase())), "email", "This email is already registered.");
    }

    @Test
    void registerValidatesEveryField() {
        assertInvalid(register(Map.of()), "name", "The name field is required.");
        assertInvalid(register(Map.of()), "email", "The email field is required.");
        assertInvalid(register(Map.of()), "password", "The password field is required.");

        Map<String, Object> body = registration(uniqueEmail("v"));
        body.put("name", "x".repeat(256));
        assertInvalid(register(body), "name", "The name field must not be greater than 255 characters.");

        body = registration("not-an-email");
        assertInvalid(register(body), "email", "The email field must be a valid email address.");

        body = registration(uniqueEmail("v"));
        body.put("password", "short");
        body.put("password_confirmation", "short");
        assertInvalid(register(body), "password", "The password field must be at least 8 characters.");

        body = registration(uniqueEmail("v"));
        body.put("password_confirmation", "different-password");
        assertInvalid(register(body), "password", "The password field confirmation does not match.");

        body = registration(uniqueEmail("v"));
        body.put("preferred_language", "fr");
        assertInvalid(register(body), "preferred_language", "The selected preferred language is invalid.");

        body = registration(uniqueEmail("v"));
        body.put("device_name", "d".repeat(256));
        assertInvalid(register(body), "device_name", "The device name field must not be greater than 255 characters.");

        body = registration(uniqueEmail("v"));
        body.put("name", 42);
        assertInvalid(register(body), "name", "The name field must be a string.");
    }

    @Test
    void loginReturnsAFreshTokenAndRecordsTheLogin() {
        Account account = register();
        Http.Response r = http.post("/api/v1/auth/app/login")
                .json(Map.of("email", account.email().toUpperCase(), "password", account.password(), "device_name", "Pixel"))
                .send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("/access_token")).matches(TOKEN).isNotEqualTo(account.token());
        assertThat(r.text("/token_type")).isEqualTo("Bearer");
        assertThat(r.json().at("/user/id").asLong()).isEqualTo(account.id());
        assertThat(r.header("X-RateLimit-Limit")).isEqualTo("5");
        Http.Response me = http.get("/api/v1/me").token(r.text("/access_token")).send();
        assertThat(me.text("/last_login_at")).isNotNull();
    }

    @Test
    void loginWithWrongPasswordOrUnknownEmailSaysTheSameThing() {
        Account account = register();
        assertInvalid(login(account.email(), "wrong-password"), "email", "The provided credentials are incorrect.");
        assertInvalid(login(uniqueEmail("nobody"), "whatever1"), "email", "The provided credentials are incorrect.");
        Http.Response missing = http.post("/api/v1/auth/app/login").json(Map.of()).send();
        assertInvalid(missing, "email", "The email field is required.");
        assertInvalid(missing, "password", "The password field is required.");
    }

    @Test
    void loginLocksOutAfterFiveFailuresAndOnlyFailuresCount() {
        Account account = register();
        for (int i = 0; i < 4; i++) {
            assertThat(login(account.email(), "wrong-password").status()).isEqualTo(422);
        }
        // A success clears the failures, so five more are allowed before the lockout.
        assertThat(login(account.email(), account.password()).status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            Http.Response r = login(account.email(), "wrong-password");
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(4 - i));
        }
        Http.Response locked = login(account.email(), account.password());
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.text("/message")).matches("Too many login attempts\\. Please try again in \\d+ seconds\\.");
        assertThat(locked.text("/errors/email/0")).isEqualTo(locked.text("/message"));
        assertThat(Integer.parseInt(locked.header("Retry-After"))).isBetween(1, 60);
        assertThat(Long.parseLong(locked.header("X-RateLimit-Reset"))).isGreaterThan(System.currentTimeMillis() / 1000);
        assertThat(locked.header("X-RateLimit-Limit")).isEqualTo("5");
        assertThat(locked.header("X-RateLimit-Remaining")).isEqualTo("0");
    }

    @Test
    void inactiveAccountsAreRefusedOnlyAfterTheRightPassword() {
        Account admin = admin();
        Account account = register();
        assertThat(http.patch("/api/v1/admin/users/" + account.id()).token(admin.token())
                .json(Map.of("is_active", false)).send().status()).isEqualTo(200);

        assertError(login(account.email(), account.password()), 403, "Account is inactive.");
        assertInvalid(login(account.email(), "wrong-password"), "email", "The provided credentials are incorrect.");
        assertError(http.get("/api/v1/me").token(account.token()).send(), 401, "Unauthenticated.");
    }

    @Test
    void logoutRevokesOnlyTheTokenUsed() {
        Account account = register();
        String second = login(account.email(), account.password()).text("/access_token");
        Http.Response r = http.post("/api/v1/auth/app/logout").token(account.token()).send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().toString()).isEqualTo("{\"message\":\"Logged out successfully.\"}");
        assertError(http.get("/api/v1/me").token(account.token()).send(), 401, "Unauthenticated.");
        assertThat(http.get("/api/v1/me").token(second).send().status()).isEqualTo(200);
        assertError(http.post("/api/v1/auth/app/logout").token(account.token()).send(), 401, "Unauthenticated.");
        assertError(http.post("/api/v1/auth/app/logout").send(), 401, "Unauthenticated.");
    }

    @Test
    void changePasswordRevokesEveryOtherToken() {
        Account account = register();
        String other = login(account.email(), account.password()).text("/access_token");
        Http.Response r = http.post("/api/v1/auth/app/change-password").token(account.token()).json(Map.of(
                "current_password", account.password(), "password", "brand-new-secret",
                "password_confirmation", "brand-new-secret")).send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("/message")).isEqualTo("Password changed successfully.");

        assertThat(http.get("/api/v1/me").token(account.token()).send().status()).isEqualTo(200);
        assertError(http.get("/api/v1/me").token(other).send(), 401, "Unauthenticated.");
        assertInvalid(login(account.email(), account.password()), "email", "The provided credentials are incorrect.");
        assertThat(login(account.email(), "brand-new-secret").status()).isEqualTo(200);
    }

    @Test
    void changePasswordValidates() {
        Account account = register();
        Http.Call call = http.post("/api/v1/auth/app/change-password").token(account.token());
        assertInvalid(call.json(Map.of("current_password", "wrong-password", "password", "new-secret-1",
                "password_confirmation", "new-secret-1")).send(), "current_password", "The current password is incorrect.");
        assertInvalid(http.post("/api/v1/auth/app/change-password").token(account.token()).json(Map.of(
                "password", "new-secret-1", "password_confirmation", "new-secret-1")).send(),
                "current_password", "The current password field is required.");
        assertInvalid(http.post("/api/v1/auth/app/change-password").token(account.token()).json(Map.of(
                "current_password", account.password(), "password", "short", "password_confirmation", "short")).send(),
                "password", "The password field must be at least 8 characters.");
        assertInvalid(http.post("/api/v1/auth/app/change-password").token(account.token()).json(Map.of(
                "current_password", account.password(), "password", "new-secret-1", "password_confirmation", "nope-nope")).send(),
                "password", "The password field confirmation does not match.");
        assertError(http.post("/api/v1/auth/app/change-password").json(Map.of()).send(), 401, "Unauthenticated.");
        // Nothing changed: the old password still works.
        assertThat(login(account.email(), account.password()).status()).isEqualTo(200);
    }

    @Test
    void passwordsLongerThanBcryptReadsStillCountEveryCharacter() {
        String email = uniqueEmail("long");
        String password = "ก".repeat(200);
        Map<String, Object> body = registration(email);
        body.put("password", password);
        body.put("password_confirmation", password);
        assertThat(register(body).status()).isEqualTo(200);
        assertThat(login(email, password).status()).isEqualTo(200);
        // The same first 72 bytes, a different end: bcrypt alone could not tell them apart.
        assertInvalid(login(email, "ก".repeat(199) + "ข"), "email", "The provided credentials are incorrect.");
    }
}
