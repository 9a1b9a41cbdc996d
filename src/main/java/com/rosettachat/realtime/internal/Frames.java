package com.rosettachat.realtime.internal;

/**
 * The Pusher wire format, written by hand because one frame is built per language and event and
 * then written to many sockets: {@code {"event": ..., "channel": ..., "data": "<JSON text>"}},
 * where {@code data} is itself JSON encoded into a string, as Pusher and Reverb send it.
 */
final class Frames {

    static final String PONG = "{\"event\":\"pusher:pong\",\"data\":\"{}\"}";
    static final String PING = "{\"event\":\"pusher:ping\",\"data\":\"{}\"}";

    // Pusher's codes, and Reverb's texts for them
    static final int APP_UNKNOWN = 4001;
    static final int UNAUTHORIZED = 4009;
    static final int OVER_CAPACITY = 4100;
    static final int INVALID_MESSAGE = 4200;
    static final int PONG_TIMEOUT = 4201;
    static final int GENERIC = 4300;
    static final int CLIENT_EVENT_RATE = 4301;

    private Frames() {
    }

    static String connectionEstablished(String socketId, long activityTimeoutSeconds) {
        return event("pusher:connection_established", null,
                "{\"socket_id\":" + quote(socketId) + ",\"activity_timeout\":" + activityTimeoutSeconds + "}");
    }

    static String error(int code, String message, String channel) {
        return event("pusher:error", channel, "{\"code\":" + code + ",\"message\":" + quote(message) + "}");
    }

    static String subscriptionSucceeded(String channel, String dataJson) {
        return event("pusher_internal:subscription_succeeded", channel, dataJson);
    }

    /** A frame whose {@code data} is the given JSON text; {@code channel} is left out when null. */
    static String event(String event, String channel, String dataJson) {
        StringBuilder out = new StringBuilder(dataJson.length() + event.length() + 64 + (channel == null ? 0 : channel.length()));
        out.append("{\"event\":");
        appendQuoted(out, event);
        if (channel != null) {
            out.append(",\"channel\":");
            appendQuoted(out, channel);
        }
        out.append(",\"data\":");
        appendQuoted(out, dataJson);
        return out.append('}').toString();
    }

    /** A client event passed on: its data as the sender gave it, and the sender's {@code user_id}. */
    static String clientEvent(String event, String channel, String data, String userId) {
        StringBuilder out = new StringBuilder(data.length() + 96);
        out.append("{\"event\":");
        appendQuoted(out, event);
        out.append(",\"channel\":");
        appendQuoted(out, channel);
        out.append(",\"data\":");
        appendQuoted(out, data);
        if (userId != null) {
            out.append(",\"user_id\":");
            appendQuoted(out, userId);
        }
        return out.append('}').toString();
    }

    /** Adds {@code "seq": n} as the last member of a JSON object text. */
    static String withSeq(String objectJson, long seq) {
        int end = objectJson.lastIndexOf('}');
        if (!objectJson.startsWith("{") || end < 0) {
            throw new IllegalArgumentException("A realtime payload must be a JSON object");
        }
        boolean empty = objectJson.substring(1, end).isBlank();
        return objectJson.substring(0, end) + (empty ? "" : ",") + "\"seq\":" + seq + "}";
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        appendQuoted(out, s);
        return out.toString();
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    static void appendQuoted(StringBuilder out, String s) {
        out.append('"');
        int start = 0;
        int length = s.length();
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, start, i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
            start = i + 1;
        }
        out.append(s, start, length).append('"');
    }
}
