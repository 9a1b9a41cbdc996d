package com.rosettachat.shared.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The per-minute (or per-ten-minute) budgets of CONTRACT §1, e.g. {@code ROSETTA_RATE_LIMIT_API_PER_MINUTE}.
 */
@ConfigurationProperties("rosetta.rate-limit")
public record RateLimitProperties(
        @DefaultValue("120") int apiPerMinute,
        @DefaultValue("5") int loginPerMinute,
        @DefaultValue("3") int otpPerTenMinutes,
        @DefaultValue("5") int otpWrongCodes,
        @DefaultValue("3") int forgotPasswordPerTenMinutes,
        @DefaultValue("30") int invitePreviewPerMinute,
        @DefaultValue("10") int guestJoinPerMinute,
        @DefaultValue("60") int webhookPerMinute) {
}
