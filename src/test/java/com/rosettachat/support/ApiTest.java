package com.rosettachat.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import com.rosettachat.shared.ratelimit.RateLimiter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every HTTP test: one running server per JVM (identical configuration, so Spring's
 * context cache shares it), on H2 or on an in-JVM PostgreSQL. Tests make their own users with
 * unique emails, so they never depend on each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rosetta.security.bcrypt-rounds=4",
        "rosetta.admin-emails=" + ApiTest.ADMIN_EMAIL,
        "rosetta.files.max-size=101MB",
        // S3Mock's jar (test scope) carries an application.properties that Boot would load for us
        // too; these put back what production has.
        "spring.servlet.multipart.max-file-size=101MB",
        "spring.servlet.multipart.max-request-size=-1",
        "server.tomcat.max-swallow-size=2MB",
        // As behind a production proxy: per-IP limits see X-Forwarded-For (Http.from) from loopback.
        "server.forward-headers-strategy=native",
        "server.tomcat.max-http-form-post-size=2MB",
        "server.tomcat.max-part-count=10",
        "management.endpoints.access.default=unrestricted",
        "management.endpoints.web.discovery.enabled=true",
        "spring.jmx.enabled=false",
        // Translation rounds retry quickly, and the sweep for work a dead node left runs every second.
        "rosetta.translation.worker.backoff=100ms",
        "rosetta.translation.worker.sweep-delay=1s",
        "rosetta.translation.worker.sweep-interval=1s",
        // A test that breaks the provider opens the circuit; it lets a probe through soon after.
        "rosetta.translation.circuit.open-for=2s",
        // At JVM exit the embedded PostgreSQL may stop before the context does; closing beans then
        // give up on a connection within seconds instead of Hikari's default 30.
        "spring.datasource.hikari.connection-timeout=5000",
        "logging.level.root=WARN"
})
@Import(TestClock.Config.class)
public abstract class ApiTest {

    public static final String ADMIN_EMAIL = "admin@rosetta.test";
    public static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Path DATA_DIR = createDataDir();

    @LocalServerPort
    private int port;

    protected Http http;

    @Autowired
    protected TestClock clock;

    @Autowired
    private RateLimiter limiter;

    /**
     * Every test server (database, S3, and later mail, OAuth, provider stubs) is started once per
     * JVM by its own support class and wired in here, in one place: a property source declared
     * anywhere else would give that test class a context of its own.
     */
    @DynamicPropertySource
    static void testServers(DynamicPropertyRegistry registry) {
        registry.add("rosetta.data-dir", DATA_DIR::toString);
        TestDatabase.register(registry);
        TestMail.register(registry);
        TestOAuth.register(registry);
        TestPush.register(registry);
        TestTranslationServer.register(registry);
        if (TestDatabase.isPostgres()) {
            TestRedis.register(registry);
        }
    }

    @BeforeEach
    void connect() {
        http = new Http("http://localhost:" + port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A signed-up user and the token registration returned. */
    public record Account(long id, String name, String email, String password, String token) {
    }

    protected static String uniqueEmail(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 1_000_000 + "@rosetta.test";
    }

    protected Account register() {
        return register(uniqueEmail("user"));
    }

    protected Account register(String email) {
        Http.Response r = http.post("/api/v1/auth/app/register").json(Map.of(
                "name", "Test User", "email", email, "password", PASSWORD,
                "password_confirmation", PASSWORD)).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return new Account(r.json().at("/user/id").asLong(), "Test User", email, PASSWORD, r.text("/access_token"));
    }

    /** The configured administrator, registered on first use. */
    protected Account admin() {
        Http.Response login = login(ADMIN_EMAIL, PASSWORD);
        Account admin = login.status() == 200
                ? new Account(login.json().at("/user/id").asLong(), "Test User", ADMIN_EMAIL, PASSWORD,
                        login.text("/access_token"))
                : register(ADMIN_EMAIL);
        // One administrator serves every test class: each starts with a full per-minute API budget.
        limiter.clear("api:user:" + admin.id());
        return admin;
    }

    /** Uploads bytes as multipart {@code file}, with optional extra form fields (name, value, ...). */
    protected Http.Response upload(String token, String fileName, byte[] bytes, String... fields) {
        Multipart body = new Multipart();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.field(fields[i], fields[i + 1]);
        }
        body.file("file", fileName, "application/octet-stream", bytes);
        return http.post("/api/v1/files").token(token).stream(body.contentType(), body.publisher()).send();
    }

    protected Http.Response login(String email, String password) {
        return http.post("/api/v1/auth/app/login").json(Map.of("email", email, "password", password)).send();
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("rosetta-test-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
