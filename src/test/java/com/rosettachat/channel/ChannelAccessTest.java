package com.rosettachat.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rosettachat.shared.error.ApiException;
import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Team;
import com.rosettachat.workspace.Membership;
import com.rosettachat.workspace.Reader;
import com.rosettachat.workspace.Role;
import com.rosettachat.workspace.WorkspaceAccess;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The authorization API later modules (messages, realtime, translation) call, on data made through HTTP. */
class ChannelAccessTest extends ApiTest {

    @Autowired
    WorkspaceAccess workspaces;

    @Autowired
    ChannelAccess channels;

    @Test
    void membershipsCarryTheRoleAndTheLanguageReadIn() {
        Team team = Team.create(http, this::register);
        http.patch(team.path("/members/" + team.memberMemberId())).token(team.member().token())
                .json(Map.of("preferred_language", "th")).send();
        Membership member = workspaces.requireMember(team.member().id(), team.workspaceId());
        assertThat(member).isEqualTo(new Membership(team.workspaceId(), team.memberMemberId(), team.member().id(),
                Role.MEMBER, "th", "th", "standard"));
        assertThat(member.canManage()).isFalse();
        assertThat(workspaces.requireManager(team.admin().id(), team.workspaceId()).role()).isEqualTo(Role.ADMIN);
        assertThat(workspaces.requireManager(team.owner().id(), team.workspaceId()).canManage()).isTrue();
        assertStatus(() -> workspaces.requireManager(team.member().id(), team.workspaceId()), 403);
        assertStatus(() -> workspaces.requireMember(team.outsider().id(), team.workspaceId()), 404);
        assertStatus(() -> workspaces.requireMember(team.owner().id(), "not a ulid"), 404);
        assertThat(workspaces.membership(team.owner().id(), null)).isEmpty();
        assertThat(workspaces.readers(team.workspaceId())).containsExactlyInAnyOrder(
                new Reader(team.owner().id(), "en"), new Reader(team.admin().id(), "en"), new Reader(team.member().id(), "th"));
    }

    @Test
    void publicChannelsAreReadByTheWorkspaceAndPrivateOnesByTheirMembers() {
        Team team = Team.create(http, this::register);
        String secret = team.channel(Map.of("name", "Secret", "visibility", "private"));
        String general = team.defaultChannelId();
        assertThat(channels.find(team.workspaceId(), general)).contains(
                new ChannelRef(general, team.workspaceId(), "general", "general", "public", true));
        assertThat(channels.find(team.otherWorkspaceId(), general)).isEmpty();
        assertThat(channels.readers(team.workspaceId(), general)).extracting(Reader::userId)
                .containsExactlyInAnyOrder(team.owner().id(), team.admin().id(), team.member().id());
        assertThat(channels.readers(team.workspaceId(), secret)).containsExactly(new Reader(team.owner().id(), "en"));
        assertThat(channels.readers(team.otherWorkspaceId(), secret)).isEmpty();

        assertThat(channels.canRead(team.member().id(), team.workspaceId(), general)).isTrue();
        assertThat(channels.canRead(team.member().id(), team.workspaceId(), secret)).isFalse();
        assertThat(channels.canRead(team.admin().id(), team.workspaceId(), secret)).isTrue();
        assertThat(channels.canRead(team.outsider().id(), team.workspaceId(), general)).isFalse();
        assertThat(channels.requirePostable(team.member().id(), team.workspaceId(), general).id()).isEqualTo(general);
        assertThat(channels.requirePostable(team.owner().id(), team.workspaceId(), secret).id()).isEqualTo(secret);
        // An admin sees the private channel but posts there only once a member of it.
        assertStatus(() -> channels.requirePostable(team.admin().id(), team.workspaceId(), secret), 403);
        assertStatus(() -> channels.requirePostable(team.member().id(), team.workspaceId(), secret), 404);
        assertStatus(() -> channels.requireReadable(team.outsider().id(), team.workspaceId(), general), 404);
        assertStatus(() -> channels.requireReadable(team.owner().id(), team.otherWorkspaceId(), general), 404);

        http.post(team.path("/channels/" + secret + "/members")).token(team.owner().token())
                .json(Map.of("user_id", team.admin().id())).send();
        assertThat(channels.requirePostable(team.admin().id(), team.workspaceId(), secret).id()).isEqualTo(secret);
        assertThat(channels.readers(team.workspaceId(), secret)).extracting(Reader::userId)
                .containsExactlyInAnyOrder(team.owner().id(), team.admin().id());
    }

    /** Outside a request nothing is remembered, so a check after a removal sees the removal. */
    @Test
    void answersAreNeverKeptAcrossRequests() {
        Team team = Team.create(http, this::register);
        String secret = team.channel(Map.of("name", "Secret", "visibility", "private"));
        http.post(team.path("/channels/" + secret + "/members")).token(team.owner().token())
                .json(Map.of("user_id", team.member().id())).send();
        assertThat(channels.canRead(team.member().id(), team.workspaceId(), secret)).isTrue();
        http.delete(team.path("/members/" + team.memberMemberId())).token(team.owner().token()).send();
        assertThat(channels.canRead(team.member().id(), team.workspaceId(), secret)).isFalse();
        assertThat(workspaces.membership(team.member().id(), team.workspaceId())).isEmpty();
        assertThat(channels.readers(team.workspaceId(), secret)).extracting(Reader::userId).containsExactly(team.owner().id());

        // Rejoining the workspace does not bring back the old private channel membership.
        Team.join(http, team.owner().token(), team.workspaceId(), team.member().token());
        assertThat(channels.canRead(team.member().id(), team.workspaceId(), secret)).isFalse();
        http.delete(team.path("/channels/" + secret)).token(team.owner().token()).send();
        assertThat(channels.find(team.workspaceId(), secret)).isEmpty();
        assertThat(channels.canRead(team.owner().id(), team.workspaceId(), secret)).isFalse();
    }

    private static void assertStatus(Runnable call, int status) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(status));
    }
}
