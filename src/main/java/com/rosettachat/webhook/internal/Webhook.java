package com.rosettachat.webhook.internal;

import java.time.Instant;

/** A webhook row; {@code secretCiphertext} is the sealed secret, opened only to check a post. */
public record Webhook(String id, String workspaceId, String name, String defaultChannelId, boolean active,
                      String secretCiphertext, Instant lastUsedAt, Instant createdAt) {
}
