package com.rosettachat.auth;

import static com.rosettachat.support.Assertions.assertError;
import static com.rosettachat.support.Assertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.Http;
import com.rosettachat.support.TestOAuth;
import com.rosettachat.support.TestOAuth.Grant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Linked accounts: listing, linking (once, never someone else's) and unlinking. */
class SocialAccountsTest extends SocialFlows {

    @Test
    void linkingAddsAnAccountOnceAndNeverSomeoneElses() {
        Account account = register();
        String subject = "link-" + System.nanoTime();
        Http.Response start = http.post("/api/v1/auth/app/social/google/link").token(account.token()).send();
        assertThat(start.status()).isEqualTo(200);
        TestOAuth.nextUser("google", subject, profile(uniqueEmail("other-address"), true, "Linked Name"));
        Grant grant = TestOAuth.authorize(start.text("/redirect_url"));
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
        Grant again = TestOAuth.authorize(http.post("/api/v1/auth/web/social/google/link").token(account.token()).send().text("/redirect_url"));
        assertError(http.post("/api/v1/auth/web/social/google/link/callback").token(account.token())
                .json(Map.of("code", again.code(), "state", again.state())).send(), 422,
                "This social account is already linked to your account.");

        // Someone else tries to link it.
        Account other = register();
        TestOAuth.nextUser("google", subject, profile(uniqueEmail("x"), true, "Linked Name"));
        Grant theirs = TestOAuth.authorize(http.post("/api/v1/auth/app/social/google/link").token(other.token()).send().text("/redirect_url"));
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
}
