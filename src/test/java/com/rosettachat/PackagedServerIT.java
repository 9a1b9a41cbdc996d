package com.rosettachat;

import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.Http;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, as a user runs it: the packaged server starts on the embedded
 * default with nothing configured, serves the API, and keeps its data across a restart. Run by
 * Failsafe after {@code package}, so a dependency missing from the jar fails the build.
 */
class PackagedServerIT {

    @Test
    void theJarStartsOnTheEmbeddedDefaultAndKeepsItsDataAcrossARestart() throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("rosettachat-.*\\.jar")).findFirst().orElseThrow();
        }
        Path data = Files.createTempDirectory("rosetta-packaged");
        int port = freePort();
        Http http = new Http("http://127.0.0.1:" + port);
        String email = "packaged-" + System.nanoTime() + "@rosetta.test";

        Process first = start(jar, data, port);
        try {
            awaitUp(http, first);
            Http.Response registered = http.post("/api/v1/auth/app/register").json(Map.of("name", "Packaged",
                    "email", email, "password", "correct-horse", "password_confirmation", "correct-horse")).send();
            assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
            String token = registered.text("/access_token");
            Http.Response workspace = http.post("/api/v1/workspaces").token(token).json(Map.of("name", "Kept")).send();
            assertThat(workspace.status()).as(workspace.toString()).isEqualTo(201);
            assertThat(http.get("/v3/api-docs").send().status()).isEqualTo(200);
        } finally {
            stop(first);
        }

        Process second = start(jar, data, port);
        try {
            awaitUp(http, second);
            Http.Response login = http.post("/api/v1/auth/app/login")
                    .json(Map.of("email", email, "password", "correct-horse")).send();
            assertThat(login.status()).as(login.toString()).isEqualTo(200);
            Http.Response workspaces = http.get("/api/v1/workspaces").token(login.text("/access_token")).send();
            assertThat(workspaces.text("/data/0/name")).isEqualTo("Kept");
        } finally {
            stop(second);
        }
    }

    private static Process start(Path jar, Path data, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/packaged-server.log")));
        builder.environment().put("ROSETTA_DATA_DIR", data.toString());
        builder.environment().put("PORT", Integer.toString(port));
        return builder.start();
    }

    private static void awaitUp(Http http, Process server) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            assertThat(server.isAlive()).as("server exited; see target/packaged-server.log").isTrue();
            try {
                if (http.get("/actuator/health").send().status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("server did not come up; see target/packaged-server.log");
    }

    private static void stop(Process server) throws InterruptedException {
        server.destroy();
        if (!server.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
