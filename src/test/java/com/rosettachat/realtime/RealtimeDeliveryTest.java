package com.rosettachat.realtime;

import static com.rosettachat.support.TestTranslationServer.translated;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import com.rosettachat.support.PusherSocket;
import com.rosettachat.support.Team;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the REST API changes reaches the sockets of those who may read it: messages in the
 * reader's language, then their translation; edits, reactions, pins and deletes; who joins
 * and leaves; and access taken away ends the subscription at once.
 */
class RealtimeDeliveryTest extends ApiTest {

    private Http.Response auth(Account account, String socketId, String channel) {
        return http.post("/broadcasting/auth").token(account.token())
                .json(Map.of("socket_id", socketId, "channel_name", channel)).send();
    }

    private PusherSocket subscribe(Account account, String channel) {
        return PusherSocket.subscribed(http.base(), http, account.token(), channel);
    }

    private static String unique(String text) {
        return text + " #" + System.nanoTime();
    }

    private String post(Account who, String path, String content) {
        Http.Response r = http.post(path).token(who.token()).json(Map.of("content", content)).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("/data/id");
    }

    @Test
    void aNewMessageReachesEveryReaderInTheirLanguageAndItsTranslationFollows() {
        Team team = Team.create(http, this::register);
        http.patch("/api/v1/me").token(team.member().token()).json(Map.of("preferred_language", "ja")).send();
        String channel = RealtimeChannels.workspaceChannel(team.workspaceId(), team.defaultChannelId());
        try (PusherSocket english = subscribe(team.owner(), channel); PusherSocket japanese = subscribe(team.member(), channel)) {
            String text = unique("The deploy finished without errors");
            String id = post(team.owner(), team.path("/channels/" + team.defaultChannelId() + "/messages"), text);

            JsonNode created = PusherSocket.data(english.await("message.created"));
            assertThat(created.at("/data/id").asString()).isEqualTo(id);
            assertThat(created.at("/data/original_content").asString()).isEqualTo(text);
            assertThat(created.at("/data/display_content").asString()).isEqualTo(text);
            assertThat(created.at("/data/channel_id").asString()).isEqualTo(team.defaultChannelId());
            assertThat(created.path("seq").asLong()).isPositive();
            assertThat(PusherSocket.data(japanese.await("message.created")).at("/data/id").asString()).isEqualTo(id);

            JsonNode translatedEvent = PusherSocket.data(japanese.await("message.translated"));
            assertThat(translatedEvent.at("/data/id").asString()).isEqualTo(id);
            assertThat(translatedEvent.at("/data/display_language").asString()).isEqualTo("ja");
            assertThat(translatedEvent.at("/data/display_content").asString()).isEqualTo(translated("ja", text));
            assertThat(translatedEvent.at("/data/translation_status").asString()).isEqualTo("completed");
        }
    }

    @Test
    void editsReactionsPinsAndDeletesArriveAsUpdatesAndATombstone() {
        Team team = Team.create(http, this::register);
        String messages = team.path("/channels/" + team.defaultChannelId() + "/messages");
        String channel = RealtimeChannels.workspaceChannel(team.workspaceId(), team.defaultChannelId());
        try (PusherSocket socket = subscribe(team.member(), channel)) {
            String id = post(team.owner(), messages, "first draft");
            socket.await("message.created");

            assertThat(http.patch(messages + "/" + id).token(team.owner().token())
                    .json(Map.of("content", "final text")).send().status()).isEqualTo(200);
            JsonNode edited = PusherSocket.data(socket.await("message.updated"));
            assertThat(edited.at("/data/original_content").asString()).isEqualTo("final text");
            assertThat(edited.at("/data/edited_at").isNull()).isFalse();

            assertThat(http.put(messages + "/" + id + "/reactions/" + URLEncoder.encode("👍", StandardCharsets.UTF_8)).token(team.admin().token()).send().status())
                    .isBetween(200, 201);
            JsonNode reacted = PusherSocket.data(socket.await("message.updated"));
            assertThat(reacted.at("/reaction/emoji").asString()).isEqualTo("👍");
            assertThat(reacted.at("/reaction/user_id").asLong()).isEqualTo(team.admin().id());
            assertThat(reacted.at("/reaction/added").asBoolean()).isTrue();
            assertThat(reacted.at("/data/reactions/0/count").asInt()).isEqualTo(1);

            assertThat(http.put(messages + "/" + id + "/pin").token(team.owner().token()).send().status()).isBetween(200, 201);
            assertThat(PusherSocket.data(socket.await("message.updated")).at("/pin/pinned").asBoolean()).isTrue();

            assertThat(http.delete(messages + "/" + id).token(team.owner().token()).send().status()).isEqualTo(204);
            JsonNode deleted = PusherSocket.data(socket.await("message.deleted"));
            assertThat(deleted.at("/data/id").asString()).isEqualTo(id);
            assertThat(deleted.at("/data/deleted_at").isNull()).isFalse();
            assertThat(deleted.at("/data/original_content").asString()).isEmpty();
        }
    }

