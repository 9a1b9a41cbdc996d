package com.rosettachat.realtime;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Who asked to join a channel at {@code POST /broadcasting/auth}: a signed-in user today
 * ({@code user}, {@code 7}); room guests plug in a type of their own through a
 * {@link CallerResolver}. Plain strings, because the answer travels between nodes (through Redis)
 * and is asked about again later when subscriptions are rechecked.
 */
public record Caller(String type, String id) {

    public static final String USER = "user";

    public Caller {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    public static Caller user(long userId) {
        return new Caller(USER, Long.toString(userId));
    }

    public OptionalLong userId() {
        return USER.equals(type) ? OptionalLong.of(Long.parseLong(id)) : OptionalLong.empty();
    }

    /**
     * The {@code user_id} other subscribers see on presence members and client events: the plain
     * id for users, {@code type:id} for anyone else, so that a guest never passes for a user.
     */
    public String memberId() {
        return USER.equals(type) ? id : type + ":" + id;
    }
}
