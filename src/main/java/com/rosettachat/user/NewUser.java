package com.rosettachat.user;

/** What creating an account takes; {@code passwordHash} is null for OTP and social sign-ups. */
public record NewUser(String name, String email, String passwordHash, String preferredLanguage, boolean emailVerified) {
}
