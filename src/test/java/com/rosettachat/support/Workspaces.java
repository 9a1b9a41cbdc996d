package com.rosettachat.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/** Builds workspaces and memberships through the public API, for tests of what lives inside them. */
public final class Workspaces {

    private Workspaces() {
    }

    /** A workspace and its default {@code general} channel. */
    public record Space(String id, String generalChannelId) {
    }

    public static Space create(Http http, ApiTest.Account owner) {
        Http.Response r = Team.createWorkspace(http, owner.token(), Map.of("name", "Team " + System.nanoTime()));
        return new Space(r.text("/data/id"), r.text("/data/default_channel_id"));
    }

    /** Adds {@code member} through an invite created by {@code owner}. */
    public static void join(Http http, ApiTest.Account owner, Space space, ApiTest.Account member) {
        Team.join(http, owner.token(), space.id(), member.token());
    }

    /** A channel created by {@code owner}: {@code public} or {@code private}. */
    public static String channel(Http http, ApiTest.Account owner, Space space, String visibility) {
        Http.Response r = http.post("/api/v1/workspaces/" + space.id() + "/channels").token(owner.token())
                .json(Map.of("name", "room-" + System.nanoTime(), "visibility", visibility)).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("/data/id");
    }
}
