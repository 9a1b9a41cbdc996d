package com.rosettachat.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.shared.ratelimit.RateLimiter;
import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import com.rosettachat.support.Team;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every workspace and channel route, tried as the owner, an admin, a plain member, a member of
 * another workspace and an anonymous caller: 401 anonymous, 404 outsiders, 403 members lacking the
 * role, success otherwise. The table must name every route these modules serve.
 */
class AuthorizationMatrixTest extends ApiTest {

    private enum Caller { ANONYMOUS, OUTSIDER, MEMBER, ADMIN, OWNER }

    /** A team plus the records the routes act on. */
    private record World(Team team, String publicChannel, String privateChannel, String inviteId, String inviteToken) {
    }

    /**
     * {@code path} placeholders: {w} the workspace's path, {member} the plain member's member id, {public} and
     * {private} channels, {invite} and {token}. Statuses are in {@link Caller} order. Routes that
     * change what later routes rely on (roles, memberships, deletions) get worlds of their own.
     */
    private record Route(String method, String template, String path, Map<String, ?> body, Isolation isolation,
                         int... statuses) {
    }

    /** How much of a world a route may change: nothing others notice, its own world, or what the next caller needs. */
    private enum Isolation { SHARED, OWN, EACH }

    private static final List<Route> ROUTES = List.of(
            new Route("GET", "/api/v1/workspaces", "/api/v1/workspaces", null, Isolation.SHARED, 401, 200, 200, 200, 200),
            new Route("POST", "/api/v1/workspaces", "/api/v1/workspaces", Map.of("name", "New"), Isolation.SHARED, 401, 201, 201, 201, 201),
            new Route("GET", "/api/v1/workspaces/{id}", "{w}", null, Isolation.SHARED, 401, 404, 200, 200, 200),
            new Route("POST", "/api/v1/workspaces/{id}/join", "{w}/join", null, Isolation.SHARED, 401, 404, 200, 200, 200),
            new Route("GET", "/api/v1/workspaces/{workspace_id}/members", "{w}/members", null, Isolation.SHARED, 401, 404, 200, 200, 200),
            new Route("PATCH", "/api/v1/workspaces/{workspace_id}/members/{id}", "{w}/members/{member}",
                    Map.of("role", "admin"), Isolation.OWN, 401, 404, 403, 403, 200),
            new Route("PUT", "/api/v1/workspaces/{workspace_id}/members/{id}", "{w}/members/{member}",
                    Map.of("preferred_language", "ja"), Isolation.SHARED, 401, 404, 200, 403, 403),
            new Route("DELETE", "/api/v1/workspaces/{workspace_id}/members/{id}", "{w}/members/{member}", null, Isolation.EACH,
                    401, 404, 204, 204, 204),
            new Route("GET", "/api/v1/workspaces/{workspace_id}/invites", "{w}/invites", null, Isolation.SHARED, 401, 404, 403, 200, 200),
            new Route("POST", "/api/v1/workspaces/{workspace_id}/invites", "{w}/invites", null, Isolation.SHARED, 401, 404, 403, 201, 201),
            new Route("DELETE", "/api/v1/workspaces/{workspace_id}/invites/{id}", "{w}/invites/{invite}", null, Isolation.EACH,
                    401, 404, 403, 204, 204),
            new Route("GET", "/api/v1/invites/{token}", "/api/v1/invites/{token}", null, Isolation.SHARED, 200, 200, 200, 200, 200),
            new Route("POST", "/api/v1/invites/{token}/accept", "/api/v1/invites/{token}/accept", null, Isolation.OWN,
                    401, 200, 200, 200, 200),
            new Route("GET", "/api/v1/workspaces/{workspace_id}/channels", "{w}/channels", null, Isolation.SHARED, 401, 404, 200, 200, 200),
            new Route("POST", "/api/v1/workspaces/{workspace_id}/channels", "{w}/channels", Map.of("name", "More"), Isolation.SHARED,
                    401, 404, 403, 201, 201),
            new Route("GET", "/api/v1/workspaces/{workspace_id}/channels/{id}", "{w}/channels/{public}", null, Isolation.SHARED,
                    401, 404, 200, 200, 200),
            new Route("GET", "/api/v1/workspaces/{workspace_id}/channels/{id}", "{w}/channels/{private}", null, Isolation.SHARED,
                    401, 404, 404, 200, 200),
            new Route("PATCH", "/api/v1/workspaces/{workspace_id}/channels/{id}", "{w}/channels/{public}",
                    Map.of("name", "Renamed"), Isolation.SHARED, 401, 404, 403, 200, 200),
            new Route("PUT", "/api/v1/workspaces/{workspace_id}/channels/{id}", "{w}/channels/{private}",
                    Map.of("name", "Renamed"), Isolation.SHARED, 401, 404, 403, 200, 200),
            new Route("DELETE", "/api/v1/workspaces/{workspace_id}/channels/{id}", "{w}/channels/{public}", null, Isolation.EACH,
                    401, 404, 403, 204, 204),
            new Route("POST", "/api/v1/workspaces/{workspace_id}/channels/{id}/join", "{w}/channels/{private}/join", null, Isolation.OWN,
                    401, 404, 200, 200, 200),
            new Route("POST", "/api/v1/workspaces/{workspace_id}/channels/{id}/members", "{w}/channels/{private}/members",
                    Map.of("user_id", "the member"), Isolation.EACH, 401, 404, 403, 201, 201));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    RateLimiter limiter;

