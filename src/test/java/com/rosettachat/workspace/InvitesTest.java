package com.rosettachat.workspace;

import static com.rosettachat.support.Assertions.RESOURCE_TIMESTAMP;
import static com.rosettachat.support.Assertions.assertError;
import static com.rosettachat.support.Assertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.shared.ratelimit.RateLimiter;
import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import com.rosettachat.support.RecordedEvents;
import com.rosettachat.support.Team;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

class InvitesTest extends ApiTest {

    static final String[] INVITE_FIELDS = {"id", "token", "url", "expires_at", "created_by", "created_at"};

    @Autowired
    RateLimiter limiter;

    @Autowired
    ConfigurableApplicationContext context;

    @BeforeEach
    void freshPreviewBudget() {
        Team.freshInvitePreviewBudget(limiter);
    }

    @Test
    void managersCreateListAndRevokeInvites() {
        Team team = Team.create(http, this::register);
        Http.Response r = http.post(team.path("/invites")).token(team.admin().token()).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().at("/data").propertyNames()).containsExactlyInAnyOrder(INVITE_FIELDS);
        assertThat(r.text("/data/id")).matches("[0-9a-z]{26}");
        String token = r.text("/data/token");
        assertThat(token).matches("[A-Za-z0-9]{40}");
        assertThat(r.text("/data/url")).endsWith("/api/v1/invites/" + token);
        assertThat(r.json().at("/data/created_by").asLong()).isEqualTo(team.admin().id());
        assertThat(r.text("/data/created_at")).matches(RESOURCE_TIMESTAMP);
        assertThat(OffsetDateTime.parse(r.text("/data/expires_at"))).isBetween(
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).minusMinutes(5), OffsetDateTime.now(ZoneOffset.UTC).plusDays(7));

        Http.Response year = http.post(team.path("/invites")).token(team.owner().token()).json(Map.of("expires_in_days", 365)).send();
        assertThat(OffsetDateTime.parse(year.text("/data/expires_at")))
                .isAfter(OffsetDateTime.now(ZoneOffset.UTC).plusDays(364));
        Http.Response list = http.get(team.path("/invites")).token(team.owner().token()).send();
        assertThat(list.status()).isEqualTo(200);
        // Team.create used two links of its own to bring the admin and the member in.
        assertThat(list.json().at("/data")).hasSize(4);
        assertThat(list.text("/data/0/id")).isEqualTo(year.text("/data/id"));
        assertThat(list.json().at("/data/0").propertyNames()).containsExactlyInAnyOrder(INVITE_FIELDS);

        assertThat(http.delete(team.path("/invites/" + r.text("/data/id"))).token(team.admin().token()).send().status())
                .isEqualTo(204);
        assertError(http.get("/api/v1/invites/" + token).send(), 404, "This invite link is not valid.");
        assertError(http.delete(team.path("/invites/" + r.text("/data/id"))).token(team.admin().token()).send(), 404, "Not found.");
        assertThat(http.get(team.path("/invites")).token(team.owner().token()).send().json().at("/data")).hasSize(3);
        String foreign = http.post("/api/v1/workspaces/" + team.otherWorkspaceId() + "/invites").token(team.outsider().token())
                .send().text("/data/id");
        assertError(http.delete(team.path("/invites/" + foreign)).token(team.owner().token()).send(), 404, "Not found.");
    }

    @Test
    void expiresInDaysIsValidated() {
        Team team = Team.create(http, this::register);
        assertInvalid(create(team, Map.of("expires_in_days", 0)), "expires_in_days", "The expires in days field must be at least 1.");
        assertInvalid(create(team, Map.of("expires_in_days", 366)), "expires_in_days",
                "The expires in days field must not be greater than 365.");
        assertInvalid(create(team, Map.of("expires_in_days", "soon")), "expires_in_days", "The expires in days field must be an integer.");
        assertInvalid(create(team, Map.of("expires_in_days", 1.5)), "expires_in_days", "The expires in days field must be an integer.");
        assertThat(create(team, Map.of("expires_in_days", "30")).status()).isEqualTo(201);
    }

    @Test
    void thePreviewIsPublicAndLimitedPerAddress() {
        Team team = Team.create(http, this::register);
        String token = http.post(team.path("/invites")).token(team.owner().token()).send().text("/data/token");
        Http.Response r = http.get("/api/v1/invites/" + token).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().propertyNames()).containsExactly("data");
        assertThat(r.json().at("/data").propertyNames()).containsExactlyInAnyOrder("workspace", "inviter", "expires_at");
        assertThat(r.json().at("/data/workspace").propertyNames()).containsExactlyInAnyOrder("id", "name", "member_count",
                "has_password");
        assertThat(r.json().at("/data/inviter").propertyNames()).containsExactly("name");
        assertThat(r.text("/data/workspace/id")).isEqualTo(team.workspaceId());
        assertThat(r.json().at("/data/workspace/member_count").asLong()).isEqualTo(3);
        assertThat(r.json().at("/data/workspace/has_password").asBoolean()).isFalse();
        assertThat(r.text("/data/inviter/name")).isEqualTo(team.owner().name());
        assertThat(r.text("/data/expires_at")).matches(RESOURCE_TIMESTAMP);
        assertThat(r.header("X-RateLimit-Limit")).isEqualTo("30");
        assertThat(r.header("X-RateLimit-Remaining")).isEqualTo("29");

        Http.Response unknown = http.get("/api/v1/invites/architecto").token(team.member().token()).send();
        assertError(unknown, 404, "This invite link is not valid.");
        assertThat(unknown.header("X-RateLimit-Limit")).isEqualTo("30");
        assertThat(unknown.header("X-RateLimit-Remaining")).isEqualTo("28");
        assertError(http.get("/api/v1/invites/" + "A".repeat(40)).send(), 404, "This invite link is not valid.");
        for (int i = 0; i < 27; i++) {
            http.get("/api/v1/invites/" + token).send();
        }
        Http.Response refused = http.get("/api/v1/invites/" + token).send();
        assertError(refused, 429, "Too Many Attempts.");
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        assertThat(refused.header("X-RateLimit-Reset")).isNotNull();
    }

    @Test
    void expiredLinksAreNotValid() {
        Team team = Team.create(http, this::register);
        String token = http.post(team.path("/invites")).token(team.owner().token()).json(Map.of("expires_in_days", 1))
                .send().text("/data/token");
        clock.advance(Duration.ofHours(23));
        assertThat(http.get("/api/v1/invites/" + token).send().status()).isEqualTo(200);
        clock.advance(Duration.ofHours(2));
        assertError(http.get("/api/v1/invites/" + token).send(), 404, "This invite link is not valid.");
        assertError(http.post("/api/v1/invites/" + token + "/accept").token(register().token()).send(), 404,
                "This invite link is not valid.");
        Http.Response live = http.get(team.path("/invites")).token(team.owner().token()).send();
        assertThat(live.json().at("/data").valueStream().map(i -> i.at("/token").asString())).doesNotContain(token).hasSize(2);
    }

    @Test
    void acceptingAddsTheCallerAsAMemberOnce() {
        Team team = Team.create(http, this::register);
        String token = http.post(team.path("/invites")).token(team.owner().token()).send().text("/data/token");
        Account joiner = register();
        try (RecordedEvents events = new RecordedEvents(context)) {
            Http.Response r = http.post("/api/v1/invites/" + token + "/accept").token(joiner.token()).send();
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().at("/data").propertyNames()).containsExactlyInAnyOrder(WorkspacesTest.WORKSPACE_FIELDS);
            assertThat(r.text("/data/id")).isEqualTo(team.workspaceId());
            assertThat(r.text("/data/my_role")).isEqualTo("member");
            assertThat(r.json().at("/data/member_count").asLong()).isEqualTo(4);
            Http.Response again = http.post("/api/v1/invites/" + token + "/accept").token(joiner.token()).send();
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().at("/data/member_count").asLong()).isEqualTo(4);
            assertThat(events.of(MemberJoined.class)).hasSize(1).first()
                    .satisfies(e -> assertThat(e.userId()).isEqualTo(joiner.id()));
        }
        // The owner accepting keeps their role.
        Http.Response owner = http.post("/api/v1/invites/" + token + "/accept").token(team.owner().token()).send();
        assertThat(owner.text("/data/my_role")).isEqualTo("owner");
        assertError(http.post("/api/v1/invites/" + token + "/accept").send(), 401, "Unauthenticated.");
        assertError(http.post("/api/v1/invites/nope/accept").token(joiner.token()).send(), 404, "This invite link is not valid.");
    }

    @Test
    void aPasswordProtectedWorkspaceNeedsItsPasswordToAccept() {
        Account owner = register();
        String workspaceId = Team.createWorkspace(http, owner.token(), Map.of("name", "Vault", "password", "the vault code"))
                .text("/data/id");
        String token = http.post("/api/v1/workspaces/" + workspaceId + "/invites").token(owner.token()).send().text("/data/token");
        assertThat(http.get("/api/v1/invites/" + token).send().json().at("/data/workspace/has_password").asBoolean()).isTrue();
        Account joiner = register();
        assertInvalid(http.post("/api/v1/invites/" + token + "/accept").token(joiner.token()).send(),
                "password", "The password field is required.");
        assertInvalid(http.post("/api/v1/invites/" + token + "/accept").token(joiner.token())
                .json(Map.of("password", "The Vault Code")).send(), "password", "The provided password is incorrect.");
        Http.Response ok = http.post("/api/v1/invites/" + token + "/accept").token(joiner.token())
                .json(Map.of("password", "the vault code")).send();
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        // A member comes back without the password.
        assertThat(http.post("/api/v1/invites/" + token + "/accept").token(joiner.token()).send().status()).isEqualTo(200);
    }

    @Test
    void tokensAreLongRandomAndDistinct() {
        Account owner = register();
        String workspaceId = Team.createWorkspace(http, owner.token(), Map.of("name", "Many links")).text("/data/id");
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            tokens.add(http.post("/api/v1/workspaces/" + workspaceId + "/invites").token(owner.token()).send().text("/data/token"));
        }
        assertThat(tokens).hasSize(20).allMatch(t -> t.matches("[A-Za-z0-9]{40}"));
    }

    private Http.Response create(Team team, Map<String, ?> body) {
        return http.post(team.path("/invites")).token(team.owner().token()).json(body).send();
    }
}
