package com.rosettachat.workspace;

import static com.rosettachat.support.Assertions.RESOURCE_TIMESTAMP;
import static com.rosettachat.support.Assertions.assertError;
import static com.rosettachat.support.Assertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import com.rosettachat.support.Team;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class WorkspacesTest extends ApiTest {

    static final String[] WORKSPACE_FIELDS = {"id", "name", "slug", "visibility", "has_password", "kind", "owner_id",
            "my_role", "member_count", "default_channel_id", "created_at", "updated_at"};

    @Autowired
    WorkspaceService workspaces;

    @Test
    void creatingMakesTheCallerOwnerWithAPublicGeneralChannel() {
        Account owner = register();
        Http.Response r = http.post("/api/v1/workspaces").token(owner.token()).json(Map.of("name", "Acme Café")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().propertyNames()).containsExactly("data");
        assertThat(r.json().at("/data").propertyNames()).containsExactlyInAnyOrder(WORKSPACE_FIELDS);
        assertThat(r.text("/data/id")).matches("[0-9a-z]{26}");
        assertThat(r.text("/data/name")).isEqualTo("Acme Café");
        assertThat(r.text("/data/slug")).startsWith("acme-cafe");
        assertThat(r.text("/data/visibility")).isEqualTo("private");
        assertThat(r.json().at("/data/has_password").asBoolean()).isFalse();
        assertThat(r.text("/data/kind")).isEqualTo("standard");
        assertThat(r.json().at("/data/owner_id").asLong()).isEqualTo(owner.id());
        assertThat(r.text("/data/my_role")).isEqualTo("owner");
        assertThat(r.json().at("/data/member_count").asLong()).isEqualTo(1);
        assertThat(r.text("/data/created_at")).matches(RESOURCE_TIMESTAMP);
        assertThat(r.text("/data/updated_at")).matches(RESOURCE_TIMESTAMP);

        String id = r.text("/data/id");
        Http.Response channels = http.get("/api/v1/workspaces/" + id + "/channels").token(owner.token()).send();
        assertThat(channels.json().at("/data")).hasSize(1);
        assertThat(channels.text("/data/0/id")).isEqualTo(r.text("/data/default_channel_id"));
        assertThat(channels.text("/data/0/name")).isEqualTo("general");
        assertThat(channels.text("/data/0/slug")).isEqualTo("general");
        assertThat(channels.text("/data/0/visibility")).isEqualTo("public");
        assertThat(channels.json().at("/data/0/is_default").asBoolean()).isTrue();
        assertThat(channels.json().at("/data/0/created_by").asLong()).isEqualTo(owner.id());
    }

    @Test
    void slugsAreMadeFromTheNameAndACollisionGetsASuffix() {
        Account owner = register();
        String name = "Night Owls " + System.nanoTime();
        String base = name.toLowerCase().replace(' ', '-');
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            slugs.add(Team.createWorkspace(http, owner.token(), Map.of("name", name)).text("/data/slug"));
        }
        assertThat(slugs).containsExactly(base, base + "-2", base + "-3");
        assertThat(Team.createWorkspace(http, owner.token(), Map.of("name", "ทีมงาน")).text("/data/slug")).startsWith("workspace");

        String chosen = "Own_Slug-" + System.nanoTime();
        Http.Response own = Team.createWorkspace(http, owner.token(), Map.of("name", "Mine", "slug", chosen,
                "visibility", "public", "password", "open sesame"));
        assertThat(own.text("/data/slug")).isEqualTo(chosen);
        assertThat(own.text("/data/visibility")).isEqualTo("public");
        assertThat(own.json().at("/data/has_password").asBoolean()).isTrue();
        assertInvalid(http.post("/api/v1/workspaces").token(owner.token()).json(Map.of("name", "Again", "slug", chosen)).send(),
                "slug", "The slug has already been taken.");
    }

    @Test
    void creationIsValidatedWithLaravelsWording() {
        String token = register().token();
        assertInvalid(post(token, Map.of()), "name", "The name field is required.");
        assertInvalid(post(token, Map.of("name", "   ")), "name", "The name field is required.");
        assertInvalid(post(token, Map.of("name", 12)), "name", "The name field must be a string.");
        assertInvalid(post(token, Map.of("name", "n".repeat(121))), "name", "The name field must not be greater than 120 characters.");
        assertThat(post(token, Map.of("name", "界".repeat(120))).status()).isEqualTo(201);
        assertInvalid(post(token, Map.of("name", "x", "slug", "has space")), "slug",
                "The slug field must only contain letters, numbers, dashes, and underscores.");
        assertInvalid(post(token, Map.of("name", "x", "slug", "s".repeat(81))), "slug",
                "The slug field must not be greater than 80 characters.");
        assertInvalid(post(token, Map.of("name", "x", "visibility", "secret")), "visibility", "The selected visibility is invalid.");
        assertInvalid(post(token, Map.of("name", "x", "password", "short")), "password",
                "The password field must be at least 8 characters.");
        assertInvalid(post(token, Map.of("name", "x", "password", "p".repeat(121))), "password",
                "The password field must not be greater than 120 characters.");
        // 120 characters of four-byte emoji are far past bcrypt's 72 bytes and still work.
        Http.Response longPassword = post(token, Map.of("name", "x", "visibility", "public", "password", "🔑".repeat(120)));
        assertThat(longPassword.status()).as(longPassword.toString()).isEqualTo(201);
        assertError(http.post("/api/v1/workspaces").json(Map.of("name", "x")).send(), 401, "Unauthenticated.");
    }

    @Test
    void listShowsTheCallersStandardWorkspacesOnly() {
        Team team = Team.create(http, this::register);
        Http.Response mine = http.get("/api/v1/workspaces").token(team.member().token()).send();
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().at("/data")).hasSize(1);
        assertThat(mine.json().at("/data/0").propertyNames()).containsExactlyInAnyOrder(WORKSPACE_FIELDS);
        assertThat(mine.text("/data/0/id")).isEqualTo(team.workspaceId());
        assertThat(mine.text("/data/0/my_role")).isEqualTo("member");
        assertThat(mine.json().at("/data/0/member_count").asLong()).isEqualTo(3);

        // A temporary room made through the service API is a workspace, but not one of these.
        CreatedWorkspace room = workspaces.create(NewWorkspace.temporaryRoom(team.member().id(), "Pop-up room"));
        assertThat(room.defaultChannelId()).isNotNull();
        Http.Response again = http.get("/api/v1/workspaces").token(team.member().token()).send();
        assertThat(again.json().at("/data")).hasSize(1);
        Http.Response shown = http.get("/api/v1/workspaces/" + room.workspaceId()).token(team.member().token()).send();
        assertThat(shown.text("/data/kind")).isEqualTo("temporary_room");
        assertThat(shown.text("/data/default_channel_id")).isEqualTo(room.defaultChannelId());
        assertThat(shown.text("/data/my_role")).isEqualTo("owner");
        assertThat(http.get("/api/v1/workspaces").token(team.outsider().token()).send().json().at("/data")).hasSize(1);
    }

    @Test
    void showIsForMembersOnly() {
        Team team = Team.create(http, this::register);
        Http.Response shown = http.get("/api/v1/workspaces/" + team.workspaceId()).token(team.admin().token()).send();
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().at("/data").propertyNames()).containsExactlyInAnyOrder(WORKSPACE_FIELDS);
        assertThat(shown.text("/data/my_role")).isEqualTo("admin");
        assertError(http.get("/api/v1/workspaces/" + team.workspaceId()).token(team.outsider().token()).send(), 404, "Not found.");
        assertError(http.get("/api/v1/workspaces/01ktvxyqmbcm7abv91483q1hfd").token(team.owner().token()).send(), 404, "Not found.");
        assertError(http.get("/api/v1/workspaces/not-an-id").token(team.owner().token()).send(), 404, "Not found.");
        assertError(http.get("/api/v1/workspaces/" + team.workspaceId()).send(), 401, "Unauthenticated.");
    }

    @Test
    void publicWorkspacesCanBeJoinedWithTheirPassword() {
        Account owner = register();
        String open = Team.createWorkspace(http, owner.token(), Map.of("name", "Open", "visibility", "public")).text("/data/id");
        String locked = Team.createWorkspace(http, owner.token(), Map.of("name", "Locked", "visibility", "public",
                "password", "let me in please")).text("/data/id");
        String closed = Team.createWorkspace(http, owner.token(), Map.of("name", "Closed")).text("/data/id");
        Account joiner = register();

        Http.Response joined = http.post("/api/v1/workspaces/" + open + "/join").token(joiner.token()).send();
        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        assertThat(joined.json().at("/data").propertyNames()).containsExactlyInAnyOrder(WORKSPACE_FIELDS);
        assertThat(joined.text("/data/my_role")).isEqualTo("member");
        assertThat(joined.json().at("/data/member_count").asLong()).isEqualTo(2);
        Http.Response again = http.post("/api/v1/workspaces/" + open + "/join").token(joiner.token()).send();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().at("/data/member_count").asLong()).isEqualTo(2);

        assertInvalid(http.post("/api/v1/workspaces/" + locked + "/join").token(joiner.token()).send(),
                "password", "The password field is required.");
        assertInvalid(http.post("/api/v1/workspaces/" + locked + "/join").token(joiner.token())
                .json(Map.of("password", "let me in")).send(), "password", "The provided password is incorrect.");
        assertInvalid(http.post("/api/v1/workspaces/" + locked + "/join").token(joiner.token())
                .json(Map.of("password", List.of("x"))).send(), "password", "The password field must be a string.");
        assertThat(http.post("/api/v1/workspaces/" + locked + "/join").token(joiner.token())
                .json(Map.of("password", "let me in please")).send().status()).isEqualTo(200);

        assertError(http.post("/api/v1/workspaces/" + closed + "/join").token(joiner.token()).send(), 404, "Not found.");
        assertError(http.post("/api/v1/workspaces/" + closed + "/join").send(), 401, "Unauthenticated.");
        assertThat(http.post("/api/v1/workspaces/" + closed + "/join").token(owner.token()).send().status()).isEqualTo(200);
    }

    private Http.Response post(String token, Map<String, ?> body) {
        return http.post("/api/v1/workspaces").token(token).json(body).send();
    }
}
