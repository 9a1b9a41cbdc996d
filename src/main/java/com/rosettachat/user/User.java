package com.rosettachat.user;

import java.time.Instant;

/** A user account as other modules see it; the password hash never leaves the user module's store. */
public record User(
        long id,
        String name,
        String email,
        Instant emailVerifiedAt,
        boolean active,
        Instant lastLoginAt,
        String preferredLanguage,
        String avatarUrl,
        String plan,
        boolean hasPassword,
        Instant createdAt,
        Instant updatedAt) {
}
