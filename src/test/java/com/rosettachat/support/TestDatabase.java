package com.rosettachat.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.test.context.DynamicPropertyRegistry;

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

    /**
     * The datasource of this run. The PostgreSQL run also stores files in S3, so every file test
     * covers both storages.
     */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", TestDatabase::username);
        registry.add("spring.datasource.password", () -> isPostgres() ? "postgres" : "");
        if (isPostgres()) {
            TestS3.register(registry);
        }
    }
}
