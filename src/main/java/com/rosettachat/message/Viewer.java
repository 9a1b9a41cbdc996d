package com.rosettachat.message;

/**
 * Who reads a message, and in which language: a user (their workspace override or preference) or
 * a room guest. A viewer always sees their own messages as written.
 */
public record Viewer(Long userId, String guestId, String language) {

    public static Viewer user(long userId, String language) {
        return new Viewer(userId, null, language);
    }

    public static Viewer guest(String guestId, String language) {
        return new Viewer(null, guestId, language);
    }

    /** A reader known only by language, as a realtime fan-out renders once per language. */
    public static Viewer language(String language) {
        return new Viewer(null, null, language);
    }

    public boolean wrote(Message.SenderView sender) {
        if (userId != null) {
            return sender.id() instanceof Long id && id.equals(userId)
                    && (Sender.USER.equals(sender.type()) || Sender.AUTOMATION.equals(sender.type()));
        }
        return guestId != null && Sender.GUEST.equals(sender.type()) && guestId.equals(sender.id());
    }
}
