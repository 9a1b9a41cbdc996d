package com.rosettachat.auth;

import static com.rosettachat.support.Assertions.USER_TIMESTAMP;
import static com.rosettachat.support.Assertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import com.rosettachat.support.TestMail;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The signed verification link: mailed at registration, resent on request, tamper-proof, expiring. */
class EmailVerificationTest extends ApiTest {

    private static String sha1(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes()));
    }

    /** The path and query of the link in the {@code n}-th mail to the account. */
    private static String link(String email, int n) {
        URI uri = URI.create(TestMail.link(email, n, "/api/v1/auth/email/verify/"));
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    @Test
    void theRegistrationMailCarriesASignedLinkThatVerifiesTheAddress() throws Exception {
        Account account = register();
        String link = link(account.email(), 1);
        assertThat(link).matches("/api/v1/auth/email/verify/" + account.id() + "/" + sha1(account.email())
                + "\\?expires=\\d{10}&signature=[0-9a-f]{64}");
        long expires = Long.parseLong(link.replaceAll(".*expires=(\\d+).*", "$1"));
        assertThat(expires - System.currentTimeMillis() / 1000).isBetween(3500L, 3601L);
        assertThat(TestMail.subject(TestMail.linkMail(account.email(), 1, "/email/verify/"))).isEqualTo("Verify your email address");
        assertThat(TestMail.body(TestMail.linkMail(account.email(), 1, "/email/verify/"), "text/html"))
                .contains(link.replace("&", "&amp;") + "\"");
        assertThat(http.get("/api/v1/me").token(account.token()).send().text("/email_verified_at")).isNull();

        Http.Response r = http.get(link).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().toString()).isEqualTo("{\"message\":\"Email verified successfully.\"}");
        assertThat(http.get("/api/v1/me").token(account.token()).send().text("/email_verified_at")).matches(USER_TIMESTAMP);
        // Following it again is harmless.
        assertThat(http.get(link).send().status()).isEqualTo(200);
    }

    @Test
    void tamperedOrMalformedLinksAre404() throws Exception {
        Account account = register();
        Account other = register();
        String link = link(account.email(), 1);
        String signature = link.substring(link.indexOf("signature=") + 10);
        String flipped = (signature.charAt(0) == 'a' ? "b" : "a") + signature.substring(1);
        for (String bad : new String[] {
                link.replace("signature=" + signature, "signature=" + flipped),
                link.replace("/verify/" + account.id() + "/", "/verify/" + other.id() + "/"),
                link.replace(sha1(account.email()), sha1(other.email())),
                link.replaceAll("expires=\\d+", "expires=9999999999"),
                link.substring(0, link.indexOf('?')),
                link.replace("/verify/" + account.id() + "/", "/verify/abc/"),
                link.replaceAll("expires=\\d+", "expires=soon")}) {
            assertError(http.get(bad).send(), 404, "Verification link is invalid.");
        }
        assertThat(http.get("/api/v1/me").token(account.token()).send().text("/email_verified_at")).isNull();
    }

    @Test
    void aLinkExpiresAfterSixtyMinutes() {
        Account account = register();
        String link = link(account.email(), 1);
        clock.advance(Duration.ofMinutes(61));
        assertError(http.get(link).send(), 404, "Verification link is invalid.");
    }

    @Test
    void resendMailsAFreshLinkAndAnswers200EvenWhenVerified() {
        Account account = register();
        Http.Response r = http.post("/api/v1/auth/email/verification-notification").token(account.token()).send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().toString()).isEqualTo("{\"message\":\"Verification email sent.\"}");
        assertThat(http.get(link(account.email(), 2)).send().status()).isEqualTo(200);
        assertThat(http.post("/api/v1/auth/email/verification-notification").token(account.token()).send().text("/message"))
                .isEqualTo("Verification email sent.");
        assertError(http.post("/api/v1/auth/email/verification-notification").send(), 401, "Unauthenticated.");
    }
}
