package com.rosettachat.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.tools.Server;

/**
 * Another RosettaChat node: {@code RosettaChatApplication} in a child JVM on this JVM's test
 * classpath, sharing this suite's database — the embedded PostgreSQL, or on the H2 run the
 * in-memory database served over H2's TCP server — so accounts and tokens made here work there.
 */
public final class TestServerNode implements AutoCloseable {

    public static final String PROFILE = "realtime-test-node";
    private static Server h2;

    private final Process process;
    private final String base;
    private final Path log;

    private TestServerNode(Process process, String base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    public static TestServerNode start(String name, Map<String, String> properties) {
        try {
            int port = TestRedis.freePort();
            Path dataDir = Files.createTempDirectory("rosetta-node-" + name);
            Path log = Path.of("target", "test-node-" + name + ".log");
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", classpath, "com.rosettachat.RosettaChatApplication",
                    "--server.port=" + port, "--spring.profiles.active=" + PROFILE,
                    "--rosetta.data-dir=" + dataDir, "--rosetta.storage=local",
                    "--spring.datasource.url=" + sharedJdbcUrl(),
                    "--spring.datasource.username=" + TestDatabase.username(),
                    "--spring.datasource.password=" + (TestDatabase.isPostgres() ? "postgres" : ""),
                    "--spring.datasource.hikari.maximum-pool-size=4",
                    "--rosetta.security.bcrypt-rounds=4", "--rosetta.admin-emails=" + ApiTest.ADMIN_EMAIL,
                    // S3Mock's jar on the classpath carries an application.properties; these put production back
                    "--spring.servlet.multipart.max-file-size=25MB", "--spring.servlet.multipart.max-request-size=-1",
                    "--server.tomcat.max-swallow-size=2MB", "--server.tomcat.max-http-form-post-size=2MB",
                    "--server.tomcat.max-part-count=10", "--management.endpoints.access.default=unrestricted",
                    "--spring.jmx.enabled=false", "--logging.level.root=WARN"));
            properties.forEach((key, value) -> command.add("--" + key + "=" + value));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            TestServerNode node = new TestServerNode(process, "http://localhost:" + port, log);
            node.awaitHealthy();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The suite's database as another process reaches it. */
    private static synchronized String sharedJdbcUrl() throws IOException {
        String url = TestDatabase.jdbcUrl();
        if (TestDatabase.isPostgres()) {
            return url;
        }
        if (h2 == null) {
            try {
                h2 = Server.createTcpServer("-tcpPort", Integer.toString(TestRedis.freePort())).start();
            } catch (java.sql.SQLException e) {
                throw new IOException(e);
            }
        }
        return url.replace("jdbc:h2:mem:", "jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/mem:")
                .replace(";DB_CLOSE_DELAY=-1", "");
    }

    private void awaitHealthy() {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("node process alive; see " + log).isTrue();
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString(); // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500); // polling a process that is starting, not waiting for an expiry
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Node did not become healthy (" + last + "); see " + log.toAbsolutePath());
    }

    public String base() {
        return base;
    }

    public Http http() {
        return new Http(base);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return "node " + base + " (log " + log + File.separator + ")";
    }
}
