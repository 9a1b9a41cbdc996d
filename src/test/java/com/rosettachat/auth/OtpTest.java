package com.rosettachat.auth;

import static com.rosettachat.support.Assertions.TOKEN;
import static com.rosettachat.support.Assertions.assertError;
import static com.rosettachat.support.Assertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Browser;
import com.rosettachat.support.Http;
import com.rosettachat.support.TestMail;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Passwordless sign-in with a mailed code, for app (token) and web (session) clients. */
class OtpTest extends ApiTest {

    private Http.Response request(String flavour, String email) {
        return http.post("/api/v1/auth/" + flavour + "/otp").json(Map.of("email", email)).send();
    }

    private Http.Response verify(String email, String code) {
        return http.post("/api/v1/auth/app/otp/verify")
                .json(Map.of("email", email, "token", code, "device_name", "Pixel 9")).send();
    }

    @Test
    void aCodeForANewEmailCreatesAVerifiedAccountWithoutPassword() {
        String email = uniqueEmail("John.Otp");
        Http.Response sent = request("app", email.toUpperCase());
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.json().toString()).isEqualTo("{\"message\":\"OTP sent to your email.\"}");
        assertThat(sent.header("X-RateLimit-Limit")).isEqualTo("3");
        assertThat(sent.header("X-RateLimit-Remaining")).isEqualTo("2");

        String code = TestMail.otp(email, 1);
        assertThat(code).matches("\\d{6}");
        assertThat(TestMail.subject(TestMail.otpMail(email, 1))).contains(code);
        assertThat(TestMail.body(TestMail.otpMail(email, 1), "text/html")).contains(code);

