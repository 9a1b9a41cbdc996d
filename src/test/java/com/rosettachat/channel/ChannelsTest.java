package com.rosettachat.channel;

import static com.rosettachat.support.Assertions.RESOURCE_TIMESTAMP;
import static com.rosettachat.support.Assertions.assertError;
import static com.rosettachat.support.Assertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import com.rosettachat.support.RecordedEvents;
import com.rosettachat.support.Team;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

class ChannelsTest extends ApiTest {

    static final String[] CHANNEL_FIELDS = {"id", "workspace_id", "name", "slug", "visibility", "has_password",
            "is_default", "created_by", "unread_count", "mention_count", "last_read_message_id", "created_at", "updated_at"};

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void managersCreateChannelsWithTheChannelShape() {
        Team team = Team.create(http, this::register);
        try (RecordedEvents events = new RecordedEvents(context)) {
            Http.Response r = http.post(team.path("/channels")).token(team.admin().token())
                    .json(Map.of("name", "Random Stuff")).send();
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            assertThat(r.json().at("/data").propertyNames()).containsExactlyInAnyOrder(CHANNEL_FIELDS);
            assertThat(r.text("/data/id")).matches("[0-9a-z]{26}");
            assertThat(r.text("/data/workspace_id")).isEqualTo(team.workspaceId());
            assertThat(r.text("/data/name")).isEqualTo("Random Stuff");
            assertThat(r.text("/data/slug")).isEqualTo("random-stuff");
            assertThat(r.text("/data/visibility")).isEqualTo("public");
            assertThat(r.json().at("/data/has_password").asBoolean()).isFalse();
            assertThat(r.json().at("/data/is_default").asBoolean()).isFalse();
            assertThat(r.json().at("/data/created_by").asLong()).isEqualTo(team.admin().id());
            assertThat(r.text("/data/created_at")).matches(RESOURCE_TIMESTAMP);
            assertThat(r.text("/data/updated_at")).matches(RESOURCE_TIMESTAMP);
            String id = r.text("/data/id");
            assertThat(events.of(ChannelCreated.class)).containsExactly(new ChannelCreated(team.workspaceId(), id));
            assertThat(events.of(ChannelMemberAdded.class)).containsExactly(
                    new ChannelMemberAdded(team.workspaceId(), id, team.admin().id()));
        }
        // A generated slug that is taken gets a suffix; a chosen one is refused.
        assertThat(http.post(team.path("/channels")).token(team.owner().token()).json(Map.of("name", "random stuff"))
                .send().text("/data/slug")).isEqualTo("random-stuff-2");
        assertInvalid(http.post(team.path("/channels")).token(team.owner().token())
                .json(Map.of("name", "x", "slug", "general")).send(), "slug", "The slug has already been taken.");
        // Slugs are unique per workspace only.
        Http.Response elsewhere = http.post("/api/v1/workspaces/" + team.otherWorkspaceId() + "/channels")
                .token(team.outsider().token()).json(Map.of("name", "Random", "slug", "random-stuff")).send();
        assertThat(elsewhere.status()).isEqualTo(201);
        assertError(http.post(team.path("/channels")).token(team.member().token()).json(Map.of("name", "x")).send(),
                403, "This action is unauthorized.");
    }

    @Test
    void channelInputIsValidatedWithLaravelsWording() {
        Team team = Team.create(http, this::register);
        assertInvalid(create(team, Map.of()), "name", "The name field is required.");
        assertInvalid(create(team, Map.of("name", "n".repeat(121))), "name", "The name field must not be greater than 120 characters.");
        assertInvalid(create(team, Map.of("name", "x", "slug", "a/b")), "slug",
                "The slug field must only contain letters, numbers, dashes, and underscores.");
        assertInvalid(create(team, Map.of("name", "x", "slug", "s".repeat(81))), "slug",
                "The slug field must not be greater than 80 characters.");
        assertInvalid(create(team, Map.of("name", "x", "visibility", "hidden")), "visibility", "The selected visibility is invalid.");
        assertInvalid(create(team, Map.of("name", "x", "password", "1234567")), "password",
                "The password field must be at least 8 characters.");
        assertInvalid(create(team, Map.of("name", "x", "password", "p".repeat(121))), "password",
                "The password field must not be greater than 120 characters.");
        String channel = team.path("/channels/" + team.channel(Map.of("name", "To change")));
        assertInvalid(update(team, channel, Map.of("name", "")), "name", "The name field is required.");
        assertInvalid(update(team, channel, Map.of("slug", "no spaces")), "slug",
                "The slug field must only contain letters, numbers, dashes, and underscores.");
        assertInvalid(update(team, channel, Map.of("visibility", "open")), "visibility", "The selected visibility is invalid.");
        assertInvalid(update(team, channel, Map.of("password", "short")), "password", "The password field must be at least 8 characters.");
        assertInvalid(update(team, channel, Map.of("slug", "general")), "slug", "The slug has already been taken.");
    }

