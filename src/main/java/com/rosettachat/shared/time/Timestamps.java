package com.rosettachat.shared.time;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The two wire formats of CONTRACT §1 and the database mapping. User and auth payloads keep
 * Laravel's microsecond {@code Z} form; every other resource uses seconds with {@code +00:00}.
 */
public final class Timestamps {

    private static final DateTimeFormatter USER =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RESOURCE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String user(Instant instant) {
        return instant == null ? null : USER.format(instant);
    }

    public static String resource(Instant instant) {
        return instant == null ? null : RESOURCE.format(instant);
    }

    /** Both databases keep microseconds; truncating first keeps what we return equal to what we read back. */
    public static OffsetDateTime toDb(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    public static Instant fromDb(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
