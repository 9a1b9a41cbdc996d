package com.rosettachat.room;

import static com.rosettachat.support.Assertions.assertError;
import static com.rosettachat.support.Assertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.Http;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The plan limits of CONTRACT §9: TTL caps, active and monthly quotas, extensions. */
class RoomPlansTest extends RoomTestSupport {

    private static final String QUOTA = "temporary_room_quota_exceeded";

    private void assertCoded(Http.Response r, int status, String message, String code) {
        assertError(r, status, message);
        assertThat(r.json().at("/errors").propertyNames()).containsExactly("code");
        assertThat(r.text("/errors/code/0")).isEqualTo(code);
        assertThat(r.json().at("/errors/code").size()).isEqualTo(1);
    }

    private Http.Response extend(Account owner, Room room, Map<String, ?> body) {
        return http.post(ROOMS + "/" + room.id() + "/extend").token(owner.token()).json(body).send();
    }

    private Http.Response usage(Account owner) {
        return http.get(ROOMS + "/usage").token(owner.token()).send();
    }

    private void close(Account owner, Room room) {
        assertThat(http.delete(ROOMS + "/" + room.id()).token(owner.token()).send().status()).isEqualTo(200);
    }

    private static Duration untilNextMonth(Instant now) {
        Instant next = YearMonth.from(now.atZone(ZoneOffset.UTC)).plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return Duration.between(now, next).plusHours(1);
    }

    @Test
    void freeRoomsLiveAtMost24Hours() {
        Account owner = register();
        assertInvalid(create(owner.token(), Map.of("name", "x", "ttl_hours", 25)), "ttl_hours", "ttl_hours_exceeds_limit");
        Room room = room(owner, Map.of("name", "x", "ttl_hours", 24));
        assertThat(room.maxExpiresAt()).isEqualTo(room.expiresAt());
    }

    @Test
    void developerRoomsLiveUpTo168HoursWithin720() {
        Account owner = register();
        setPlan(owner, "developer");
        assertInvalid(create(owner.token(), Map.of("name", "x", "ttl_hours", 169)), "ttl_hours", "ttl_hours_exceeds_limit");
        Room week = room(owner, Map.of("name", "x", "ttl_hours", 168));
        OffsetDateTime expires = OffsetDateTime.parse(week.expiresAt());
        OffsetDateTime max = OffsetDateTime.parse(week.maxExpiresAt());
        assertThat(Duration.between(expires, max)).isEqualTo(Duration.ofHours(720 - 168));
        Room standard = room(owner, Map.of("name", "y"));
        assertThat(Duration.between(OffsetDateTime.parse(standard.expiresAt()), OffsetDateTime.parse(standard.maxExpiresAt())))
                .isEqualTo(Duration.ofHours(720 - 24));
        Http.Response u = usage(owner);
        assertThat(u.json().at("/data/limits/active_limit").asInt()).isEqualTo(50);
        assertThat(u.json().at("/data/limits/monthly_creation_limit").asInt()).isEqualTo(500);
    }

    @Test
    void freePlanHasThreeActiveRoomsUntilOneEnds() {
        Account owner = register();
        Room first = room(owner, Map.of("name", "a", "ttl_hours", 2));
        room(owner);
        room(owner);
        Http.Response refused = create(owner.token(), Map.of("name", "d"));
        assertCoded(refused, 403, "Temporary Room active room limit exceeded.", QUOTA);
        assertThat(usage(owner).json().at("/data/abuse_signals/active_limit_reached").asBoolean()).isTrue();
        assertThat(usage(owner).json().at("/data/usage/active_room_count").asInt()).isEqualTo(3);
        // Another owner is not affected.
        room(register());

        // The shortest room runs out: a slot is free again, without waiting for the expiry job.
        clock.advance(Duration.ofHours(2));
        assertThat(usage(owner).json().at("/data/usage/active_room_count").asInt()).isEqualTo(2);
        room(owner);
        assertCoded(create(owner.token(), Map.of("name", "e")), 403, "Temporary Room active room limit exceeded.", QUOTA);
        assertThat(http.get(ROOMS + "?status=expired").token(owner.token()).send().text("/data/0/room_id"))
                .isEqualTo(first.id());
    }

