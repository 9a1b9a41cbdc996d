package com.rosettachat.search;

import static com.rosettachat.support.Assertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import com.rosettachat.support.Team;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who finds what: members only, and only in channels they may read at the moment of the search —
 * a private channel's messages appear the moment someone is added and vanish the moment they
 * leave, with nothing cached in between.
 */
class SearchAccessTest extends ApiTest {

    private Searching search;
    private Team team;

    @BeforeEach
    void team() {
        search = new Searching(http);
        team = Team.create(http, this::register);
    }

    private String privateChannel() {
        return team.channel(Map.of("name", "board-" + System.nanoTime(), "visibility", "private"));
    }

    @Test
    void outsidersAndStrangersGetNotFound() {
        String id = search.post(team.owner(), team.workspaceId(), team.defaultChannelId(), "quarterly roadmap");
        search.awaitHit(team.member(), team.workspaceId(), id, "q", "roadmap");

        assertError(search.search(team.outsider(), team.workspaceId(), "q", "roadmap"), 404, "Not found.");
        assertError(search.search(team.owner(), team.otherWorkspaceId(), "q", "roadmap"), 404, "Not found.");
        assertError(search.search(team.owner(), "01ktvxyqmbcm7abv91483q1hfd", "q", "roadmap"), 404, "Not found.");
        assertError(search.search(team.owner(), "not-a-ulid", "q", "roadmap"), 404, "Not found.");
        assertError(http.get(Searching.path(team.workspaceId(), "q", "roadmap")).send(), 401, "Unauthenticated.");
        // Even an invalid query: outsiders learn nothing, not even that the query was wrong.
        assertError(search.search(team.outsider(), team.workspaceId(), "limit", "0"), 404, "Not found.");
    }

    @Test
    void privateChannelsShowOnlyToTheirMembersAndAdminsFromTheMomentOfJoiningToTheMomentOfLeaving() {
        String board = privateChannel();
        String secret = search.post(team.owner(), team.workspaceId(), board, "acquisition codename heron");
        String open = search.post(team.owner(), team.workspaceId(), team.defaultChannelId(), "heron sighting at lunch");
        search.await(team.owner(), team.workspaceId(), r -> Searching.ids(r).size() == 2, "q", "heron");

        // The admin is no member of the channel but sees every channel; the member sees the public one only.
        assertThat(Searching.ids(search.search(team.admin(), team.workspaceId(), "q", "heron")))
                .containsExactlyInAnyOrder(secret, open);
        assertThat(Searching.ids(search.search(team.member(), team.workspaceId(), "q", "heron"))).containsExactly(open);
        assertError(search.search(team.member(), team.workspaceId(), "q", "heron", "channel_id", board), 422,
                "The given data was invalid.");

        Http.Response added = http.post(team.path("/channels/" + board + "/members")).token(team.owner().token())
                .json(Map.of("user_id", team.member().id())).send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(Searching.ids(search.search(team.member(), team.workspaceId(), "q", "heron")))
                .containsExactlyInAnyOrder(secret, open);
        assertThat(Searching.ids(search.search(team.member(), team.workspaceId(), "q", "heron", "channel_id", board)))
                .containsExactly(secret);

        // Leaving the workspace ends every channel membership: no search at all, and after coming
        // back through a new invite only the public channel again.
        Http.Response left = http.delete(team.path("/members/" + team.memberMemberId())).token(team.member().token()).send();
        assertThat(left.status()).as(left.toString()).isEqualTo(204);
        assertError(search.search(team.member(), team.workspaceId(), "q", "heron"), 404, "Not found.");
        Team.join(http, team.owner().token(), team.workspaceId(), team.member().token());
        assertThat(Searching.ids(search.search(team.member(), team.workspaceId(), "q", "heron"))).containsExactly(open);
    }

    @Test
    void aChannelFilterNamesAChannelTheCallerMayRead() {
        String other = team.channel(Map.of("name", "ops-" + System.nanoTime()));
        String inGeneral = search.post(team.owner(), team.workspaceId(), team.defaultChannelId(), "falcon launch");
        String inOther = search.post(team.owner(), team.workspaceId(), other, "falcon landing");
        search.await(team.member(), team.workspaceId(), r -> Searching.ids(r).size() == 2, "q", "falcon");

        assertThat(Searching.ids(search.search(team.member(), team.workspaceId(), "q", "falcon", "channel_id", other)))
                .containsExactly(inOther);
        assertThat(Searching.ids(search.search(team.member(), team.workspaceId(), "q", "falcon",
                "channel_id", team.defaultChannelId().toUpperCase()))).containsExactly(inGeneral);
        String foreign = http.get("/api/v1/workspaces/" + team.otherWorkspaceId()).token(team.outsider().token()).send()
                .text("/data/default_channel_id");
        for (String channel : new String[] {foreign, privateChannel(), "01ktvxyqmbcm7abv91483q1hfd", "general"}) {
            Http.Response r = search.search(team.member(), team.workspaceId(), "q", "falcon", "channel_id", channel);
            com.rosettachat.support.Assertions.assertInvalid(r, "channel_id", "The selected channel id is invalid.");
        }
    }
}
