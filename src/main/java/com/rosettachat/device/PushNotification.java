package com.rosettachat.device;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One notification for one recipient, already in the recipient's language. {@code data} travels
 * as string key/values (what FCM allows) so the app can open the right conversation.
 */
public record PushNotification(String title, String body, Map<String, String> data) {

    /** Long texts are cut here: every provider limits a payload to about 4 KB. */
    public static final int MAX_TITLE = 120;
    public static final int MAX_BODY = 600;

    public PushNotification {
        title = cut(title == null ? "" : title, MAX_TITLE);
        body = cut(body == null ? "" : body, MAX_BODY);
        Map<String, String> copy = new LinkedHashMap<>();
        if (data != null) {
            data.forEach((key, value) -> {
                if (key != null && value != null) { // providers accept string values only
                    copy.put(key, value);
                }
            });
        }
        data = Collections.unmodifiableMap(copy);
    }

    public PushNotification(String title, String body) {
        this(title, body, Map.of());
    }

    private static String cut(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }
}
