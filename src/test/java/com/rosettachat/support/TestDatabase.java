package com.rosettachat.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The database a test JVM runs against: H2 in PostgreSQL mode by default, or a real PostgreSQL
 * started in-process when {@code -Drosetta.test.database=postgres} (the second surefire run).
 */
public final class TestDatabase {

    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    public static boolean isPostgres() {
        return "postgres".equals(System.getProperty("rosetta.test.database"));
    }

    public static synchronized String jdbcUrl() {
        if (!isPostgres()) {
            return "jdbc:h2:mem:rosetta;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        }
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public static String username() {
        return isPostgres() ? "postgres" : "sa";
    }
}
