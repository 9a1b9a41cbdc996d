package com.rosettachat.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.test.context.DynamicPropertyRegistry;
import redis.embedded.RedisServer;

/**
 * One real redis-server per test JVM (bundled with embedded-redis), started on first use. The
 * PostgreSQL run of the suite puts the realtime engine on it, as production with several nodes
 * does; the H2 run keeps the in-process default.
 */
public final class TestRedis {

    private static RedisServer server;
    private static int port;

    private TestRedis() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("rosetta.realtime.redis-url", TestRedis::url);
    }

    public static synchronized String url() {
        if (server == null) {
            try {
                port = freePort();
                server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                        .setting("save \"\"").setting("appendonly no").build();
                server.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return "redis://127.0.0.1:" + port;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
