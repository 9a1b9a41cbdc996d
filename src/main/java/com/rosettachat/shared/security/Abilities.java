package com.rosettachat.shared.security;

import java.util.List;

/** The token abilities of CONTRACT §2; {@code *} grants them all. */
public final class Abilities {

    public static final String ALL = "*";
    public static final String ROOMS_CREATE = "temporary-rooms:create";
    public static final String ROOMS_READ = "temporary-rooms:read";
    public static final String ROOMS_EXTEND = "temporary-rooms:extend";
    public static final String AUTOMATION_WRITE = "automation:write";

    public static final List<String> KNOWN = List.of(ALL, ROOMS_CREATE, ROOMS_READ, ROOMS_EXTEND, AUTOMATION_WRITE);

    private Abilities() {
    }
}
