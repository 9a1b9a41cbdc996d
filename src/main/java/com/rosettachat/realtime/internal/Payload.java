package com.rosettachat.realtime.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/** An event's data as JSON object text for a reader language, rendered at most once per language. */
interface Payload {

    /** The key of a payload that is the same in every language. */
    String ANY = "*";

    String json(String language);

    /** Renders for the given languages now; the map is what travels between nodes. */
    default Map<String, String> renderAll(Iterable<String> languages) {
        Map<String, String> all = new HashMap<>();
        for (String language : languages) {
            all.put(language, json(language));
        }
        return all;
    }

    /** The same object for everyone: serialized once, on first use. */
    static Payload shared(Object value, JsonMapper json) {
        return new Payload() {
            private String text;

            @Override
            public synchronized String json(String language) {
                if (text == null) {
                    text = json.writeValueAsString(value);
                }
                return text;
            }

            @Override
            public Map<String, String> renderAll(Iterable<String> languages) {
                return Map.of(ANY, json(ANY));
            }
        };
    }

    /** A function of the reader's language: called once per language asked for. */
    static Payload perLanguage(Function<String, ?> render, JsonMapper json) {
        return new Payload() {
            private final Map<String, String> texts = new HashMap<>(4);

            @Override
            public synchronized String json(String language) {
                return texts.computeIfAbsent(language, l -> json.writeValueAsString(render.apply(l)));
            }
        };
    }

    /** Rendered elsewhere (another node): a language not in the map falls back to the shared text or English. */
    static Payload rendered(Map<String, String> texts) {
        return language -> {
            String text = texts.get(language);
            if (text == null) {
                text = texts.get(ANY);
            }
            return text != null ? text : texts.getOrDefault("en", "{}");
        };
    }
}
