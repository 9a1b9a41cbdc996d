package com.rosettachat.workspace;

/**
 * A member's language for this workspace changed through their override. A change of the user's
 * own preferred language is {@code UserLanguageChanged} of the user module, not repeated here.
 */
public record MemberLanguageChanged(String workspaceId, long userId, String effectiveLanguage) {
}
