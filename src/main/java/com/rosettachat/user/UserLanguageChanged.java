package com.rosettachat.user;

/** Published when a user picks another preferred language; translation heals what they now read. */
public record UserLanguageChanged(long userId, String previousLanguage, String newLanguage) {
}