    @Test
    void everyRouteAnswersEachKindOfCallerAsTheContractSays() {
        Team.freshInvitePreviewBudget(limiter);
        List<String> failures = new ArrayList<>();
        World shared = world();
        for (Route route : ROUTES) {
            World world = route.isolation() == Isolation.SHARED ? shared : world();
            for (Caller caller : Caller.values()) {
                int expected = route.statuses()[caller.ordinal()];
                if (route.isolation() == Isolation.EACH && expected < 300) {
                    world = world();
                }
                Http.Response r = send(route, world, caller);
                if (r.status() != expected) {
                    failures.add(route.method() + " " + route.path() + " as " + caller + ": expected " + expected
                            + ", got " + r);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void theTableNamesEveryWorkspaceAndChannelRoute() {
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            String module = method.getBeanType().getPackageName();
            if (module.startsWith("com.rosettachat.workspace") || module.startsWith("com.rosettachat.channel")) {
                info.getMethodsCondition().getMethods().forEach(m ->
                        info.getPathPatternsCondition().getPatternValues().forEach(p -> served.add(m.name() + " " + p)));
            }
        });
        Set<String> tested = new TreeSet<>();
        ROUTES.forEach(r -> tested.add(r.method() + " " + r.template()));
        assertThat(tested).isEqualTo(served);
    }

    private World world() {
        Team team = Team.create(http, this::register);
        String publicChannel = team.channel(Map.of("name", "Open"));
        String privateChannel = team.channel(Map.of("name", "Closed", "visibility", "private"));
        Http.Response invite = http.post(team.path("/invites")).token(team.owner().token()).send();
        return new World(team, publicChannel, privateChannel, invite.text("/data/id"), invite.text("/data/token"));
    }

    private Http.Response send(Route route, World world, Caller caller) {
        Team team = world.team();
        String path = route.path()
                .replace("{w}", "/api/v1/workspaces/" + team.workspaceId())
                .replace("{member}", team.memberMemberId())
                .replace("{public}", world.publicChannel())
                .replace("{private}", world.privateChannel())
                .replace("{invite}", world.inviteId())
                .replace("{token}", world.inviteToken());
        // The one body that names a user: the plain member, added to the private channel.
        Map<String, ?> body = route.body() != null && route.body().containsKey("user_id")
                ? Map.of("user_id", team.member().id()) : route.body();
        Http.Call call = http.method(route.method(), path);
        if (body != null) {
            call.json(body);
        }
        return switch (caller) {
            case ANONYMOUS -> call.send();
            case OUTSIDER -> call.token(team.outsider().token()).send();
            case MEMBER -> call.token(team.member().token()).send();
            case ADMIN -> call.token(team.admin().token()).send();
            case OWNER -> call.token(team.owner().token()).send();
        };
    }
}
