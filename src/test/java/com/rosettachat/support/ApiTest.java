package com.rosettachat.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
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
        "logging.level.root=WARN"
})
public abstract class ApiTest {

    public static final String ADMIN_EMAIL = "admin@rosetta.test";
    public static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Path DATA_DIR = createDataDir();

    @LocalServerPort
    private int port;

    protected Http http;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", TestDatabase::username);
        registry.add("spring.datasource.password", () -> TestDatabase.isPostgres() ? "postgres" : "");
        registry.add("rosetta.data-dir", DATA_DIR::toString);
    }

    @BeforeEach
    void connect() {
        http = new Http("http://localhost:" + port);
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
        if (login.status() == 200) {
            return new Account(login.json().at("/user/id").asLong(), "Test User", ADMIN_EMAIL, PASSWORD,
                    login.text("/access_token"));
        }
        return register(ADMIN_EMAIL);
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
