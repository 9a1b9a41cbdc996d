package com.rosettachat.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.shared.ratelimit.RateLimiter;
import com.rosettachat.support.ApiTest.Account;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A workspace with one user in each role and an outsider who owns a workspace of their own,
 * built through the API as clients would. Workspace and channel tests start from one of these.
 */
public record Team(Http http, Account owner, Account admin, Account member, Account outsider, String workspaceId,
                   String defaultChannelId, String ownerMemberId, String adminMemberId, String memberMemberId,
                   String otherWorkspaceId) {

    public static Team create(Http http, Supplier<Account> register) {
        Account owner = register.get();
        Account admin = register.get();
        Account member = register.get();
        Account outsider = register.get();
        Http.Response created = createWorkspace(http, owner.token(), Map.of("name", "Team " + owner.id()));
        String workspaceId = created.text("/data/id");
        String adminMemberId = join(http, owner.token(), workspaceId, admin.token());
        String memberMemberId = join(http, owner.token(), workspaceId, member.token());
        Http.Response promoted = http.patch("/api/v1/workspaces/" + workspaceId + "/members/" + adminMemberId)
                .token(owner.token()).json(Map.of("role", "admin")).send();
        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
        String ownerMemberId = memberIdOf(http, owner.token(), workspaceId, owner.id());
        String other = createWorkspace(http, outsider.token(), Map.of("name", "Elsewhere")).text("/data/id");
        return new Team(http, owner, admin, member, outsider, workspaceId, created.text("/data/default_channel_id"),
                ownerMemberId, adminMemberId, memberMemberId, other);
    }

    public static Http.Response createWorkspace(Http http, String token, Map<String, ?> body) {
        Http.Response r = http.post("/api/v1/workspaces").token(token).json(body).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r;
    }

    /** Invites {@code joinerToken}'s user with a fresh link of {@code managerToken}; returns their member id. */
    public static String join(Http http, String managerToken, String workspaceId, String joinerToken) {
        Http.Response invite = http.post("/api/v1/workspaces/" + workspaceId + "/invites").token(managerToken).send();
        assertThat(invite.status()).as(invite.toString()).isEqualTo(201);
        Http.Response accepted = http.post("/api/v1/invites/" + invite.text("/data/token") + "/accept")
                .token(joinerToken).send();
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        Http.Response me = http.get("/api/v1/me").token(joinerToken).send();
        return memberIdOf(http, joinerToken, workspaceId, me.json().at("/id").asLong());
    }

    public static String memberIdOf(Http http, String token, String workspaceId, long userId) {
        Http.Response members = http.get("/api/v1/workspaces/" + workspaceId + "/members?per_page=100").token(token).send();
        assertThat(members.status()).as(members.toString()).isEqualTo(200);
        for (var m : members.json().at("/data")) {
            if (m.at("/user/id").asLong() == userId) {
                return m.at("/id").asString();
            }
        }
        throw new AssertionError("user " + userId + " is not a member: " + members);
    }

    /**
     * Every test previews invites from this machine's address, and the preview allows 30 a minute
     * per address: a test that previews starts with a fresh budget whatever ran before it.
     */
    public static void freshInvitePreviewBudget(RateLimiter limiter) {
        for (String ip : new String[] {"127.0.0.1", "0:0:0:0:0:0:0:1"}) {
            limiter.clear("invite-preview:" + ip);
        }
    }

    public String path(String rest) {
        return "/api/v1/workspaces/" + workspaceId + rest;
    }

    /** Creates a channel as the owner; returns its id. */
    public String channel(Map<String, ?> body) {
        Http.Response r = http.post(path("/channels")).token(owner.token()).json(body).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("/data/id");
    }
}
