package com.rosettachat.room.internal;

import com.rosettachat.room.RoomLimits;
import com.rosettachat.user.Plan;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Temporary room limits per plan ({@code rosetta.rooms.free.*}, {@code rosetta.rooms.developer.*},
 * e.g. {@code ROSETTA_ROOMS_DEVELOPER_ACTIVE_LIMIT}). Any limit left unset keeps CONTRACT §9's
 * value for that plan, so one setting can be changed without restating the others.
 */
@ConfigurationProperties("rosetta.rooms")
public record RoomProperties(PlanSettings free, PlanSettings developer) {

    static final RoomLimits FREE_DEFAULTS = new RoomLimits(3, 10, 24, 24, 24, 0, 0);
    static final RoomLimits DEVELOPER_DEFAULTS = new RoomLimits(50, 500, 24, 168, 720, 1, 168);

    /** One plan's settings as configured; null means the plan's default. */
    public record PlanSettings(Integer activeLimit, Integer monthlyCreationLimit, Integer defaultTtlHours,
                               Integer maxTtlHours, Integer lifetimeHours, Integer maxExtensions,
                               Integer maxExtensionHours) {
    }

    /** The limits of a user's plan; an unknown plan gets the free one's. */
    public RoomLimits limits(String plan) {
        return Plan.DEVELOPER.equals(plan) ? merge(DEVELOPER_DEFAULTS, developer) : merge(FREE_DEFAULTS, free);
    }

    private static RoomLimits merge(RoomLimits d, PlanSettings s) {
        if (s == null) {
            return d;
        }
        return new RoomLimits(or(s.activeLimit(), d.activeLimit()), or(s.monthlyCreationLimit(), d.monthlyCreationLimit()),
                or(s.defaultTtlHours(), d.defaultTtlHours()), or(s.maxTtlHours(), d.maxTtlHours()),
                or(s.lifetimeHours(), d.lifetimeHours()), or(s.maxExtensions(), d.maxExtensions()),
                or(s.maxExtensionHours(), d.maxExtensionHours()));
    }

    private static int or(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
