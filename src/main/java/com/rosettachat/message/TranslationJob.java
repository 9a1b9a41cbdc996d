package com.rosettachat.message;

import java.util.Set;

/**
 * What the translation worker needs to know about one message: its text and language, the
 * languages its readers want ({@code targets}, the source left out) and those already stored.
 * {@code firstPassDone} tells the pass that followed posting (which push waits for) from the
 * pass after an edit, both of which start from {@code pending}.
 */
public record TranslationJob(String messageId, String workspaceId, String channelId, String conversationId,
                             String content, String sourceLanguage, boolean skipTranslation, boolean deleted,
                             String status, Set<String> targets, Set<String> translated, boolean firstPassDone) {

    public Set<String> missing() {
        return targets.stream().filter(t -> !translated.contains(t)).collect(java.util.stream.Collectors.toSet());
    }
}
