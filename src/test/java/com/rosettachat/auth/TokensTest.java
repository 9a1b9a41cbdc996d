package com.rosettachat.auth;

import static com.rosettachat.support.Assertions.RESOURCE_TIMESTAMP;
import static com.rosettachat.support.Assertions.TOKEN;
import static com.rosettachat.support.Assertions.assertError;
import static com.rosettachat.support.Assertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class TokensTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    private Http.Response create(String token, Map<String, Object> body) {
        return http.post("/api/v1/me/tokens").token(token).json(body).send();
    }

    @Test
    void createsATokenWithAbilitiesAndShowsItsSecretOnce() {
        Account account = register();
        Http.Response r = create(account.token(), Map.of("name", "ci-bot",
                "abilities", List.of("automation:write", "temporary-rooms:read"), "expires_in_days", 30));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().propertyNames()).containsExactlyInAnyOrder("data", "access_token");
        assertThat(r.json().at("/data").propertyNames())
                .containsExactlyInAnyOrder("id", "name", "abilities", "expires_at", "created_at");
        assertThat(r.text("/access_token")).matches(TOKEN).startsWith(r.json().at("/data/id").asLong() + "|");
        assertThat(r.text("/data/name")).isEqualTo("ci-bot");
        assertThat(r.json().at("/data/abilities").toString()).isEqualTo("[\"automation:write\",\"temporary-rooms:read\"]");
        assertThat(r.text("/data/created_at")).matches(RESOURCE_TIMESTAMP);
        OffsetDateTime expires = OffsetDateTime.parse(r.text("/data/expires_at"));
        assertThat(expires).isBetween(OffsetDateTime.now(ZoneOffset.UTC).plusDays(29), OffsetDateTime.now(ZoneOffset.UTC).plusDays(31));

        Http.Response list = http.get("/api/v1/me/tokens").token(account.token()).send();
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().at("/data").size()).isEqualTo(2);
        assertThat(list.body()).doesNotContain(r.text("/access_token").substring(r.text("/access_token").indexOf('|') + 1));
        assertThat(list.json().at("/data/1").propertyNames())
                .containsExactlyInAnyOrder("id", "name", "abilities", "last_used_at", "expires_at", "created_at");

        // The new token works, and using it records last_used_at.
        assertThat(http.get("/api/v1/me").token(r.text("/access_token")).send().status()).isEqualTo(200);
        Http.Response after = http.get("/api/v1/me/tokens").token(account.token()).send();
        assertThat(after.text("/data/1/last_used_at")).matches(RESOURCE_TIMESTAMP);
    }

    @Test
    void validatesNameAbilitiesAndExpiry() {
        Account account = register();
        assertInvalid(create(account.token(), Map.of("abilities", List.of("*"))), "name", "The name field is required.");
        assertInvalid(create(account.token(), Map.of("name", "x")), "abilities", "The abilities field is required.");
        assertInvalid(create(account.token(), Map.of("name", "x", "abilities", "automation:write")), "abilities",
                "The abilities field must be an array.");
        assertInvalid(create(account.token(), Map.of("name", "x", "abilities", List.of("automation:write", "root"))),
                "abilities.1", "The selected abilities.1 is invalid.");
        assertInvalid(create(account.token(), Map.of("name", "x", "abilities", List.of("*"), "expires_in_days", 0)),
                "expires_in_days", "The expires in days field must be at least 1.");
        assertInvalid(create(account.token(), Map.of("name", "x", "abilities", List.of("*"), "expires_in_days", 366)),
                "expires_in_days", "The expires in days field must not be greater than 365.");
        assertInvalid(create(account.token(), Map.of("name", "x", "abilities", List.of("*"), "expires_in_days", "soon")),
                "expires_in_days", "The expires in days field must be an integer.");
        assertInvalid(create(account.token(), Map.of("name", "n".repeat(256), "abilities", List.of("*"))),
                "name", "The name field must not be greater than 255 characters.");
        assertError(create(null, Map.of("name", "x", "abilities", List.of("*"))), 401, "Unauthenticated.");
    }

    @Test
    void aNarrowTokenCannotMintABroaderOne() {
        Account account = register();
        String narrow = create(account.token(), Map.of("name", "rooms", "abilities", List.of("temporary-rooms:read")))
                .text("/access_token");
        assertError(create(narrow, Map.of("name", "escalate", "abilities", List.of("*"))), 403, "Invalid ability provided.");
        assertError(create(narrow, Map.of("name", "escalate", "abilities", List.of("automation:write"))), 403,
                "Invalid ability provided.");
        assertThat(create(narrow, Map.of("name", "same", "abilities", List.of("temporary-rooms:read"))).status()).isEqualTo(201);
    }

    @Test
    void revokingATokenStopsItAtOnce() {
        Account account = register();
        Http.Response created = create(account.token(), Map.of("name", "temp", "abilities", List.of("*")));
        String token = created.text("/access_token");
        assertThat(http.get("/api/v1/me").token(token).send().status()).isEqualTo(200);

        Http.Response deleted = http.delete("/api/v1/me/tokens/" + created.json().at("/data/id").asLong()).token(account.token()).send();
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertError(http.get("/api/v1/me").token(token).send(), 401, "Unauthenticated.");
        assertError(http.delete("/api/v1/me/tokens/" + created.json().at("/data/id").asLong()).token(account.token()).send(),
                404, "Not found.");
    }

    @Test
    void anotherUsersTokenIsNotFound() {
        Account owner = register();
        Account stranger = register();
        long ownerTokenId = Long.parseLong(owner.token().substring(0, owner.token().indexOf('|')));
        assertError(http.delete("/api/v1/me/tokens/" + ownerTokenId).token(stranger.token()).send(), 404, "Not found.");
        assertThat(http.get("/api/v1/me").token(owner.token()).send().status()).isEqualTo(200);
        assertError(http.delete("/api/v1/me/tokens/not-a-number").token(stranger.token()).send(), 404, "Not found.");
        assertError(http.delete("/api/v1/me/tokens/99999999999999999999").token(stranger.token()).send(), 404, "Not found.");
        assertThat(http.get("/api/v1/me/tokens").token(stranger.token()).send().json().at("/data").size()).isEqualTo(1);
    }

    @Test
    void anExpiredTokenIsRefused() {
        Account account = register();
        Http.Response created = create(account.token(), Map.of("name", "short", "abilities", List.of("*"), "expires_in_days", 1));
        long id = created.json().at("/data/id").asLong();
        // Time travel: the token's day has passed.
        jdbc.sql("update personal_access_tokens set expires_at = :past where id = :id")
                .param("past", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1)).param("id", id).update();
        assertError(http.get("/api/v1/me").token(created.text("/access_token")).send(), 401, "Unauthenticated.");
    }
}
