package com.rosettachat.support;

import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** Reading messages the way a client polls: the background work (translation) lands after the post. */
public final class Messages {

    private Messages() {
    }

    /**
     * The message {@code id} as {@code call} (a history request) shows it, once {@code until} holds;
     * fails after about ten seconds.
     */
    public static JsonNode await(Http.Call call, String id, Predicate<JsonNode> until) {
        JsonNode last = null;
        for (int attempt = 0; attempt < 200; attempt++) {
            for (JsonNode m : call.send().json().at("/data")) {
                if (id.equals(m.at("/id").asString())) {
                    last = m;
                }
            }
            if (last != null && until.test(last)) {
                return last;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("message " + id + " never got there; last seen: " + last);
    }

    public static Predicate<JsonNode> status(String status) {
        return m -> status.equals(m.at("/translation_status").asString());
    }
}