    @Test
    void onlyThoseWhoMayReadAChannelMaySubscribeToIt() {
        Team team = Team.create(http, this::register);
        String general = RealtimeChannels.workspaceChannel(team.workspaceId(), team.defaultChannelId());
        String secret = RealtimeChannels.workspaceChannel(team.workspaceId(), team.channel(
                Map.of("name", "secret-" + System.nanoTime(), "visibility", "private")));
        String socketId = "123.456";
        assertThat(auth(team.member(), socketId, general).status()).isEqualTo(200);
        assertThat(auth(team.member(), socketId, RealtimeChannels.presence(general)).status()).isEqualTo(200);
        assertThat(auth(team.admin(), socketId, secret).status()).isEqualTo(200);

        for (String refused : new String[] {secret, RealtimeChannels.presence(secret)}) {
            Http.Response r = auth(team.member(), socketId, refused);
            assertThat(r.status()).as(r.toString()).isEqualTo(403);
            assertThat(r.text("/message")).isEqualTo("This action is unauthorized.");
        }
        assertThat(auth(team.outsider(), socketId, general).status()).isEqualTo(403);
        // Another workspace's channel id under this workspace is no way in either.
        assertThat(auth(team.owner(), socketId, RealtimeChannels.workspaceChannel(team.otherWorkspaceId(),
                team.defaultChannelId())).status()).isEqualTo(403);
        assertThat(auth(team.owner(), socketId, "private-workspace.nope.channel.nope").status()).isEqualTo(403);
    }

    @Test
    void aRemovedMemberStopsReceivingAndTheOthersAreTold() {
        Team team = Team.create(http, this::register);
        String channel = RealtimeChannels.workspaceChannel(team.workspaceId(), team.defaultChannelId());
        try (PusherSocket removed = subscribe(team.member(), channel); PusherSocket staying = subscribe(team.admin(), channel)) {
            Http.Response r = http.delete(team.path("/members/" + team.memberMemberId())).token(team.owner().token()).send();
            assertThat(r.status()).as(r.toString()).isBetween(200, 204);

            JsonNode dropped = removed.await("pusher:subscription_error");
            assertThat(dropped.path("channel").asString()).isEqualTo(channel);
            assertThat(PusherSocket.data(dropped).path("status").asInt()).isEqualTo(403);
            JsonNode left = PusherSocket.data(staying.await("member.left"));
            assertThat(left.at("/data/user_id").asLong()).isEqualTo(team.member().id());
            assertThat(left.at("/data/workspace_id").asString()).isEqualTo(team.workspaceId());

            post(team.owner(), team.path("/channels/" + team.defaultChannelId() + "/messages"), "after the removal");
            staying.await("message.created");
            assertThat(removed.drain()).noneMatch(f -> f.path("event").asString().startsWith("message."));
        }
    }

    @Test
    void aChannelMadePrivateDropsThoseWhoAreNotItsMembers() {
        Team team = Team.create(http, this::register);
        String channelId = team.channel(Map.of("name", "open-" + System.nanoTime(), "visibility", "public"));
        String channel = RealtimeChannels.workspaceChannel(team.workspaceId(), channelId);
        try (PusherSocket member = subscribe(team.member(), channel); PusherSocket owner = subscribe(team.owner(), channel)) {
            Http.Response r = http.patch(team.path("/channels/" + channelId)).token(team.owner().token())
                    .json(Map.of("visibility", "private", "name", "closed-" + System.nanoTime())).send();
            assertThat(r.status()).as(r.toString()).isEqualTo(200);

            JsonNode updated = PusherSocket.data(owner.await("channel.updated"));
            assertThat(updated.at("/data/id").asString()).isEqualTo(channelId);
            assertThat(updated.at("/data/visibility").asString()).isEqualTo("private");
            assertThat(member.await("pusher:subscription_error").path("channel").asString()).isEqualTo(channel);
        }
    }

    @Test
    void aNewMemberIsAnnouncedInThePublicChannels() {
        Team team = Team.create(http, this::register);
        String channel = RealtimeChannels.workspaceChannel(team.workspaceId(), team.defaultChannelId());
        try (PusherSocket socket = subscribe(team.owner(), channel)) {
            Account joiner = register();
            Team.join(http, team.owner().token(), team.workspaceId(), joiner.token());
            JsonNode joined = PusherSocket.data(socket.await("member.joined"));
            assertThat(joined.at("/data/user_id").asLong()).isEqualTo(joiner.id());
            assertThat(joined.at("/data/channel_id").asString()).isEqualTo(team.defaultChannelId());
        }
    }

    @Test
    void directMessagesReachBothParticipantsAndNobodyElse() {
        Account alice = register();
        Account bob = register();
        Account eve = register();
        Http.Response opened = http.post("/api/v1/direct-conversations").token(alice.token())
                .json(Map.of("participant_user_id", bob.id())).send();
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String conversation = opened.text("/data/id");
        String channel = RealtimeChannels.direct(conversation);
        assertThat(auth(eve, "1.2", channel).status()).isEqualTo(403);
        try (PusherSocket socket = subscribe(bob, channel)) {
            String id = post(alice, "/api/v1/direct-conversations/" + conversation + "/messages", "hello bob");
            JsonNode created = PusherSocket.data(socket.await("message.created"));
            assertThat(created.at("/data/id").asString()).isEqualTo(id);
            assertThat(created.at("/data/conversation_id").asString()).isEqualTo(conversation);
        }
    }
}
