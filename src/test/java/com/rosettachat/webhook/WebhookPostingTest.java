package com.rosettachat.webhook;

import static com.rosettachat.support.Assertions.RESOURCE_TIMESTAMP;
import static com.rosettachat.support.Assertions.assertError;
import static com.rosettachat.support.Assertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import com.rosettachat.support.Team;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WebhookPostingTest extends ApiTest {

    private record Hook(String id, String secret, Team team) {
        String path() {
            return "/api/v1/webhooks/" + id + "/messages";
        }
    }

    private Hook hook(Team team, Map<String, ?> body) {
        Http.Response r = http.post(team.path("/webhooks")).token(team.owner().token()).json(body).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new Hook(r.text("/data/id"), r.text("/data/secret"), team);
    }

    private Hook hook() {
        Team team = Team.create(http, this::register);
        return hook(team, Map.of("name", "Deploy bot", "default_channel_id", team.defaultChannelId()));
    }

    private Http.Response withSecret(Hook hook, String secret, String body) {
        return http.post(hook.path()).header("X-Webhook-Secret", secret).body("application/json", bytes(body)).send();
    }

    private Http.Response signed(Hook hook, String signature, String body) {
        return http.post(hook.path()).header("X-Rosetta-Signature", signature).body("application/json", bytes(body)).send();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String sign(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(bytes(secret), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(bytes(body)));
    }

    @Test
    void postsWithTheSecretHeaderAsTheWebhook() {
        Hook hook = hook();
        Http.Response r = withSecret(hook, hook.secret(), "{\"content\": \"Build 42 passed\"}");

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode m = r.json().at("/data");
        assertThat(m.at("/channel_id").asString()).isEqualTo(hook.team().defaultChannelId());
        assertThat(m.at("/workspace_id").asString()).isEqualTo(hook.team().workspaceId());
        assertThat(m.at("/sender/type").asString()).isEqualTo("webhook");
        assertThat(m.at("/sender/id").asString()).isEqualTo(hook.id());
        assertThat(m.at("/sender/name").asString()).isEqualTo("Deploy bot");
        assertThat(m.at("/original_content").asString()).isEqualTo("Build 42 passed");
        assertThat(m.at("/type").asString()).isEqualTo("text");
        assertThat(r.header("X-RateLimit-Limit")).isEqualTo("60");
        assertThat(r.header("X-RateLimit-Remaining")).isEqualTo("59");

        // Members read it in the channel like any other message.
        Http.Response history = http.get(hook.team().path("/channels/" + hook.team().defaultChannelId() + "/messages"))
                .token(hook.team().member().token()).send();
        JsonNode last = history.json().at("/data/" + (history.json().at("/data").size() - 1));
        assertThat(last.at("/id").asString()).isEqualTo(m.at("/id").asString());
        assertThat(last.at("/sender/type").asString()).isEqualTo("webhook");

        // last_used_at is recorded.
        Http.Response list = http.get(hook.team().path("/webhooks")).token(hook.team().owner().token()).send();
        assertThat(list.text("/data/0/last_used_at")).matches(RESOURCE_TIMESTAMP);
    }

    @Test
    void postsWithASignatureOfTheRawBody() throws Exception {
        Hook hook = hook();
        // Odd spacing and key order: the signature covers the bytes as sent, not a re-encoding.
        String body = "{ \"skip_translation\":true,   \"content\" : \"Signed \\u00e9\" }";
        Http.Response r = signed(hook, sign(hook.secret(), body), body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.text("/data/original_content")).isEqualTo("Signed é");
        assertThat(r.text("/data/translation_status")).isEqualTo("skipped");
        // Upper-case hex and a differently cased prefix are the same signature.
        assertThat(signed(hook, "SHA256=" + sign(hook.secret(), body).substring(7).toUpperCase(), body).status())
                .isEqualTo(201);

        // The same signature with an altered body, a signature under another secret, a bare hex
        // digest, or garbage: all refused.
        assertError(signed(hook, sign(hook.secret(), body), body.replace("Signed", "Forged")), 401, "Invalid webhook secret.");
        assertError(signed(hook, sign("whsec_other", body), body), 401, "Invalid webhook secret.");
        assertError(signed(hook, sign(hook.secret(), body).substring(7), body), 401, "Invalid webhook secret.");
        assertError(signed(hook, "sha256=", body), 401, "Invalid webhook secret.");
        assertError(signed(hook, "sha256=zz", body), 401, "Invalid webhook secret.");
        // A wrong signature is not rescued by a right secret beside it.
        assertError(http.post(hook.path()).header("X-Rosetta-Signature", sign("nope", body))
                .header("X-Webhook-Secret", hook.secret()).body("application/json", bytes(body)).send(),
                401, "Invalid webhook secret.");
    }

    @Test
    void wrongMissingOrUnknownCredentialsAre401() {
        Hook hook = hook();
        String body = "{\"content\": \"hi\"}";
        assertError(withSecret(hook, hook.secret() + "x", body), 401, "Invalid webhook secret.");
        assertError(withSecret(hook, hook.secret().substring(0, 20), body), 401, "Invalid webhook secret.");
        assertError(withSecret(hook, "", body), 401, "Invalid webhook secret.");
        assertError(http.post(hook.path()).json(body).send(), 401, "Invalid webhook secret.");
        // A bearer token is no webhook credential, not even the owner's.
        assertError(http.post(hook.path()).token(hook.team().owner().token()).json(body).send(), 401,
                "Invalid webhook secret.");
        // Unknown and malformed ids answer like a wrong secret, so ids cannot be probed.
        assertError(http.post("/api/v1/webhooks/01ktvxyqmbcm7abv91483q1hfd/messages").header("X-Webhook-Secret", hook.secret())
                .json(body).send(), 401, "Invalid webhook secret.");
        assertError(http.post("/api/v1/webhooks/nope/messages").header("X-Webhook-Secret", hook.secret())
                .json(body).send(), 401, "Invalid webhook secret.");
        // Nothing was posted, and credentials come before the body: bad JSON with no secret is 401 too.
        assertError(http.post(hook.path()).json("{not json").send(), 401, "Invalid webhook secret.");
        assertError(withSecret(hook, hook.secret(), "{not json"), 400, "Malformed JSON.");
    }

    @Test
    void anInactiveWebhookIs403ToThoseWhoHoldTheSecret() {
        Hook hook = hook();
        http.patch(hook.team().path("/webhooks/" + hook.id())).token(hook.team().owner().token())
                .json(Map.of("is_active", false)).send();
        assertError(withSecret(hook, hook.secret(), "{\"content\": \"hi\"}"), 403, "Webhook is inactive.");
        assertError(withSecret(hook, "wrong", "{\"content\": \"hi\"}"), 401, "Invalid webhook secret.");
        http.patch(hook.team().path("/webhooks/" + hook.id())).token(hook.team().owner().token())
                .json(Map.of("is_active", true)).send();
        assertThat(withSecret(hook, hook.secret(), "{\"content\": \"hi\"}").status()).isEqualTo(201);
    }

    @Test
    void theChannelIsTheOneAskedForElseTheDefaultElse422() {
        Team team = Team.create(http, this::register);
        String deploys = team.channel(Map.of("name", "deploys"));
        String secretChannel = team.channel(Map.of("name", "secret", "visibility", "private"));
        Hook withDefault = hook(team, Map.of("name", "A", "default_channel_id", team.defaultChannelId()));
        Hook withoutDefault = hook(team, Map.of("name", "B"));

        Http.Response chosen = withSecret(withDefault, withDefault.secret(),
                "{\"content\": \"x\", \"channel_id\": \"" + deploys + "\"}");
        assertThat(chosen.status()).as(chosen.toString()).isEqualTo(201);
        assertThat(chosen.text("/data/channel_id")).isEqualTo(deploys);
        assertThat(withSecret(withDefault, withDefault.secret(), "{\"content\": \"x\", \"channel_id\": \"" + secretChannel
                + "\"}").text("/data/channel_id")).isEqualTo(secretChannel);
        assertThat(withSecret(withDefault, withDefault.secret(), "{\"content\": \"x\"}").text("/data/channel_id"))
                .isEqualTo(team.defaultChannelId());

        assertInvalid(withSecret(withoutDefault, withoutDefault.secret(), "{\"content\": \"x\"}"), "channel_id",
                "The channel id field is required.");
        assertThat(withSecret(withoutDefault, withoutDefault.secret(), "{\"content\": \"x\", \"channel_id\": \""
                + deploys.toUpperCase() + "\"}").status()).isEqualTo(201);

        String foreign = http.get("/api/v1/workspaces/" + team.otherWorkspaceId()).token(team.outsider().token())
                .send().text("/data/default_channel_id");
        assertInvalid(withSecret(withDefault, withDefault.secret(), "{\"content\": \"x\", \"channel_id\": \"" + foreign + "\"}"),
                "channel_id", "The selected channel id is invalid.");
        assertInvalid(withSecret(withDefault, withDefault.secret(), "{\"content\": \"x\", \"channel_id\": \"general\"}"),
                "channel_id", "The selected channel id is invalid.");

        // The default channel deleted: the webhook has no default any more.
        Hook onDeploys = hook(team, Map.of("name", "C", "default_channel_id", deploys));
        Http.Response deleted = http.delete(team.path("/channels/" + deploys)).token(team.owner().token()).send();
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertInvalid(withSecret(onDeploys, onDeploys.secret(), "{\"content\": \"x\"}"), "channel_id",
                "The channel id field is required.");
    }

    @Test
    void validatesTheBody() {
        Hook hook = hook();
        assertInvalid(withSecret(hook, hook.secret(), "{}"), "content", "The content field is required.");
        assertInvalid(withSecret(hook, hook.secret(), ""), "content", "The content field is required.");
        assertInvalid(withSecret(hook, hook.secret(), "{\"content\": \"   \"}"), "content", "The content field is required.");
        assertInvalid(withSecret(hook, hook.secret(), "{\"content\": 12}"), "content", "The content field must be a string.");
        assertInvalid(withSecret(hook, hook.secret(), "{\"content\": \"" + "a".repeat(10_001) + "\"}"), "content",
                "The content field must not be greater than 10000 characters.");
        assertThat(withSecret(hook, hook.secret(), "{\"content\": \"" + "a".repeat(10_000) + "\"}").status()).isEqualTo(201);
        assertInvalid(withSecret(hook, hook.secret(), "{\"content\": \"x\", \"skip_translation\": \"often\"}"),
                "skip_translation", "The skip translation field must be true or false.");
        assertInvalid(withSecret(hook, hook.secret(), "{\"content\": \"x\", \"channel_id\": 5}"),
                "channel_id", "The channel id field must be a string.");
        // Attachments are not a webhook feature: without content the post is refused, not attached.
        assertInvalid(withSecret(hook, hook.secret(), "{\"attachment_ids\": [\"01ktvxyqmbcm7abv91483q1hfd\"]}"),
                "content", "The content field is required.");
        assertError(withSecret(hook, hook.secret(), "[1, 2]"), 400, "The request body must be a JSON object.");
    }

    @Test
    void sixtyPostsAMinutePerWebhook() {
        Hook hook = hook();
        Hook other = hook(hook.team(), Map.of("name", "Other", "default_channel_id", hook.team().defaultChannelId()));
        for (int i = 0; i < 60; i++) {
            Http.Response r = withSecret(hook, hook.secret(), "{\"content\": \"n" + i + "\", \"skip_translation\": true}");
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            assertThat(r.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(59 - i));
        }
        Http.Response refused = withSecret(hook, hook.secret(), "{\"content\": \"too many\"}");
        assertError(refused, 429, "Too Many Attempts.");
        assertThat(refused.header("X-RateLimit-Limit")).isEqualTo("60");
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(refused.header("X-RateLimit-Reset")).isNotNull();
        // The budget is the webhook's own, and strangers without the secret cannot spend it.
        for (int i = 0; i < 61; i++) {
            assertError(withSecret(other, "wrong", "{\"content\": \"x\"}"), 401, "Invalid webhook secret.");
        }
        Http.Response fine = withSecret(other, other.secret(), "{\"content\": \"fine\"}");
        assertThat(fine.status()).isEqualTo(201);
        assertThat(fine.header("X-RateLimit-Remaining")).isEqualTo("59");
    }
}
