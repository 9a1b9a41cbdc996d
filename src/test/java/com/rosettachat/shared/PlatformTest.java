package com.rosettachat.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import com.rosettachat.support.TestDatabase;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Health, the OpenAPI document and the per-user API limit. */
class PlatformTest extends ApiTest {

    @Autowired
    DataSource dataSource;

    @Test
    void runsOnTheDatabaseThisSuiteWasAskedFor() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName())
                    .isEqualTo(TestDatabase.isPostgres() ? "PostgreSQL" : "H2");
        }
    }

    @Test
    void healthIsUp() {
        Http.Response r = http.get("/actuator/health").send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("/status")).isEqualTo("UP");
    }

    @Test
    void openApiListsEveryRoute() {
        Http.Response r = http.get("/v3/api-docs").send();
        assertThat(r.status()).isEqualTo(200);
        var paths = r.json().at("/paths");
        assertThat(paths.at("/~1api~1v1~1auth~1app~1register/post").isObject()).isTrue();
        assertThat(paths.at("/~1api~1v1~1auth~1app~1login/post").isObject()).isTrue();
        assertThat(paths.at("/~1api~1v1~1auth~1app~1logout/post").isObject()).isTrue();
        assertThat(paths.at("/~1api~1v1~1auth~1app~1change-password/post").isObject()).isTrue();
        assertThat(paths.at("/~1api~1v1~1me/get").isObject()).isTrue();
        assertThat(paths.at("/~1api~1v1~1me/patch").isObject()).isTrue();
        assertThat(paths.at("/~1api~1v1~1me~1tokens/post").isObject()).isTrue();
        assertThat(paths.at("/~1api~1v1~1me~1tokens/get").isObject()).isTrue();
        assertThat(paths.at("/~1api~1v1~1me~1tokens~1{id}/delete").isObject()).isTrue();
        assertThat(paths.at("/~1api~1v1~1admin~1users/get").isObject()).isTrue();
        assertThat(paths.at("/~1api~1v1~1admin~1users~1{id}/patch").isObject()).isTrue();
        assertThat(r.json().at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
    }

    @Test
    void swaggerUiIsServedAtDocs() {
        Http.Response r = http.get("/docs").send();
        assertThat(r.status()).isIn(200, 302);
        Http.Response ui = http.get("/swagger-ui/index.html").send();
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger");
    }

    @Test
    void authenticatedRequestsCarryTheLimitHeadersAndStopAt120PerMinute() {
        Account account = register();
        Http.Response first = http.get("/api/v1/me").token(account.token()).send();
        assertThat(first.header("X-RateLimit-Limit")).isEqualTo("120");
        int remaining = Integer.parseInt(first.header("X-RateLimit-Remaining"));
        assertThat(remaining).isBetween(100, 119);
        Http.Response last = first;
        for (int i = 0; i < remaining; i++) {
            last = http.get("/api/v1/me").token(account.token()).send();
        }
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.header("X-RateLimit-Remaining")).isEqualTo("0");
        Http.Response refused = http.get("/api/v1/me").token(account.token()).send();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.text("/message")).isEqualTo("Too Many Attempts.");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        assertThat(refused.header("X-RateLimit-Reset")).isNotNull();
        // The limit is per user: someone else is unaffected.
        assertThat(http.get("/api/v1/me").token(register().token()).send().status()).isEqualTo(200);
    }
}
