package com.rosettachat.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import com.rosettachat.support.TestDatabase;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

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

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** Compares the document with the routes Spring MVC actually serves, so no route can be left out. */
    @Test
    void openApiListsEveryRoute() {
        Http.Response r = http.get("/v3/api-docs").send();
        assertThat(r.status()).isEqualTo(200);
        var paths = r.json().at("/paths");
        List<String> missing = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getPackageName().startsWith("com.rosettachat")
                    || info.getPathPatternsCondition() == null) {
                return;
            }
            for (String template : info.getPathPatternsCondition().getPatternValues()) {
                if (template.startsWith("/error")) {
                    continue;
                }
                for (RequestMethod m : info.getMethodsCondition().getMethods()) {
                    String pointer = "/" + template.replace("~", "~0").replace("/", "~1") + "/" + m.name().toLowerCase();
                    if (!paths.at(pointer).isObject()) {
                        missing.add(m + " " + template);
                    }
                }
            }
        });
        assertThat(missing).as("routes missing from /v3/api-docs").isEmpty();
        assertThat(paths.at("/~1api~1v1~1me/get").isObject()).isTrue();
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
