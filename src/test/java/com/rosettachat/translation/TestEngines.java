package com.rosettachat.translation;

import com.rosettachat.support.TestClock;
import com.rosettachat.translation.internal.DefaultTranslationEngine;
import com.rosettachat.translation.internal.TranslationEngines;
import com.rosettachat.translation.internal.TranslationProperties;
import com.rosettachat.translation.internal.provider.Sleeper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Engines built directly, outside the application context, against a provider stub of the test:
 * each with a fresh translation memory (an in-memory H2 with the real migration), its own
 * circuit breaker and counters, a movable clock and a sleeper that records instead of sleeping.
 */
final class TestEngines {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private TestEngines() {
    }

    /** Records each backoff the engine asks for; never sleeps, so retry tests take no time. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }
    }

    /** An engine, its clock and its sleeper. */
    record Fixture(DefaultTranslationEngine engine, TestClock clock, RecordingSleeper sleeper, JdbcClient memory) {
    }

    static Fixture engine(String provider, String url, String apiKey, String model) {
        return engine(TranslationProperties.of(provider, url, apiKey, model));
    }

    static Fixture engine(TranslationProperties properties) {
        return engine(properties, memoryDatabase());
    }

    static Fixture engine(TranslationProperties properties, JdbcClient memory) {
        TestClock clock = new TestClock();
        RecordingSleeper sleeper = new RecordingSleeper();
        DefaultTranslationEngine engine = TranslationEngines.create(properties, memory, new SimpleMeterRegistry(), clock,
                sleeper, () -> 0);
        return new Fixture(engine, clock, sleeper, memory);
    }

    /** A short read timeout and the given attempts, other settings as in production. */
    static TranslationProperties withTimeouts(TranslationProperties p, Duration readTimeout, int maxAttempts) {
        return new TranslationProperties(p.provider(), p.url(), p.apiKey(), p.model(), p.connectTimeout(), readTimeout,
                maxAttempts, p.retryBackoff(), p.maxRetryWait(), p.circuit(), p.detection());
    }

    /** A private H2 database holding just the translation memory table of the real migration. */
    static JdbcClient memoryDatabase() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:memory" + DATABASES.incrementAndGet() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        try (InputStream sql = TestEngines.class.getResourceAsStream("/db/migration/V6_1__translation_memory.sql")) {
            jdbc.sql(new String(sql.readAllBytes(), StandardCharsets.UTF_8)).update();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jdbc;
    }
}
