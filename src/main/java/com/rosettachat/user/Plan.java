package com.rosettachat.user;

import java.util.List;

/** Account plans; temporary room limits hang off them. */
public final class Plan {

    public static final String FREE = "free";
    public static final String DEVELOPER = "developer";
    public static final List<String> ALL = List.of(FREE, DEVELOPER);

    private Plan() {
    }
}
