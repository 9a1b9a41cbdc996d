package com.rosettachat.shared;

import com.github.f4b6a3.ulid.Ulid;
import com.github.f4b6a3.ulid.UlidCreator;

/** Record ids: lowercase ULIDs, monotonic within a millisecond so they sort by creation. */
public final class Ids {

    private Ids() {
    }

    public static String next() {
        return UlidCreator.getMonotonicUlid().toLowerCase();
    }

    /** True for a well-formed ULID in any case; callers use it to answer 404 before touching the database. */
    public static boolean isValid(String id) {
        return id != null && Ulid.isValid(id);
    }

    /** The same check for a raw request value of any type. */
    public static boolean isValid(Object value) {
        return value instanceof String id && Ulid.isValid(id);
    }
}
