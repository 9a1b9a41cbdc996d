package com.rosettachat.room;

/**
 * What a plan allows: rooms active at once, rooms created per calendar month (UTC), the TTL when
 * none is asked for and the most that may be asked, the lifetime from creation that no extension
 * may pass, how many extensions a room may have and how long each may be.
 */
public record RoomLimits(int activeLimit, int monthlyCreationLimit, int defaultTtlHours, int maxTtlHours,
                         int lifetimeHours, int maxExtensions, int maxExtensionHours) {

    /** The longest TTL a new room may ask for: no more than the lifetime cap either. */
    public int ttlCap() {
        return Math.min(maxTtlHours, lifetimeHours);
    }
}