    @Test
    void eachMemberListsWhatTheyMayRead() {
        Team team = Team.create(http, this::register);
        String secret = team.channel(Map.of("name", "Secret", "visibility", "private"));
        String open = team.channel(Map.of("name", "Announcements"));
        List<String> memberSees = ids(http.get(team.path("/channels")).token(team.member().token()).send());
        assertThat(memberSees).containsExactly(team.defaultChannelId(), open);
        assertThat(ids(http.get(team.path("/channels")).token(team.admin().token()).send()))
                .containsExactly(team.defaultChannelId(), open, secret);
        Http.Response shown = http.get(team.path("/channels/" + secret)).token(team.admin().token()).send();
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().at("/data").propertyNames()).containsExactlyInAnyOrder(CHANNEL_FIELDS);
        assertError(http.get(team.path("/channels/" + secret)).token(team.member().token()).send(), 404, "Not found.");

        // Added by an admin, the member sees it too.
        Http.Response added = http.post(team.path("/channels/" + secret + "/members")).token(team.admin().token())
                .json(Map.of("user_id", team.member().id())).send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().at("/data").propertyNames()).containsExactlyInAnyOrder("channel_id", "user_id", "joined_at");
        assertThat(added.text("/data/channel_id")).isEqualTo(secret);
        assertThat(added.json().at("/data/user_id").asLong()).isEqualTo(team.member().id());
        assertThat(http.post(team.path("/channels/" + secret + "/members")).token(team.admin().token())
                .json(Map.of("user_id", team.member().id())).send().status()).isEqualTo(200);
        assertThat(ids(http.get(team.path("/channels")).token(team.member().token()).send())).contains(secret);
        assertThat(http.get(team.path("/channels/" + secret)).token(team.member().token()).send().status()).isEqualTo(200);

        assertInvalid(http.post(team.path("/channels/" + secret + "/members")).token(team.admin().token())
                .json(Map.of("user_id", team.outsider().id())).send(), "user_id", "The selected user id is invalid.");
        assertInvalid(http.post(team.path("/channels/" + secret + "/members")).token(team.admin().token())
                .json(Map.of()).send(), "user_id", "The user id field is required.");
        assertInvalid(http.post(team.path("/channels/" + secret + "/members")).token(team.admin().token())
                .json(Map.of("user_id", "me")).send(), "user_id", "The user id field must be an integer.");
        assertError(http.post(team.path("/channels/" + secret + "/members")).token(team.member().token())
                .json(Map.of("user_id", team.member().id())).send(), 403, "This action is unauthorized.");
    }

    @Test
    void membersJoinChannelsGivingThePasswordWhenOneIsSet() {
        Team team = Team.create(http, this::register);
        String hidden = team.channel(Map.of("name", "Hidden", "visibility", "private"));
        String locked = team.channel(Map.of("name", "Locked", "visibility", "private", "password", "channel secret"));
        try (RecordedEvents events = new RecordedEvents(context)) {
            Http.Response joined = http.post(team.path("/channels/" + hidden + "/join")).token(team.member().token()).send();
            assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
            assertThat(joined.json().at("/data").propertyNames()).containsExactlyInAnyOrder(CHANNEL_FIELDS);
            assertThat(events.of(ChannelMemberAdded.class)).containsExactly(
                    new ChannelMemberAdded(team.workspaceId(), hidden, team.member().id()));
        }
        assertInvalid(http.post(team.path("/channels/" + locked + "/join")).token(team.member().token()).send(),
                "password", "The password field is required.");
        assertInvalid(http.post(team.path("/channels/" + locked + "/join")).token(team.member().token())
                .json(Map.of("password", "channel secre")).send(), "password", "The provided password is incorrect.");
        assertError(http.get(team.path("/channels/" + locked)).token(team.member().token()).send(), 404, "Not found.");
        assertThat(http.post(team.path("/channels/" + locked + "/join")).token(team.member().token())
                .json(Map.of("password", "channel secret")).send().status()).isEqualTo(200);
        assertThat(http.get(team.path("/channels/" + locked)).token(team.member().token()).send().status()).isEqualTo(200);
        // Joining again needs no password; public channels are open to every member.
        assertThat(http.post(team.path("/channels/" + locked + "/join")).token(team.member().token()).send().status()).isEqualTo(200);
        assertThat(http.post(team.path("/channels/" + team.defaultChannelId() + "/join")).token(team.member().token())
                .send().status()).isEqualTo(200);
        assertError(http.post(team.path("/channels/" + locked + "/join")).token(team.outsider().token()).send(), 404, "Not found.");
    }

    @Test
    void managersUpdateChannels() {
        Team team = Team.create(http, this::register);
        String id = team.channel(Map.of("name", "Old name"));
        String path = team.path("/channels/" + id);
        try (RecordedEvents events = new RecordedEvents(context)) {
            Http.Response r = http.patch(path).token(team.admin().token())
                    .json(Map.of("name", "New name", "slug", "new_slug", "visibility", "private", "password", "a new password"))
                    .send();
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().at("/data").propertyNames()).containsExactlyInAnyOrder(CHANNEL_FIELDS);
            assertThat(r.text("/data/name")).isEqualTo("New name");
            assertThat(r.text("/data/slug")).isEqualTo("new_slug");
            assertThat(r.text("/data/visibility")).isEqualTo("private");
            assertThat(r.json().at("/data/has_password").asBoolean()).isTrue();
            assertThat(events.of(ChannelUpdated.class)).containsExactly(new ChannelUpdated(team.workspaceId(), id, "Old name", "New name", "private"));
        }
        Http.Response put = http.put(path).token(team.owner().token()).json(Map.of("name", "Put name")).send();
        assertThat(put.text("/data/slug")).isEqualTo("new_slug");
        assertThat(put.json().at("/data/has_password").asBoolean()).isTrue();
        Map<String, Object> clear = new HashMap<>();
        clear.put("password", null);
        assertThat(http.patch(path).token(team.owner().token()).json(clear).send().json().at("/data/has_password").asBoolean())
                .isFalse();
        // The slug a channel already has is not "taken" by itself.
        assertThat(http.patch(path).token(team.owner().token()).json(Map.of("slug", "new_slug")).send().status()).isEqualTo(200);

        assertInvalid(http.patch(team.path("/channels/" + team.defaultChannelId())).token(team.owner().token())
                .json(Map.of("visibility", "private")).send(), "visibility", "The default channel must stay public.");
        assertThat(http.patch(team.path("/channels/" + team.defaultChannelId())).token(team.owner().token())
                .json(Map.of("name", "lobby")).send().text("/data/name")).isEqualTo("lobby");
        assertError(http.patch(path).token(team.member().token()).json(Map.of("name", "x")).send(), 403,
                "This action is unauthorized.");
    }

    @Test
    void deletingAChannelEndsAccessAtOnceButTheDefaultStays() {
        Team team = Team.create(http, this::register);
        String id = team.channel(Map.of("name", "Doomed"));
        String path = team.path("/channels/" + id);
        assertThat(http.get(path).token(team.member().token()).send().status()).isEqualTo(200);
        assertError(http.delete(path).token(team.member().token()).send(), 403, "This action is unauthorized.");
        try (RecordedEvents events = new RecordedEvents(context)) {
            assertThat(http.delete(path).token(team.admin().token()).send().status()).isEqualTo(204);
            assertThat(events.of(ChannelDeleted.class)).containsExactly(new ChannelDeleted(team.workspaceId(), id));
        }
        assertError(http.get(path).token(team.member().token()).send(), 404, "Not found.");
        assertError(http.post(path + "/join").token(team.member().token()).send(), 404, "Not found.");
        assertThat(ids(http.get(team.path("/channels")).token(team.member().token()).send())).doesNotContain(id);
        assertError(http.delete(path).token(team.admin().token()).send(), 404, "Not found.");
        assertError(http.delete(team.path("/channels/" + team.defaultChannelId())).token(team.owner().token()).send(), 422,
                "The default channel cannot be deleted.");
    }

    @Test
    void anotherWorkspacesChannelIsNotFound() {
        Team team = Team.create(http, this::register);
        String foreign = http.get("/api/v1/workspaces/" + team.otherWorkspaceId()).token(team.outsider().token()).send()
                .text("/data/default_channel_id");
        for (String path : new String[] {"/channels/" + foreign, "/channels/not-a-ulid"}) {
            assertError(http.get(team.path(path)).token(team.owner().token()).send(), 404, "Not found.");
            assertError(http.patch(team.path(path)).token(team.owner().token()).json(Map.of("name", "x")).send(), 404, "Not found.");
            assertError(http.delete(team.path(path)).token(team.owner().token()).send(), 404, "Not found.");
            assertError(http.post(team.path(path + "/join")).token(team.owner().token()).send(), 404, "Not found.");
            assertError(http.post(team.path(path + "/members")).token(team.owner().token())
                    .json(Map.of("user_id", team.member().id())).send(), 404, "Not found.");
        }
    }

    private static List<String> ids(Http.Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().at("/data").valueStream().map(c -> c.at("/id").asString()).toList();
    }

    private Http.Response create(Team team, Map<String, ?> body) {
        return http.post(team.path("/channels")).token(team.owner().token()).json(body).send();
    }

    private Http.Response update(Team team, String path, Map<String, ?> body) {
        return http.patch(path).token(team.owner().token()).json(body).send();
    }
}
