package com.rosettachat.auth.internal.social;

import java.time.Instant;

/** A sign-in account at a provider, linked to one user. */
public record SocialAccount(long id, long userId, String provider, String providerUserId, String providerEmail,
                            String name, String avatar, Instant createdAt) {
}
