package com.rosettachat.message;

/**
 * Who wrote a message. Users (and automation, which posts as the token's user) are rendered with
 * their current name and avatar; guests, webhooks and the system keep the name they posted with.
 */
public record Sender(String type, Long userId, String ref, String name, String language) {

    public static final String USER = "user";
    public static final String GUEST = "guest";
    public static final String WEBHOOK = "webhook";
    public static final String AUTOMATION = "automation";
    public static final String SYSTEM = "system";

    public static Sender user(long userId, String language) {
        return new Sender(USER, userId, null, null, language);
    }

    public static Sender automation(long userId, String language) {
        return new Sender(AUTOMATION, userId, null, null, language);
    }

    public static Sender guest(String guestId, String nickname, String language) {
        return new Sender(GUEST, null, guestId, nickname, language);
    }

    public static Sender webhook(String webhookId, String name, String language) {
        return new Sender(WEBHOOK, null, webhookId, name, language);
    }

    public static Sender system(String language) {
        return new Sender(SYSTEM, null, null, "RosettaChat", language);
    }
}
