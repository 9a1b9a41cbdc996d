package com.rosettachat.device;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.Http;
import com.rosettachat.support.Messages;
import com.rosettachat.support.TestExpo;
import com.rosettachat.support.TestTranslationServer;
import com.rosettachat.support.Workspaces;
import com.rosettachat.support.Workspaces.Space;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Which messages push whom: direct messages, replies to your message and mentions; never the sender. */
class MessagePushTest extends PushTest {

    private String phone(Account account) {
        String token = ExpoPushTest.expoToken("msg");
        registerDevice(account, "ios", "expo", token);
        return token;
    }

    /** The pushes that reached {@code token}, waited for: delivery runs after the post commits. */
    private List<JsonNode> pushesTo(String token, int expected) throws InterruptedException {
        List<JsonNode> found = new ArrayList<>();
        for (int attempt = 0; attempt < 200; attempt++) {
            found.clear();
            TestExpo.server().findAll(postRequestedFor(urlPathEqualTo(TestExpo.SEND_PATH)).withRequestBody(containing(token)))
                    .forEach(r -> Http.JSON.readTree(r.getBodyAsString()).forEach(m -> {
                        if (token.equals(m.path("to").asString())) {
                            found.add(m);
                        }
                    }));
            if (found.size() >= expected) {
                break;
            }
            Thread.sleep(50);
        }
        return found;
    }

    private Http.Response post(String path, Account who, Map<String, ?> body) {
        Http.Response r = http.post(path).token(who.token()).json(body).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r;
    }

    @Test
    void aDirectMessagePushesTheOtherParticipantOnly() throws Exception {
        Account ann = register();
        Account bob = register();
        String annPhone = phone(ann);
        String bobPhone = phone(bob);
        String conversation = http.post("/api/v1/direct-conversations").token(ann.token())
                .json(Map.of("participant_user_id", bob.id())).send().text("/data/id");
        Http.Response sent = post("/api/v1/direct-conversations/" + conversation + "/messages", ann, Map.of("content", "Lunch?"));

        List<JsonNode> pushes = pushesTo(bobPhone, 1);
        assertThat(pushes).hasSize(1);
        assertThat(pushes.get(0).path("title").asString()).isEqualTo(ann.name());
        assertThat(pushes.get(0).path("body").asString()).isEqualTo("Lunch?");
        assertThat(pushes.get(0).path("data").path("message_id").asString()).isEqualTo(sent.text("/data/id"));
        assertThat(pushes.get(0).path("data").path("conversation_id").asString()).isEqualTo(conversation);
        assertThat(pushesTo(annPhone, 0)).isEmpty();
    }

    @Test
    void repliesPushTheThreadAuthorAndMentionsPushReadersOnly() throws Exception {
        Account owner = register();
        Account member = register();
        Account outsider = register();
        Space space = Workspaces.create(http, owner);
        Workspaces.join(http, owner, space, member);
        String ownerPhone = phone(owner);
        String memberPhone = phone(member);
        String outsiderPhone = phone(outsider);
        String channelMessages = "/api/v1/workspaces/" + space.id() + "/channels/" + space.generalChannelId() + "/messages";

        String question = post(channelMessages, owner, Map.of("content", "Who has the slides?")).text("/data/id");
        assertThat(pushesTo(memberPhone, 0)).isEmpty();
        post(channelMessages, member, Map.of("content", "I do", "parent_message_id", question));
        List<JsonNode> toOwner = pushesTo(ownerPhone, 1);
        assertThat(toOwner).hasSize(1);
        assertThat(toOwner.get(0).path("body").asString()).isEqualTo("I do");
        assertThat(toOwner.get(0).path("title").asString()).startsWith(member.name() + " in #");

        post(channelMessages, owner, Map.of("content", "Thanks <@" + member.id() + ">, and <@" + outsider.id() + ">"));
        List<JsonNode> toMember = pushesTo(memberPhone, 1);
        assertThat(toMember).hasSize(1);
        assertThat(toMember.get(0).path("body").asString()).contains("Thanks <@" + member.id() + ">");
        // The outsider cannot read the channel, so a mention tells them nothing; the sender is never pushed.
        assertThat(pushesTo(outsiderPhone, 0)).isEmpty();
        assertThat(pushesTo(ownerPhone, 1)).hasSize(1);
    }

    @Test
    void anEditIsTranslatedAgainButPushesNobodyAgain() throws Exception {
        Account ann = register();
        Account bob = register();
        http.patch("/api/v1/me").token(bob.token()).json(Map.of("preferred_language", "ja")).send();
        String bobPhone = phone(bob);
        String conversation = http.post("/api/v1/direct-conversations").token(ann.token())
                .json(Map.of("participant_user_id", bob.id())).send().text("/data/id");
        String messages = "/api/v1/direct-conversations/" + conversation + "/messages";
        String text = "Are you coming to the offsite " + System.nanoTime();
        String id = post(messages, ann, Map.of("content", text)).text("/data/id");
        List<JsonNode> first = pushesTo(bobPhone, 1);
        assertThat(first).hasSize(1);
        assertThat(first.get(0).path("body").asString()).isEqualTo(TestTranslationServer.translated("ja", text));

        String fixed = "Are you coming to the team offsite " + System.nanoTime();
        Http.Response edited = http.patch(messages + "/" + id).token(ann.token()).json(Map.of("content", fixed)).send();
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        Messages.await(http.get(messages).token(bob.token()), id,
                m -> TestTranslationServer.translated("ja", fixed).equals(m.at("/display_content").asString()));
        // Waits out the time a second push would take to arrive.
        assertThat(pushesTo(bobPhone, 2)).hasSize(1);
    }
}
