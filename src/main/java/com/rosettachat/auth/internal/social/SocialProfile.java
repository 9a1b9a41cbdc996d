package com.rosettachat.auth.internal.social;

/** Who the provider says the user is; {@code emailVerified} is the provider's word for it. */
record SocialProfile(String id, String email, boolean emailVerified, String name, String avatar) {
}
