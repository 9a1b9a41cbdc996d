package com.rosettachat.realtime;

/** The event names of CONTRACT §10. Laravel Echo clients listen with a leading dot ({@code .message.created}). */
public final class RealtimeEvents {

    public static final String MESSAGE_CREATED = "message.created";
    public static final String MESSAGE_TRANSLATED = "message.translated";
    public static final String MESSAGE_UPDATED = "message.updated";
    public static final String MESSAGE_DELETED = "message.deleted";
    public static final String MEMBER_JOINED = "member.joined";
    public static final String MEMBER_LEFT = "member.left";
    public static final String CHANNEL_UPDATED = "channel.updated";

    private RealtimeEvents() {
    }
}
