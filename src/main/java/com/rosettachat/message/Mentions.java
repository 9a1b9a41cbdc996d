package com.rosettachat.message;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code <@user_id>} mentions in message text: who is notified, and what translation must keep intact. */
public final class Mentions {

    public static final Pattern PATTERN = Pattern.compile("<@(\\d{1,18})>");

    private Mentions() {
    }

    public static Set<Long> userIds(String content) {
        Set<Long> ids = new LinkedHashSet<>();
        if (content != null) {
            Matcher m = PATTERN.matcher(content);
            while (m.find()) {
                ids.add(Long.parseLong(m.group(1)));
            }
        }
        return ids;
    }
}
