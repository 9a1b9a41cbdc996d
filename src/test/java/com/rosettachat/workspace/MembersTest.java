package com.rosettachat.workspace;

import static com.rosettachat.support.Assertions.RESOURCE_TIMESTAMP;
import static com.rosettachat.support.Assertions.assertError;
import static com.rosettachat.support.Assertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import com.rosettachat.support.RecordedEvents;
import com.rosettachat.support.Team;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

class MembersTest extends ApiTest {

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void membersArePagedWithTheMemberShape() {
        Team team = Team.create(http, this::register);
        Http.Response r = http.get(team.path("/members?per_page=2")).token(team.member().token()).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().propertyNames()).containsExactlyInAnyOrder("data", "links", "meta");
        assertThat(r.json().at("/links").propertyNames()).containsExactlyInAnyOrder("first", "last", "prev", "next");
        assertThat(r.json().at("/meta").propertyNames()).containsExactlyInAnyOrder("current_page", "from", "last_page",
                "path", "per_page", "to", "total");
        assertThat(r.json().at("/meta/total").asLong()).isEqualTo(3);
        assertThat(r.json().at("/meta/last_page").asInt()).isEqualTo(2);
        assertThat(r.text("/links/next")).endsWith("page=2");
        assertThat(r.json().at("/data")).hasSize(2);
        var owner = r.json().at("/data/0");
        assertThat(owner.propertyNames()).containsExactlyInAnyOrder("id", "user", "role", "preferred_language",
                "effective_language", "joined_at");
        assertThat(owner.at("/user").propertyNames()).containsExactlyInAnyOrder("id", "name", "email", "avatar_url");
        assertThat(owner.at("/id").asString()).isEqualTo(team.ownerMemberId());
        assertThat(owner.at("/user/id").asLong()).isEqualTo(team.owner().id());
        assertThat(owner.at("/user/email").asString()).isEqualTo(team.owner().email());
        assertThat(owner.at("/role").asString()).isEqualTo("owner");
        assertThat(owner.at("/preferred_language").isNull()).isTrue();
        assertThat(owner.at("/effective_language").asString()).isEqualTo("en");
        assertThat(owner.at("/joined_at").asString()).matches(RESOURCE_TIMESTAMP);
        assertThat(r.text("/data/1/role")).isEqualTo("admin");

