package com.rosettachat.message;

import static com.rosettachat.support.Assertions.RESOURCE_TIMESTAMP;
import static com.rosettachat.support.Assertions.assertError;
import static com.rosettachat.support.Assertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import com.rosettachat.support.Messages;
import com.rosettachat.support.RecordedEvents;
import com.rosettachat.support.Workspaces;
import com.rosettachat.support.Workspaces.Space;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

class ChannelMessagesTest extends ApiTest {

    private String messages(Space space, String channelId) {
        return "/api/v1/workspaces/" + space.id() + "/channels/" + channelId + "/messages";
    }

    private Http.Response post(Account who, Space space, String channelId, Map<String, ?> body) {
        return http.post(messages(space, channelId)).token(who.token()).json(body).send();
    }

    private String postText(Account who, Space space, String text) {
        Http.Response r = post(who, space, space.generalChannelId(), Map.of("content", text));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("/data/id");
    }

    private List<String> ids(Http.Response page) {
        List<String> ids = new ArrayList<>();
        page.json().at("/data").forEach(m -> ids.add(m.at("/id").asString()));
        return ids;
    }

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void postedMessageHasTheContractShapeAndShowsInHistory() {
        Account owner = register();
        Space space = Workspaces.create(http, owner);
        Http.Response r;
        try (RecordedEvents events = new RecordedEvents(context)) {
            r = post(owner, space, space.generalChannelId(), Map.of("content", "  Hello team  ", "type", "markdown"));
            assertThat(events.of(MessagePosted.class)).containsExactly(new MessagePosted(r.text("/data/id"), space.id(),
                    space.generalChannelId(), null, null, "user", owner.id(), null, Set.of()));
        }

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode m = r.json().at("/data");
        assertThat(m.propertyNames()).containsExactlyInAnyOrder("id", "workspace_id", "channel_id", "conversation_id",
                "parent_message_id", "type", "sender", "original_content", "original_language", "display_content",
                "display_language", "display_source", "translation_status", "attachments", "reactions", "reply_count",
                "pinned_at", "pinned_by", "edited_at", "deleted_at", "created_at");
        assertThat(m.at("/id").asString()).matches("[0-9a-hjkmnp-tv-z]{26}");
        assertThat(m.at("/workspace_id").asString()).isEqualTo(space.id());
        assertThat(m.at("/channel_id").asString()).isEqualTo(space.generalChannelId());
        assertThat(m.at("/conversation_id").isNull()).isTrue();
        assertThat(m.at("/parent_message_id").isNull()).isTrue();
        assertThat(m.at("/type").asString()).isEqualTo("markdown");
        assertThat(m.at("/sender").propertyNames()).containsExactlyInAnyOrder("type", "id", "name", "avatar_url");
        assertThat(m.at("/sender/type").asString()).isEqualTo("user");
        assertThat(m.at("/sender/id").isIntegralNumber()).isTrue();
        assertThat(m.at("/sender/id").asLong()).isEqualTo(owner.id());
        assertThat(m.at("/sender/name").asString()).isEqualTo(owner.name());
        assertThat(m.at("/original_content").asString()).isEqualTo("Hello team");
        assertThat(m.at("/original_language").asString()).isEqualTo("en");
        assertThat(m.at("/display_content").asString()).isEqualTo("Hello team");
        assertThat(m.at("/display_language").asString()).isEqualTo("en");
        assertThat(m.at("/display_source").asString()).isEqualTo("original");
        // A provider is configured, so translation starts; everyone here reads English, so it ends as skipped.
        assertThat(m.at("/translation_status").asString()).isEqualTo("pending");
        assertThat(m.at("/attachments").isArray()).isTrue();
        assertThat(m.at("/attachments").size()).isZero();
        assertThat(m.at("/reply_count").asInt()).isZero();
        assertThat(m.at("/reactions").isArray()).isTrue();
        assertThat(m.at("/reactions").size()).isZero();
        assertThat(m.at("/pinned_at").isNull()).isTrue();
        assertThat(m.at("/pinned_by").isNull()).isTrue();
        assertThat(m.at("/edited_at").isNull()).isTrue();
        assertThat(m.at("/deleted_at").isNull()).isTrue();
        assertThat(m.at("/created_at").asString()).matches(RESOURCE_TIMESTAMP);

        JsonNode settled = Messages.await(http.get(messages(space, space.generalChannelId())).token(owner.token()),
                m.at("/id").asString(), Messages.status("skipped"));
        Http.Response history = http.get(messages(space, space.generalChannelId())).token(owner.token()).send();
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().propertyNames()).containsExactlyInAnyOrder("data", "meta");
        assertThat(history.json().at("/meta").propertyNames()).containsExactlyInAnyOrder("has_more", "next_before", "next_after");
        assertThat(ids(history)).contains(m.at("/id").asString());
        JsonNode listed = history.json().at("/data/" + (history.json().at("/data").size() - 1));
        assertThat(listed).isEqualTo(settled);
        assertThat(((tools.jackson.databind.node.ObjectNode) listed.deepCopy()).put("translation_status", "pending")).isEqualTo(m);
    }

    @Test
    void everyRuleOfThePostBodyIsChecked() {
        Account owner = register();
        Space space = Workspaces.create(http, owner);
        String general = space.generalChannelId();

        assertInvalid(post(owner, space, general, Map.of()), "content",
                "The content field is required when attachment ids is not present.");
        assertInvalid(post(owner, space, general, Map.of("content", "   ")), "content",
                "The content field is required when attachment ids is not present.");
        assertInvalid(post(owner, space, general, Map.of("content", "x".repeat(10_001))), "content",
                "The content field must not be greater than 10000 characters.");
        assertThat(post(owner, space, general, Map.of("content", "x".repeat(10_000))).status()).isEqualTo(201);
        assertInvalid(post(owner, space, general, Map.of("content", List.of("a"))), "content", "The content field must be a string.");
        assertInvalid(post(owner, space, general, Map.of("content", "hi", "type", "system")), "type", "The selected type is invalid.");
        assertInvalid(post(owner, space, general, Map.of("content", "hi", "skip_translation", "perhaps")),
                "skip_translation", "The skip translation field must be true or false.");
        assertInvalid(post(owner, space, general, Map.of("content", "hi", "attachment_ids", "nope")),
                "attachment_ids", "The attachment ids field must be an array.");
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add("01ktvxyqmbcm7abv91483q1hf" + (char) ('a' + i));
        }
        assertInvalid(post(owner, space, general, Map.of("attachment_ids", eleven)), "attachment_ids",
                "The attachment ids field must not have more than 10 items.");
        assertInvalid(post(owner, space, general, Map.of("attachment_ids", List.of("01ktvxyqmbcm7abv91483q1hfd"))),
                "attachment_ids.0", "The selected attachment ids.0 is invalid.");
        assertInvalid(post(owner, space, general, Map.of("content", "hi", "parent_message_id", "not-an-id")),
                "parent_message_id", "The selected parent message id is invalid.");
        assertInvalid(post(owner, space, general, Map.of("content", "hi", "parent_message_id", "01ktvxyqmbcm7abv91483q1hfd")),
                "parent_message_id", "The selected parent message id is invalid.");
    }

    @Test
    void threadsHangOffTopLevelMessagesOfTheSameChannel() {
        Account owner = register();
        Space space = Workspaces.create(http, owner);
        String general = space.generalChannelId();
        String parent = postText(owner, space, "Where is the report?");
        Http.Response reply = post(owner, space, general, Map.of("content", "Here", "parent_message_id", parent));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.text("/data/parent_message_id")).isEqualTo(parent);
        assertThat(post(owner, space, general, Map.of("content", "And here", "parent_message_id", parent.toUpperCase())).status())
                .isEqualTo(201);

        // A reply cannot be a parent, and a parent from another channel is refused.
        assertInvalid(post(owner, space, general, Map.of("content", "x", "parent_message_id", reply.text("/data/id"))),
                "parent_message_id", "The selected parent message id is invalid.");
        String other = Workspaces.channel(http, owner, space, "public");
        assertInvalid(post(owner, space, other, Map.of("content", "x", "parent_message_id", parent)),
                "parent_message_id", "The selected parent message id is invalid.");

        Http.Response top = http.get(messages(space, general)).token(owner.token()).send();
        assertThat(ids(top)).contains(parent).doesNotContain(reply.text("/data/id"));
        JsonNode listedParent = null;
        for (JsonNode m : top.json().at("/data")) {
            if (m.at("/id").asString().equals(parent)) {
                listedParent = m;
            }
        }
        assertThat(listedParent.at("/reply_count").asInt()).isEqualTo(2);

        Http.Response thread = http.get(messages(space, general) + "?parent_message_id=" + parent).token(owner.token()).send();
        assertThat(thread.status()).isEqualTo(200);
        assertThat(thread.json().at("/data").size()).isEqualTo(2);
        assertThat(thread.text("/data/0/id")).isEqualTo(reply.text("/data/id"));
        assertInvalid(http.get(messages(space, other) + "?parent_message_id=" + parent).token(owner.token()).send(),
                "parent_message_id", "The selected parent message id is invalid.");
    }

    @Test
    void historyPagesWalkBothWaysAndHandleTheEdges() {
        Account owner = register();
        Space space = Workspaces.create(http, owner);
        String empty = Workspaces.channel(http, owner, space, "public");
        Http.Response none = http.get(messages(space, empty)).token(owner.token()).send();
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.json().at("/data").size()).isZero();
        assertThat(none.json().at("/meta/has_more").asBoolean()).isFalse();
        assertThat(none.json().at("/meta/next_before").isNull()).isTrue();
        assertThat(none.json().at("/meta/next_after").isNull()).isTrue();

        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Http.Response r = post(owner, space, empty, Map.of("content", "message " + i));
            posted.add(r.text("/data/id"));
        }
        String base = messages(space, empty);
        Http.Response exact = http.get(base + "?limit=7").token(owner.token()).send();
        assertThat(ids(exact)).isEqualTo(posted);
        assertThat(exact.json().at("/meta/has_more").asBoolean()).isFalse();

        Http.Response newest = http.get(base + "?limit=3").token(owner.token()).send();
        assertThat(ids(newest)).isEqualTo(posted.subList(4, 7));
        assertThat(newest.json().at("/meta/has_more").asBoolean()).isTrue();
        assertThat(newest.text("/meta/next_before")).isEqualTo(posted.get(4));
        assertThat(newest.text("/meta/next_after")).isEqualTo(posted.get(6));

        Http.Response older = http.get(base + "?limit=3&before=" + newest.text("/meta/next_before")).token(owner.token()).send();
        assertThat(ids(older)).isEqualTo(posted.subList(1, 4));
        assertThat(older.json().at("/meta/has_more").asBoolean()).isTrue();
        Http.Response oldest = http.get(base + "?limit=3&before=" + older.text("/meta/next_before")).token(owner.token()).send();
        assertThat(ids(oldest)).isEqualTo(posted.subList(0, 1));
        assertThat(oldest.json().at("/meta/has_more").asBoolean()).isFalse();
        Http.Response beforeFirst = http.get(base + "?before=" + posted.get(0)).token(owner.token()).send();
        assertThat(ids(beforeFirst)).isEmpty();
        assertThat(beforeFirst.json().at("/meta/has_more").asBoolean()).isFalse();

        Http.Response newer = http.get(base + "?limit=4&after=" + posted.get(1)).token(owner.token()).send();
        assertThat(ids(newer)).isEqualTo(posted.subList(2, 6));
        assertThat(newer.json().at("/meta/has_more").asBoolean()).isTrue();
        Http.Response between = http.get(base + "?after=" + posted.get(1) + "&before=" + posted.get(4)).token(owner.token()).send();
        assertThat(ids(between)).isEqualTo(posted.subList(2, 4));

        assertInvalid(http.get(base + "?limit=0").token(owner.token()).send(), "limit", "The limit field must be at least 1.");
        assertInvalid(http.get(base + "?limit=101").token(owner.token()).send(), "limit", "The limit field must not be greater than 100.");
        assertInvalid(http.get(base + "?limit=ten").token(owner.token()).send(), "limit", "The limit field must be an integer.");
        assertInvalid(http.get(base + "?before=yesterday").token(owner.token()).send(), "before", "The before field must be a valid ULID.");
        assertInvalid(http.get(base + "?after=1").token(owner.token()).send(), "after", "The after field must be a valid ULID.");
    }

    @Test
    void pagesStayStableWhileOthersPost() throws Exception {
        Account owner = register();
        Space space = Workspaces.create(http, owner);
        String channel = Workspaces.channel(http, owner, space, "public");
        for (int i = 0; i < 20; i++) {
            post(owner, space, channel, Map.of("content", "early " + i));
        }
        Http.Response first = http.get(messages(space, channel) + "?limit=5").token(owner.token()).send();
        List<String> seen = new ArrayList<>(ids(first));
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 20; i++) {
                post(owner, space, channel, Map.of("content", "late " + i));
            }
        });
        writer.start();
        String cursor = first.text("/meta/next_before");
        Http.Response page;
        do {
            page = http.get(messages(space, channel) + "?limit=5&before=" + cursor).token(owner.token()).send();
            seen.addAll(0, ids(page));
            cursor = page.text("/meta/next_before");
        } while (page.json().at("/meta/has_more").asBoolean());
        writer.join();
        assertThat(seen).hasSize(20).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void outsidersGetNotFoundAndAnonymousCallersUnauthenticated() {
        Account owner = register();
        Account member = register();
        Account stranger = register();
        Space space = Workspaces.create(http, owner);
        Workspaces.join(http, owner, space, member);
        Workspaces.create(http, stranger);
        String privateChannel = Workspaces.channel(http, owner, space, "private");
        String general = space.generalChannelId();

        assertThat(post(member, space, general, Map.of("content", "hi from a member")).status()).isEqualTo(201);
        assertThat(http.get(messages(space, general)).token(member.token()).send().status()).isEqualTo(200);
        assertError(post(stranger, space, general, Map.of("content", "hi")), 404, "Not found.");
        assertError(http.get(messages(space, general)).token(stranger.token()).send(), 404, "Not found.");
        assertError(post(member, space, privateChannel, Map.of("content", "hi")), 404, "Not found.");
        assertError(http.get(messages(space, privateChannel)).token(member.token()).send(), 404, "Not found.");
        // A channel of another workspace under this one's id is as unknown as a missing one.
        Space strangers = Workspaces.create(http, stranger);
        assertError(http.get(messages(space, strangers.generalChannelId())).token(owner.token()).send(), 404, "Not found.");
        assertError(http.get(messages(space, "not-an-id")).token(owner.token()).send(), 404, "Not found.");
        // An outsider's bad body is still a 404, not a validation answer that would confirm the channel.
        assertError(post(stranger, space, general, Map.of("content", List.of())), 404, "Not found.");
        assertError(http.get(messages(space, general)).send(), 401, "Unauthenticated.");
        assertError(http.post(messages(space, general)).json(Map.of("content", "x")).send(), 401, "Unauthenticated.");
    }

    /** The first system message of the channel, waited for: the server writes it after the change commits. */
    private JsonNode systemMessage(Account reader, Space space, String channelId) throws InterruptedException {
        for (int attempt = 0; attempt < 200; attempt++) {
            for (JsonNode m : http.get(messages(space, channelId)).token(reader.token()).send().json().at("/data")) {
                if ("system".equals(m.at("/type").asString())) {
                    return m;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no system message in " + channelId);
    }

    @Test
    void theServerAnnouncesNewMembersAndRenamedChannels() throws Exception {
        Account owner = register();
        Account member = register();
        Space space = Workspaces.create(http, owner);
        Workspaces.join(http, owner, space, member);
        JsonNode announcement = systemMessage(member, space, space.generalChannelId());
        assertThat(announcement.at("/sender/type").asString()).isEqualTo("system");
        assertThat(announcement.at("/sender/name").asString()).isEqualTo("RosettaChat");
        assertThat(announcement.at("/original_content").asString()).isEqualTo(member.name() + " joined the workspace.");

        String channel = Workspaces.channel(http, owner, space, "public");
        String oldName = http.get("/api/v1/workspaces/" + space.id() + "/channels/" + channel).token(owner.token()).send()
                .text("/data/name");
        http.patch("/api/v1/workspaces/" + space.id() + "/channels/" + channel).token(owner.token())
                .json(Map.of("name", "renamed")).send();
        assertThat(systemMessage(owner, space, channel).at("/original_content").asString())
                .isEqualTo("The channel was renamed from " + oldName + " to renamed.");
        assertInvalid(post(owner, space, space.generalChannelId(), Map.of("content", "fake", "type", "system")),
                "type", "The selected type is invalid.");
    }

    @Test
    void skipTranslationIsKeptAndTheMessageStaysReadable() {
        Account owner = register();
        Space space = Workspaces.create(http, owner);
        Map<String, Object> body = new HashMap<>();
        body.put("content", "Ship it");
        body.put("skip_translation", true);
        Http.Response r = post(owner, space, space.generalChannelId(), body);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.text("/data/translation_status")).isEqualTo("skipped");
        assertThat(r.text("/data/display_content")).isEqualTo("Ship it");
    }
}
