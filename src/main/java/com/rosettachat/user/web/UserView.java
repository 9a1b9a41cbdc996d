package com.rosettachat.user.web;

import com.rosettachat.shared.time.Timestamps;
import com.rosettachat.user.User;

/** The {@code /me} shape of the reference plus CONTRACT §2's additions, with microsecond {@code Z} timestamps. */
record UserView(long id, String name, String email, String emailVerifiedAt, boolean isActive, String lastLoginAt,
                String createdAt, String updatedAt, String preferredLanguage, String avatarUrl, String plan) {

    static UserView of(User u) {
        return new UserView(u.id(), u.name(), u.email(), Timestamps.user(u.emailVerifiedAt()), u.active(),
                Timestamps.user(u.lastLoginAt()), Timestamps.user(u.createdAt()), Timestamps.user(u.updatedAt()),
                u.preferredLanguage(), u.avatarUrl(), u.plan());
    }
}
