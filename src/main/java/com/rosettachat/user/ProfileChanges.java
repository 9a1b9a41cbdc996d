package com.rosettachat.user;

/**
 * A PATCH of one's own profile: a null field is left as it is, except {@code avatarUrl}, which
 * {@code clearAvatar} sets to null when the client sent {@code "avatar_url": null}.
 */
public record ProfileChanges(String name, String preferredLanguage, String avatarUrl, boolean clearAvatar) {
}
