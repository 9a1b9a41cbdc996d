package com.rosettachat.device;

/**
 * What became of one {@link PushService#send}: devices found, accepted by their provider, removed
 * because the provider called the token invalid, given up on after retries or a permanent error,
 * and skipped because their provider is not configured (or the send was dropped).
 */
public record PushReport(int devices, int delivered, int removed, int failed, int skipped) {

    public static final PushReport NONE = new PushReport(0, 0, 0, 0, 0);
}
