package com.rosettachat.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * A script under {@code src/test/js} run with {@code node} as a child process, its npm packages
 * installed on first use ({@code npm ci} from the committed lock file). The script prints one
 * JSON object per line; the test reads them in order and writes commands to its stdin.
 */
public final class NodeScript implements AutoCloseable {

    private static final Path DIRECTORY = Path.of("src/test/js");
    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<JsonNode> lines = new LinkedBlockingQueue<>();
    private final StringBuilder stderr = new StringBuilder();

    private NodeScript(Process process) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        daemon(() -> read(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), true));
        daemon(() -> read(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), false));
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "node-script-reader");
        thread.setDaemon(true);
        thread.start();
    }

    public static synchronized NodeScript start(String script, Map<String, String> environment) {
        installPackages();
        try {
            ProcessBuilder builder = new ProcessBuilder("node", script).directory(DIRECTORY.toFile());
            builder.environment().putAll(environment);
            return new NodeScript(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("node must be installed to run " + script, e);
        }
    }

    private static void installPackages() {
        if (Files.isDirectory(DIRECTORY.resolve("node_modules"))) {
            return;
        }
        try {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(DIRECTORY.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(npm.waitFor(5, TimeUnit.MINUTES)).as("npm ci finished").isTrue();
            assertThat(npm.exitValue()).as("npm ci in " + DIRECTORY).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException("npm must be installed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read(BufferedReader reader, boolean json) {
        try (reader) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (json && line.startsWith("{")) {
                    lines.add(Http.JSON.readTree(line));
                } else {
                    synchronized (stderr) {
                        stderr.append(line).append('\n');
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    public void command(String line) {
        try {
            stdin.write(line + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next printed object matching the filter, skipping others; fails after the timeout. */
    public JsonNode await(Predicate<JsonNode> filter, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                JsonNode line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    synchronized (stderr) {
                        throw new AssertionError("No matching line from node within " + timeout + "; stderr: " + stderr);
                    }
                }
                if (filter.test(line)) {
                    return line;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonNode await(String type, Duration timeout) {
        return await(line -> type.equals(line.path("type").asString()), timeout);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