        Http.Response r = verify(email, code);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().propertyNames()).containsExactlyInAnyOrder("access_token", "token_type", "user");
        assertThat(r.text("/access_token")).matches(TOKEN);
        assertThat(r.text("/token_type")).isEqualTo("Bearer");
        assertThat(r.text("/user/name")).isEqualTo(email.substring(0, email.indexOf('@')).toLowerCase());
        assertThat(r.text("/user/email")).isEqualTo(email.toLowerCase());

        Http.Response me = http.get("/api/v1/me").token(r.text("/access_token")).send();
        assertThat(me.text("/email_verified_at")).isNotNull();
        assertThat(me.text("/last_login_at")).isNotNull();
        assertThat(http.get("/api/v1/me/tokens").token(r.text("/access_token")).send().text("/data/0/name"))
                .isEqualTo("Pixel 9");
        // No password yet: setting one needs no current password.
        assertThat(http.post("/api/v1/auth/app/change-password").token(r.text("/access_token"))
                .json(Map.of("password", "first-password", "password_confirmation", "first-password")).send().status())
                .isEqualTo(200);
        assertThat(login(email, "first-password").status()).isEqualTo(200);
    }

    @Test
    void aCodeSignsAnExistingUserInAndWorksOnlyOnce() {
        Account account = register();
        request("app", account.email());
        String code = TestMail.otp(account.email(), 1);
        Http.Response r = verify(account.email(), code);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().at("/user/id").asLong()).isEqualTo(account.id());
        assertInvalid(verify(account.email(), code), "token", "Invalid or expired OTP.");
    }

    @Test
    void aNewCodeReplacesTheOldOne() {
        String email = uniqueEmail("twice");
        request("app", email);
        String first = TestMail.otp(email, 1);
        request("app", email);
        String second = TestMail.otp(email, 2);
        if (!first.equals(second)) {
            assertInvalid(verify(email, first), "token", "Invalid or expired OTP.");
        }
        assertThat(verify(email, second).status()).isEqualTo(200);
    }

    @Test
    void aCodeExpiresAfterTenMinutes() {
        String email = uniqueEmail("expiring");
        request("app", email);
        String code = TestMail.otp(email, 1);
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertInvalid(verify(email, code), "token", "Invalid or expired OTP.");
    }

    @Test
    void fiveWrongCodesVoidTheCode() {
        String email = uniqueEmail("guesser");
        request("app", email);
        String code = TestMail.otp(email, 1);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertInvalid(verify(email, wrong), "token", "Invalid or expired OTP.");
        }
        assertInvalid(verify(email, code), "token", "Invalid or expired OTP.");
    }

    @Test
    void threeRequestsPerTenMinutesPerEmail() {
        String email = uniqueEmail("flood");
        for (int i = 0; i < 3; i++) {
            assertThat(request(i % 2 == 0 ? "app" : "web", email).status()).isEqualTo(200);
        }
        Http.Response refused = request("app", email);
        assertError(refused, 429, "Too Many Attempts.");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 600);
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.header("X-RateLimit-Reset")).isNotNull();
        // Another address is not affected; the window passes.
        assertThat(request("app", uniqueEmail("other")).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(request("app", email).status()).isEqualTo(200);
    }

    @Test
    void inactiveAccountsAreRefusedAfterTheRightCode() {
        Account admin = admin();
        Account account = register();
        http.patch("/api/v1/admin/users/" + account.id()).token(admin.token()).json(Map.of("is_active", false)).send();
        request("app", account.email());
        assertError(verify(account.email(), TestMail.otp(account.email(), 1)), 403, "Account is inactive.");
    }

    @Test
    void validation() {
        assertInvalid(request("app", "not-an-email"), "email", "The email field must be a valid email address.");
        assertInvalid(request("web", "not-an-email"), "email", "The email field must be a valid email address.");
        assertInvalid(http.post("/api/v1/auth/app/otp").json(Map.of()).send(), "email", "The email field is required.");
        Http.Response missing = http.post("/api/v1/auth/app/otp/verify").json(Map.of()).send();
        assertInvalid(missing, "email", "The email field is required.");
        assertInvalid(missing, "token", "The token field is required.");
        assertInvalid(verify(uniqueEmail("never-asked"), "123456"), "token", "Invalid or expired OTP.");
    }

    @Test
    void theMailSpeaksTheRecipientsLanguage() {
        String email = uniqueEmail("ja");
        request("app", email);
        assertThat(TestMail.subject(TestMail.otpMail(email, 1))).startsWith("Your RosettaChat sign-in code");

        String thai = uniqueEmail("th");
        http.post("/api/v1/auth/app/otp").header("Accept-Language", "th-TH,th;q=0.9,en;q=0.5")
                .json(Map.of("email", thai)).send();
        assertThat(TestMail.subject(TestMail.otpMail(thai, 1))).startsWith("รหัสเข้าสู่ระบบ RosettaChat");
        Http.Response created = http.post("/api/v1/auth/app/otp/verify").header("Accept-Language", "th")
                .json(Map.of("email", thai, "token", TestMail.otp(thai, 1))).send();
        String token = created.text("/access_token");
        assertThat(http.get("/api/v1/me").token(token).send().text("/preferred_language")).isEqualTo("th");

        http.patch("/api/v1/me").token(token).json(Map.of("preferred_language", "ja")).send();
        request("app", thai);
        assertThat(TestMail.subject(TestMail.otpMail(thai, 2))).startsWith("RosettaChat のログインコード");
    }

    @Test
    void webVerificationEstablishesASession() {
        String email = uniqueEmail("web-otp");
        Browser browser = new Browser();
        browser.send(http.get("/sanctum/csrf-cookie"));
        assertThat(browser.send(http.post("/api/v1/auth/web/otp").json(Map.of("email", email))).status()).isEqualTo(200);
        Http.Response r = browser.send(http.post("/api/v1/auth/web/otp/verify")
                .json(Map.of("email", email, "token", TestMail.otp(email, 1))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().propertyNames()).containsExactlyInAnyOrder("user", "message");
        assertThat(r.text("/message")).isEqualTo("Logged in successfully.");
        assertThat(r.text("/user/email")).isEqualTo(email);
        assertThat(browser.send(http.get("/api/v1/me")).text("/email")).isEqualTo(email);
        assertInvalid(browser.send(http.post("/api/v1/auth/web/otp/verify")
                .json(Map.of("email", email, "token", TestMail.otp(email, 1)))), "token", "Invalid or expired OTP.");
    }
}