        Http.Response second = http.get(team.path("/members?per_page=2&page=2")).token(team.member().token()).send();
        assertThat(second.json().at("/data")).hasSize(1);
        assertThat(second.text("/data/0/id")).isEqualTo(team.memberMemberId());
        assertInvalid(http.get(team.path("/members?per_page=0")).token(team.member().token()).send(),
                "per_page", "The per page field must be at least 1.");
        assertInvalid(http.get(team.path("/members?per_page=101")).token(team.member().token()).send(),
                "per_page", "The per page field must not be greater than 100.");
    }

    @Test
    void onlyTheOwnerGrantsAndRemovesAdmin() {
        Team team = Team.create(http, this::register);
        String member = team.path("/members/" + team.memberMemberId());
        assertError(patch(team.admin(), member, Map.of("role", "admin")), 403, "This action is unauthorized.");
        assertError(patch(team.member(), member, Map.of("role", "admin")), 403, "This action is unauthorized.");
        assertError(patch(team.admin(), team.path("/members/" + team.ownerMemberId()), Map.of("role", "member")),
                403, "This action is unauthorized.");
        Http.Response granted = patch(team.owner(), member, Map.of("role", "admin"));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        assertThat(granted.json().at("/data").propertyNames()).containsExactlyInAnyOrder("id", "user", "role",
                "preferred_language", "effective_language", "joined_at");
        assertThat(granted.text("/data/role")).isEqualTo("admin");
        // Admins do not demote each other; the owner does.
        assertError(patch(team.admin(), member, Map.of("role", "member")), 403, "This action is unauthorized.");
        Http.Response demoted = http.put(member).token(team.owner().token()).json(Map.of("role", "member")).send();
        assertThat(demoted.text("/data/role")).isEqualTo("member");
        // Sending one's current role back (a PUT of the whole object) is not a change.
        assertThat(patch(team.member(), member, Map.of("role", "member", "preferred_language", "th")).status()).isEqualTo(200);
        assertInvalid(patch(team.owner(), member, Map.of("role", "boss")), "role", "The selected role is invalid.");
        Http.Response ownerDemotion = patch(team.owner(), team.path("/members/" + team.ownerMemberId()), Map.of("role", "admin"));
        assertError(ownerDemotion, 422, "The owner must transfer ownership to another member before changing their own role.");
    }

    @Test
    void settingAnotherMembersRoleToOwnerTransfersOwnership() {
        Team team = Team.create(http, this::register);
        try (RecordedEvents events = new RecordedEvents(context)) {
            Http.Response r = patch(team.owner(), team.path("/members/" + team.memberMemberId()), Map.of("role", "owner"));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.text("/data/role")).isEqualTo("owner");
            assertThat(events.of(MemberRoleChanged.class)).containsExactlyInAnyOrder(
                    new MemberRoleChanged(team.workspaceId(), team.ownerMemberId(), team.owner().id(), Role.OWNER, Role.ADMIN),
                    new MemberRoleChanged(team.workspaceId(), team.memberMemberId(), team.member().id(), Role.MEMBER, Role.OWNER));
        }
        Http.Response workspace = http.get(team.path("")).token(team.owner().token()).send();
        assertThat(workspace.text("/data/my_role")).isEqualTo("admin");
        assertThat(workspace.json().at("/data/owner_id").asLong()).isEqualTo(team.member().id());
        assertThat(http.get(team.path("")).token(team.member().token()).send().text("/data/my_role")).isEqualTo("owner");
        // The old owner may leave now; the new one may not.
        assertThat(http.delete(team.path("/members/" + team.ownerMemberId())).token(team.owner().token()).send().status())
                .isEqualTo(204);
        assertError(http.delete(team.path("/members/" + team.memberMemberId())).token(team.member().token()).send(), 422,
                "The owner must transfer ownership before leaving the workspace.");
    }

    @Test
    void membersSetTheirOwnLanguageOverride() {
        Team team = Team.create(http, this::register);
        String self = team.path("/members/" + team.memberMemberId());
        try (RecordedEvents events = new RecordedEvents(context)) {
            Http.Response set = patch(team.member(), self, Map.of("preferred_language", "zh-CN"));
            assertThat(set.status()).as(set.toString()).isEqualTo(200);
            assertThat(set.text("/data/role")).isEqualTo("member");
            assertThat(set.text("/data/preferred_language")).isEqualTo("zh-CN");
            assertThat(set.text("/data/effective_language")).isEqualTo("zh-CN");
            Map<String, Object> clear = new HashMap<>();
            clear.put("preferred_language", null);
            Http.Response cleared = patch(team.member(), self, clear);
            assertThat(cleared.json().at("/data/preferred_language").isNull()).isTrue();
            assertThat(cleared.text("/data/effective_language")).isEqualTo("en");
            assertThat(events.of(MemberLanguageChanged.class)).containsExactly(
                    new MemberLanguageChanged(team.workspaceId(), team.member().id(), "zh-CN"),
                    new MemberLanguageChanged(team.workspaceId(), team.member().id(), "en"));
        }
        // Nobody sets someone else's language, not even the owner.
        assertError(patch(team.owner(), self, Map.of("preferred_language", "ja")), 403, "This action is unauthorized.");
        assertError(patch(team.member(), team.path("/members/" + team.adminMemberId()), Map.of("preferred_language", "ja")),
                403, "This action is unauthorized.");
        assertInvalid(patch(team.member(), self, Map.of("preferred_language", "fr")), "preferred_language",
                "The selected preferred language is invalid.");
        assertInvalid(patch(team.member(), self, Map.of()), "role", "The role field is required.");
        assertInvalid(patch(team.member(), self, Map.of("role", 5)), "role", "The role field must be a string.");
        assertThat(http.get(team.path("/members")).token(team.member().token()).send().text("/data/2/effective_language"))
                .isEqualTo("en");
    }

    @Test
    void removingAMemberEndsTheirAccessOnTheirNextRequest() {
        Team team = Team.create(http, this::register);
        assertThat(http.get(team.path("/channels")).token(team.member().token()).send().status()).isEqualTo(200);
        assertError(http.delete(team.path("/members/" + team.adminMemberId())).token(team.member().token()).send(),
                403, "This action is unauthorized.");
        assertError(http.delete(team.path("/members/" + team.ownerMemberId())).token(team.admin().token()).send(),
                403, "This action is unauthorized.");
        try (RecordedEvents events = new RecordedEvents(context)) {
            assertThat(http.delete(team.path("/members/" + team.memberMemberId())).token(team.admin().token()).send().status())
                    .isEqualTo(204);
            assertThat(events.of(MemberLeft.class)).containsExactly(
                    new MemberLeft(team.workspaceId(), team.memberMemberId(), team.member().id()));
        }
        assertError(http.get(team.path("/channels")).token(team.member().token()).send(), 404, "Not found.");
        assertError(http.get(team.path("")).token(team.member().token()).send(), 404, "Not found.");
        assertError(http.get(team.path("/channels/" + team.defaultChannelId())).token(team.member().token()).send(), 404, "Not found.");
        assertThat(http.get("/api/v1/workspaces").token(team.member().token()).send().json().at("/data")).isEmpty();
        assertError(http.delete(team.path("/members/" + team.memberMemberId())).token(team.admin().token()).send(), 404, "Not found.");
        assertThat(http.get(team.path("")).token(team.owner().token()).send().json().at("/data/member_count").asLong()).isEqualTo(2);
    }

    @Test
    void adminsAreRemovedByTheOwnerOnlyAndAnyoneButTheOwnerMayLeave() {
        Team team = Team.create(http, this::register);
        Account second = register();
        String secondMember = Team.join(http, team.owner().token(), team.workspaceId(), second.token());
        patch(team.owner(), team.path("/members/" + secondMember), Map.of("role", "admin"));
        assertError(http.delete(team.path("/members/" + secondMember)).token(team.admin().token()).send(),
                403, "This action is unauthorized.");
        assertThat(http.delete(team.path("/members/" + secondMember)).token(team.owner().token()).send().status()).isEqualTo(204);
        assertThat(http.delete(team.path("/members/" + team.adminMemberId())).token(team.admin().token()).send().status())
                .isEqualTo(204);
        assertThat(http.delete(team.path("/members/" + team.memberMemberId())).token(team.member().token()).send().status())
                .isEqualTo(204);
        assertError(http.delete(team.path("/members/" + team.ownerMemberId())).token(team.owner().token()).send(), 422,
                "The owner must transfer ownership before leaving the workspace.");
        assertError(http.delete(team.path("/members/not-a-member")).token(team.owner().token()).send(), 404, "Not found.");
        String foreignMember = Team.memberIdOf(http, team.outsider().token(), team.otherWorkspaceId(), team.outsider().id());
        assertError(http.delete(team.path("/members/" + foreignMember)).token(team.owner().token()).send(), 404, "Not found.");
        assertError(patch(team.owner(), team.path("/members/" + foreignMember), Map.of("role", "member")), 404, "Not found.");
    }

    private Http.Response patch(Account caller, String path, Map<String, ?> body) {
        return http.patch(path).token(caller.token()).json(body).send();
    }
}
