package com.rosettachat.direct;

import com.rosettachat.user.User;

/** The other person of a conversation, as CONTRACT §7 shows them. */
public record Participant(long id, String name, String avatarUrl, String preferredLanguage) {

    public static Participant of(User user) {
        return new Participant(user.id(), user.name(), user.avatarUrl(), user.preferredLanguage());
    }
}
