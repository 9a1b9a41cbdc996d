package com.rosettachat.workspace;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/** A member's role in a workspace; the API renders it lowercase. Exactly one member is the owner. */
public enum Role {
    OWNER, ADMIN, MEMBER;

    public static final List<String> VALUES = List.of("owner", "admin", "member");

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named by {@code value} (as stored and as clients send it). */
    public static Role of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Owners and admins manage channels, invites, webhooks and members. */
    public boolean canManage() {
        return this == OWNER || this == ADMIN;
    }
}
