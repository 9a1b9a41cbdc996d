package com.rosettachat.message;

import java.util.List;

/**
 * The message shape of CONTRACT §6, rendered for one viewer: {@code display_*} says what that
 * viewer reads. Exactly one of {@code channelId} and {@code conversationId} is set. Beyond the
 * contract: {@code reactions} (by first use, {@code me} for this viewer), the pin ({@code
 * pinnedAt}, {@code pinnedBy}) and {@code deletedAt}, set on a tombstone whose text, attachments
 * and reactions are gone.
 */
public record Message(String id, String workspaceId, String channelId, String conversationId, String parentMessageId,
                      String type, SenderView sender, String originalContent, String originalLanguage,
                      String displayContent, String displayLanguage, String displaySource, String translationStatus,
                      List<Attachment> attachments, List<Reaction> reactions, int replyCount, String pinnedAt,
                      Long pinnedBy, String editedAt, String deletedAt, String createdAt) {

    public static final String TEXT = "text";
    public static final String MARKDOWN = "markdown";
    public static final String SYSTEM = "system";
    public static final List<String> CLIENT_TYPES = List.of(TEXT, MARKDOWN);

    public static final String ORIGINAL = "original";
    public static final String TRANSLATED = "translated";

    public static final String PENDING = "pending";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";

    /** {@code id} is the integer user id for users and automation, a ULID for guests and webhooks. */
    public record SenderView(String type, Object id, String name, String avatarUrl) {
    }

    /** One emoji on a message: how many readers chose it and whether the viewer is one of them. */
    public record Reaction(String emoji, int count, boolean me) {
    }

    public record Attachment(String id, String fileId, String clientName, String mimeType, long size, String downloadUrl) {
    }
}