    @Test
    void concurrentCreationsCannotOvershootTheActiveLimit() throws Exception {
        Account owner = register();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> create(owner.token(), Map.of("name", "race")).status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
            assertThat(statuses).filteredOn(s -> s == 403).hasSize(5);
        } finally {
            pool.shutdownNow();
        }
        assertThat(usage(owner).json().at("/data/usage/active_room_count").asInt()).isEqualTo(3);
    }

    @Test
    void freePlanCreatesTenRoomsPerCalendarMonth() {
        Account owner = register();
        // Start right after a month began, so the ten rooms all fall into it.
        clock.advance(untilNextMonth(Instant.now()));
        for (int i = 0; i < 10; i++) {
            close(owner, room(owner, Map.of("name", "room " + i)));
        }
        Http.Response u = usage(owner);
        assertThat(u.json().at("/data/usage/monthly_creation_count").asInt()).isEqualTo(10);
        assertThat(u.json().at("/data/usage/active_room_count").asInt()).isZero();
        assertThat(u.json().at("/data/abuse_signals/monthly_creation_limit_reached").asBoolean()).isTrue();
        assertThat(u.json().at("/data/abuse_signals/active_limit_reached").asBoolean()).isFalse();
        assertCoded(create(owner.token(), Map.of("name", "eleventh")), 403,
                "Temporary Room monthly creation limit exceeded.", QUOTA);

        // A new calendar month (UTC) starts a new count.
        clock.advance(untilNextMonth(clock.instant()));
        room(owner);
        assertThat(usage(owner).json().at("/data/usage/monthly_creation_count").asInt()).isEqualTo(1);
    }

    @Test
    void developerPlanHasFiftyActiveRoomsAndAnAdminCanChangeThePlan() {
        Account owner = register();
        for (int i = 0; i < 3; i++) {
            room(owner);
        }
        assertCoded(create(owner.token(), Map.of("name", "x")), 403, "Temporary Room active room limit exceeded.", QUOTA);
        setPlan(owner, "developer");
        for (int i = 3; i < 50; i++) {
            room(owner, Map.of("name", "room " + i, "ttl_hours", 1));
        }
        assertCoded(create(owner.token(), Map.of("name", "51st")), 403, "Temporary Room active room limit exceeded.", QUOTA);
        Http.Response u = usage(owner);
        assertThat(u.json().at("/data/usage/active_room_count").asInt()).isEqualTo(50);
        assertThat(u.json().at("/data/usage/monthly_creation_count").asInt()).isEqualTo(50);
        assertThat(u.json().at("/data/abuse_signals/active_limit_reached").asBoolean()).isTrue();
        // Back on the free plan, the free limits apply to what exists.
        setPlan(owner, "free");
        assertThat(usage(owner).json().at("/data/limits/active_limit").asInt()).isEqualTo(3);
        assertCoded(create(owner.token(), Map.of("name", "x")), 403, "Temporary Room active room limit exceeded.", QUOTA);
    }

    @Test
    void freeRoomsCannotBeExtended() {
        Account owner = register();
        Room room = room(owner);
        assertCoded(extend(owner, room, Map.of()), 403, "Temporary Room extension is not allowed.",
                "temporary_room_extension_not_allowed");
        assertCoded(extend(owner, room, Map.of("extension_hours", 1)), 403, "Temporary Room extension is not allowed.",
                "temporary_room_extension_not_allowed");
    }

    @Test
    void developerRoomsExtendOnceByUpTo168Hours() {
        Account owner = register();
        Account stranger = register();
        setPlan(owner, "developer");
        Room room = room(owner);

        assertError(extend(stranger, room, Map.of()), 404, "Not found.");
        assertError(http.post(ROOMS + "/01ktvxyqmbcm7abv91483q1hfd/extend").token(owner.token()).json(Map.of()).send(),
                404, "Not found.");
        assertInvalid(extend(owner, room, Map.of("extension_hours", 169)), "extension_hours", "extension_hours_exceeds_limit");
        assertInvalid(extend(owner, room, Map.of("extension_hours", 0)), "extension_hours",
                "The extension hours field must be at least 1.");
        assertInvalid(extend(owner, room, Map.of("extension_hours", "long")), "extension_hours",
                "The extension hours field must be an integer.");
        assertInvalid(extend(owner, room, Map.of("extension_hours", 99_999_999_999L)), "extension_hours",
                "extension_hours_exceeds_limit");

        // Without extension_hours: the plan's single-extension maximum.
        Http.Response r = extend(owner, room, Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().at("/data").propertyNames())
                .containsExactlyInAnyOrder("room_id", "expires_at", "max_expires_at", "extension_count");
        assertThat(r.text("/data/room_id")).isEqualTo(room.id());
        assertThat(r.json().at("/data/extension_count").asInt()).isEqualTo(1);
        assertThat(r.text("/data/max_expires_at")).isEqualTo(room.maxExpiresAt());
        assertThat(Duration.between(OffsetDateTime.parse(room.expiresAt()), OffsetDateTime.parse(r.text("/data/expires_at"))))
                .isEqualTo(Duration.ofHours(168));
        // A single extension: the second is not allowed.
        assertCoded(extend(owner, room, Map.of("extension_hours", 1)), 403, "Temporary Room extension is not allowed.",
                "temporary_room_extension_not_allowed");

        // An explicit length; the room keeps living past its first TTL.
        Room other = room(owner);
        Http.Response explicit = extend(owner, other, Map.of("extension_hours", 24));
        assertThat(Duration.between(OffsetDateTime.parse(other.expiresAt()), OffsetDateTime.parse(explicit.text("/data/expires_at"))))
                .isEqualTo(Duration.ofHours(24));
        clock.advance(Duration.ofHours(30));
        assertThat(http.get(ROOMS + "?status=active").token(owner.token()).send().body()).contains(other.id());
    }

    @Test
    void noExtensionPassesTheLifetimeCap() {
        Account owner = register();
        // Created on the free plan: its lifetime cap is 24 hours from creation, which an upgrade does not move.
        Room full = room(owner);
        Room shorter = room(owner, Map.of("name", "x", "ttl_hours", 20));
        setPlan(owner, "developer");
        assertInvalid(extend(owner, full, Map.of("extension_hours", 1)), "extension_hours", "extension_hours_exceeds_limit");
        assertInvalid(extend(owner, full, Map.of()), "extension_hours", "extension_hours_exceeds_limit");

        assertInvalid(extend(owner, shorter, Map.of("extension_hours", 5)), "extension_hours", "extension_hours_exceeds_limit");
        Http.Response toTheCap = extend(owner, shorter, Map.of("extension_hours", 4));
        assertThat(toTheCap.status()).as(toTheCap.toString()).isEqualTo(200);
        assertThat(toTheCap.text("/data/expires_at")).isEqualTo(shorter.maxExpiresAt());
    }

    @Test
    void roomsThatAreOverCannotBeExtended() {
        Account owner = register();
        setPlan(owner, "developer");
        Room expired = room(owner, Map.of("name", "x", "ttl_hours", 1));
        Room closed = room(owner);
        close(owner, closed);
        clock.advance(Duration.ofMinutes(61));
        assertCoded(extend(owner, expired, Map.of()), 410, "Temporary Room is not available.", "temporary_room_expired");
        assertCoded(extend(owner, closed, Map.of()), 410, "Temporary Room is not available.", "temporary_room_expired");
    }
}
