package com.rosettachat.translation;

import java.util.Set;

/**
 * Translations of a message were stored ({@code languages}, possibly none when all failed) and
 * its status is now {@code status}. {@code firstPass} is true when this ends the translation that
 * followed posting (the status was {@code pending}) rather than a later heal for a new reader:
 * push tells recipients who waited for their language only then. Realtime tells the readers of
 * {@code languages} either way.
 */
public record MessageTranslated(String messageId, String workspaceId, String channelId, String conversationId,
                                Set<String> languages, String status, boolean firstPass) {
}
