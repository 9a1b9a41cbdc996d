package com.rosettachat.automation;

import static com.rosettachat.support.Assertions.assertError;
import static com.rosettachat.support.Assertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import com.rosettachat.support.Team;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AutomationTest extends ApiTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89};

    private String tokenWith(Account account, String... abilities) {
        Http.Response r = http.post("/api/v1/me/tokens").token(account.token())
                .json(Map.of("name", "bot", "abilities", List.of(abilities))).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("/access_token");
    }

    private String path(Team team, String channelId) {
        return "/api/v1/automation/workspaces/" + team.workspaceId() + "/channels/" + channelId + "/messages";
    }

    private Http.Response post(String token, String path, Map<String, ?> body) {
        return http.post(path).token(token).json(body).send();
    }

    @Test
    void aTokenWithAutomationWritePostsAsAutomation() {
        Team team = Team.create(http, this::register);
        String bot = tokenWith(team.member(), "automation:write");
        Http.Response r = post(bot, path(team, team.defaultChannelId()), Map.of("content", "Nightly report ready"));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode m = r.json().at("/data");
        assertThat(m.at("/sender/type").asString()).isEqualTo("automation");
        assertThat(m.at("/sender/id").asLong()).isEqualTo(team.member().id());
        assertThat(m.at("/sender/name").asString()).isEqualTo(team.member().name());
        assertThat(m.at("/channel_id").asString()).isEqualTo(team.defaultChannelId());
        assertThat(m.at("/original_content").asString()).isEqualTo("Nightly report ready");
        assertThat(m.at("/type").asString()).isEqualTo("text");

        // A thread reply and the bot user's own upload as an attachment.
        Http.Response upload = upload(bot, "chart.png", PNG);
        assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
        Http.Response reply = post(bot, path(team, team.defaultChannelId()), Map.of("content", "details",
                "parent_message_id", m.at("/id").asString(), "attachment_ids", List.of(upload.text("/data/id")),
                "skip_translation", true));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.text("/data/parent_message_id")).isEqualTo(m.at("/id").asString());
        assertThat(reply.json().at("/data/attachments/0/file_id").asString()).isEqualTo(upload.text("/data/id"));
        assertThat(reply.text("/data/translation_status")).isEqualTo("skipped");

        // Readers see it marked as automation.
        Http.Response history = http.get(team.path("/channels/" + team.defaultChannelId() + "/messages"))
                .token(team.owner().token()).send();
        assertThat(history.json().at("/data/" + (history.json().at("/data").size() - 1) + "/sender/type").asString())
                .isEqualTo("automation");
        // A full-ability token (login) may use the route too: "*" holds every ability.
        assertThat(post(team.owner().token(), path(team, team.defaultChannelId()), Map.of("content", "x")).status())
                .isEqualTo(201);
    }

    @Test
    void tokensWithoutTheAbilityAreRefused() {
        Team team = Team.create(http, this::register);
        String reader = tokenWith(team.member(), "temporary-rooms:read", "temporary-rooms:create");
        assertError(post(reader, path(team, team.defaultChannelId()), Map.of("content", "x")), 403,
                "Invalid ability provided.");
        assertError(post(null, path(team, team.defaultChannelId()), Map.of("content", "x")), 401, "Unauthenticated.");
        assertError(post("1|nonsense", path(team, team.defaultChannelId()), Map.of("content", "x")), 401,
                "Unauthenticated.");
    }

    @Test
    void theTokensUserMustBeAllowedToPostInTheChannel() {
        Team team = Team.create(http, this::register);
        String privateChannel = team.channel(Map.of("name", "leads", "visibility", "private"));
        String outsiderBot = tokenWith(team.outsider(), "automation:write");
        String memberBot = tokenWith(team.member(), "automation:write");
        String adminBot = tokenWith(team.admin(), "automation:write");
        String ownerBot = tokenWith(team.owner(), "automation:write");

        assertError(post(outsiderBot, path(team, team.defaultChannelId()), Map.of("content", "x")), 404, "Not found.");
        assertError(post(memberBot, path(team, privateChannel), Map.of("content", "x")), 404, "Not found.");
        // Admins see private channels but post only where they are members, as in the channel routes.
        assertError(post(adminBot, path(team, privateChannel), Map.of("content", "x")), 403, "This action is unauthorized.");
        assertThat(post(ownerBot, path(team, privateChannel), Map.of("content", "x")).status()).isEqualTo(201);
        assertError(post(memberBot, path(team, "01ktvxyqmbcm7abv91483q1hfd"), Map.of("content", "x")), 404, "Not found.");
        assertError(post(memberBot, "/api/v1/automation/workspaces/" + team.otherWorkspaceId() + "/channels/"
                + team.defaultChannelId() + "/messages", Map.of("content", "x")), 404, "Not found.");

        // Leaving the workspace ends the bot's access at once.
        Http.Response left = http.delete(team.path("/members/" + team.memberMemberId())).token(team.member().token()).send();
        assertThat(left.status()).as(left.toString()).isEqualTo(204);
        assertError(post(memberBot, path(team, team.defaultChannelId()), Map.of("content", "x")), 404, "Not found.");
    }

    @Test
    void validatesTheBodyLikeAChannelPost() {
        Team team = Team.create(http, this::register);
        String bot = tokenWith(team.member(), "automation:write");
        String path = path(team, team.defaultChannelId());
        assertInvalid(post(bot, path, Map.of()), "content", "The content field is required when attachment ids is not present.");
        assertInvalid(post(bot, path, Map.of("content", "a".repeat(10_001))), "content",
                "The content field must not be greater than 10000 characters.");
        assertInvalid(post(bot, path, Map.of("content", "x", "parent_message_id", "nope")), "parent_message_id",
                "The selected parent message id is invalid.");
        assertInvalid(post(bot, path, Map.of("content", "x", "parent_message_id", "01ktvxyqmbcm7abv91483q1hfd")),
                "parent_message_id", "The selected parent message id is invalid.");
        assertInvalid(post(bot, path, Map.of("attachment_ids", List.of("01ktvxyqmbcm7abv91483q1hfd"))),
                "attachment_ids.0", "The selected attachment ids.0 is invalid.");
        assertInvalid(post(bot, path, Map.of("content", "x", "skip_translation", "sure")), "skip_translation",
                "The skip translation field must be true or false.");
        // Someone else's upload is not the bot's to attach.
        String theirs = upload(team.owner().token(), "a.png", PNG).text("/data/id");
        assertInvalid(post(bot, path, Map.of("attachment_ids", List.of(theirs))), "attachment_ids.0",
                "The selected attachment ids.0 is invalid.");
    }
}
