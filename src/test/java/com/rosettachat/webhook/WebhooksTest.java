package com.rosettachat.webhook;

import static com.rosettachat.support.Assertions.RESOURCE_TIMESTAMP;
import static com.rosettachat.support.Assertions.assertError;
import static com.rosettachat.support.Assertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.shared.AppProperties;
import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import com.rosettachat.support.Team;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class WebhooksTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AppProperties app;

    private Http.Response create(Team team, Account who, Map<String, ?> body) {
        return http.post(team.path("/webhooks")).token(who.token()).json(body).send();
    }

    @Test
    void createdWebhookHasTheContractShapeAndShowsItsSecretOnce() {
        Team team = Team.create(http, this::register);
        Http.Response r = create(team, team.admin(), Map.of("name", "  CI  ", "default_channel_id", team.defaultChannelId()));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode w = r.json().at("/data");
        assertThat(w.propertyNames()).containsExactlyInAnyOrder("id", "workspace_id", "name", "default_channel_id",
                "is_active", "url", "last_used_at", "created_at", "secret");
        String id = w.at("/id").asString();
        assertThat(id).matches("[0-9a-hjkmnp-tv-z]{26}");
        assertThat(w.at("/workspace_id").asString()).isEqualTo(team.workspaceId());
        assertThat(w.at("/name").asString()).isEqualTo("CI");
        assertThat(w.at("/default_channel_id").asString()).isEqualTo(team.defaultChannelId());
        assertThat(w.at("/is_active").asBoolean()).isTrue();
        assertThat(w.at("/url").asString()).isEqualTo(app.baseUrl() + "/api/v1/webhooks/" + id + "/messages").startsWith("http");
        assertThat(w.at("/last_used_at").isNull()).isTrue();
        assertThat(w.at("/created_at").asString()).matches(RESOURCE_TIMESTAMP);
        String secret = w.at("/secret").asString();
        assertThat(secret).matches("whsec_[A-Za-z0-9]{48}");

        // Listed without the secret, by owners and admins alike.
        for (Account manager : new Account[] {team.owner(), team.admin()}) {
            Http.Response list = http.get(team.path("/webhooks")).token(manager.token()).send();
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.json().at("/data").size()).isEqualTo(1);
            assertThat(list.json().at("/data/0").propertyNames()).containsExactlyInAnyOrder("id", "workspace_id", "name",
                    "default_channel_id", "is_active", "url", "last_used_at", "created_at");
            assertThat(list.body()).doesNotContain(secret);
        }

        // Stored sealed with the application key: neither the secret nor any long piece of it is in the row.
        String stored = jdbc.sql("select secret_ciphertext from webhooks where id = :id").param("id", id)
                .query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain(secret).doesNotContain(secret.substring(6, 20));
    }

    @Test
    void aWebhookWithoutDefaultChannelIsFine() {
        Team team = Team.create(http, this::register);
        Http.Response r = create(team, team.owner(), Map.of("name", "Alerts"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().at("/data/default_channel_id").isNull()).isTrue();
    }

    @Test
    void validatesNameAndDefaultChannel() {
        Team team = Team.create(http, this::register);
        assertInvalid(create(team, team.owner(), Map.of()), "name", "The name field is required.");
        assertInvalid(create(team, team.owner(), Map.of("name", "   ")), "name", "The name field is required.");
        assertInvalid(create(team, team.owner(), Map.of("name", "x".repeat(121))), "name",
                "The name field must not be greater than 120 characters.");
        assertThat(create(team, team.owner(), Map.of("name", "x".repeat(120))).status()).isEqualTo(201);
        assertInvalid(create(team, team.owner(), Map.of("name", 5)), "name", "The name field must be a string.");
        assertInvalid(create(team, team.owner(), Map.of("name", "a", "default_channel_id", 7)),
                "default_channel_id", "The default channel id field must be a string.");
        // A channel of another workspace, or none at all, is not one of this workspace's.
        String foreignChannel = http.get("/api/v1/workspaces/" + team.otherWorkspaceId()).token(team.outsider().token())
                .send().text("/data/default_channel_id");
        assertInvalid(create(team, team.owner(), Map.of("name", "a", "default_channel_id", foreignChannel)),
                "default_channel_id", "The selected default channel id is invalid.");
        assertInvalid(create(team, team.owner(), Map.of("name", "a", "default_channel_id", "not-a-channel")),
                "default_channel_id", "The selected default channel id is invalid.");
    }

    @Test
    void onlyOwnersAndAdminsManageWebhooks() {
        Team team = Team.create(http, this::register);
        String id = create(team, team.owner(), Map.of("name", "CI")).text("/data/id");
        String one = team.path("/webhooks/" + id);

        assertError(create(team, team.member(), Map.of("name", "x")), 403, "This action is unauthorized.");
        assertError(http.get(team.path("/webhooks")).token(team.member().token()).send(), 403, "This action is unauthorized.");
        assertError(http.patch(one).token(team.member().token()).json(Map.of("name", "y")).send(), 403,
                "This action is unauthorized.");
        assertError(http.delete(one).token(team.member().token()).send(), 403, "This action is unauthorized.");

        assertError(create(team, team.outsider(), Map.of("name", "x")), 404, "Not found.");
        assertError(http.get(team.path("/webhooks")).token(team.outsider().token()).send(), 404, "Not found.");
        assertError(http.put(one).token(team.outsider().token()).json(Map.of("name", "y")).send(), 404, "Not found.");
        assertError(http.delete(one).token(team.outsider().token()).send(), 404, "Not found.");

        assertError(http.get(team.path("/webhooks")).send(), 401, "Unauthenticated.");
        assertError(http.post(team.path("/webhooks")).json(Map.of("name", "x")).send(), 401, "Unauthenticated.");

        // The outsider's own workspace does not reach this webhook through its path.
        String elsewhere = "/api/v1/workspaces/" + team.otherWorkspaceId() + "/webhooks/" + id;
        assertError(http.patch(elsewhere).token(team.outsider().token()).json(Map.of("name", "y")).send(), 404, "Not found.");
        assertError(http.delete(elsewhere).token(team.outsider().token()).send(), 404, "Not found.");
        assertError(http.patch(team.path("/webhooks/01ktvxyqmbcm7abv91483q1hfd")).token(team.owner().token())
                .json(Map.of("name", "y")).send(), 404, "Not found.");
        assertError(http.delete(team.path("/webhooks/nope")).token(team.owner().token()).send(), 404, "Not found.");
    }

    @Test
    void updatesFieldsAndRegeneratesTheSecretOnRequest() {
        Team team = Team.create(http, this::register);
        Http.Response created = create(team, team.owner(), Map.of("name", "CI"));
        String id = created.text("/data/id");
        String firstSecret = created.text("/data/secret");
        String other = team.channel(Map.of("name", "deploys"));

        Http.Response patched = http.patch(team.path("/webhooks/" + id)).token(team.admin().token())
                .json(Map.of("name", "Deploy bot", "default_channel_id", other, "is_active", false)).send();
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().at("/data").has("secret")).isFalse();
        assertThat(patched.text("/data/name")).isEqualTo("Deploy bot");
        assertThat(patched.text("/data/default_channel_id")).isEqualTo(other);
        assertThat(patched.json().at("/data/is_active").asBoolean()).isFalse();

        // PUT behaves alike; null clears the default channel; fields not sent stay.
        Map<String, Object> clear = new HashMap<>();
        clear.put("default_channel_id", null);
        clear.put("is_active", true);
        Http.Response put = http.put(team.path("/webhooks/" + id)).token(team.owner().token()).json(clear).send();
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().at("/data/default_channel_id").isNull()).isTrue();
        assertThat(put.text("/data/name")).isEqualTo("Deploy bot");
        assertThat(put.json().at("/data/is_active").asBoolean()).isTrue();

        Http.Response regenerated = http.patch(team.path("/webhooks/" + id)).token(team.owner().token())
                .json(Map.of("regenerate_secret", true)).send();
        assertThat(regenerated.status()).isEqualTo(200);
        String secondSecret = regenerated.text("/data/secret");
        assertThat(secondSecret).matches("whsec_[A-Za-z0-9]{48}").isNotEqualTo(firstSecret);
        Http.Response notRegenerated = http.patch(team.path("/webhooks/" + id)).token(team.owner().token())
                .json(Map.of("regenerate_secret", false)).send();
        assertThat(notRegenerated.json().at("/data").has("secret")).isFalse();

        // Only the new secret posts.
        String post = "/api/v1/webhooks/" + id + "/messages";
        Map<String, String> body = Map.of("content", "hi", "channel_id", team.defaultChannelId());
        assertError(http.post(post).header("X-Webhook-Secret", firstSecret).json(body).send(), 401, "Invalid webhook secret.");
        assertThat(http.post(post).header("X-Webhook-Secret", secondSecret).json(body).send().status()).isEqualTo(201);

        assertInvalid(http.patch(team.path("/webhooks/" + id)).token(team.owner().token()).json(Map.of("name", "")).send(),
                "name", "The name field is required.");
        assertInvalid(http.patch(team.path("/webhooks/" + id)).token(team.owner().token())
                .json(Map.of("is_active", "maybe")).send(), "is_active", "The is active field must be true or false.");
        assertInvalid(http.patch(team.path("/webhooks/" + id)).token(team.owner().token())
                .json(Map.of("regenerate_secret", "yes")).send(), "regenerate_secret",
                "The regenerate secret field must be true or false.");
        assertInvalid(http.patch(team.path("/webhooks/" + id)).token(team.owner().token())
                .json(Map.of("default_channel_id", "01ktvxyqmbcm7abv91483q1hfd")).send(), "default_channel_id",
                "The selected default channel id is invalid.");
    }

    @Test
    void deletedWebhookIsGoneAndItsUrlStopsWorking() {
        Team team = Team.create(http, this::register);
        Http.Response created = create(team, team.owner(), Map.of("name", "CI", "default_channel_id", team.defaultChannelId()));
        String id = created.text("/data/id");
        Http.Response deleted = http.delete(team.path("/webhooks/" + id)).token(team.admin().token()).send();
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(http.get(team.path("/webhooks")).token(team.owner().token()).send().json().at("/data").size()).isZero();
        assertError(http.delete(team.path("/webhooks/" + id)).token(team.owner().token()).send(), 404, "Not found.");
        assertError(http.post("/api/v1/webhooks/" + id + "/messages")
                .header("X-Webhook-Secret", created.text("/data/secret")).json(Map.of("content", "hi")).send(),
                401, "Invalid webhook secret.");
    }
}
