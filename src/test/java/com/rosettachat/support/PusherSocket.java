package com.rosettachat.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * A plain Pusher-protocol client over the JDK's WebSocket: what a mobile SDK sees on the wire.
 * Frames are kept in arrival order; {@link #next()} takes the next one, {@link #await} skips to an
 * event.
 */
public final class PusherSocket implements WebSocket.Listener, AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    private String socketId;
    private volatile boolean paused;

    private PusherSocket() {
    }

    /** Connects to {@code /app/{key}} of the server at {@code httpBase} without waiting for the handshake frame. */
    public static PusherSocket open(String httpBase, String key) {
        PusherSocket listener = new PusherSocket();
        String url = httpBase.replaceFirst("^http", "ws") + "/app/" + key + "?protocol=7&client=java&version=1.0";
        listener.socket = CLIENT.newWebSocketBuilder().buildAsync(URI.create(url), listener).join();
        return listener;
    }

    /** Connects and reads {@code pusher:connection_established}. */
    public static PusherSocket connect(String httpBase, String key) {
        PusherSocket socket = open(httpBase, key);
        JsonNode established = socket.next();
        assertThat(established.path("event").asString()).isEqualTo("pusher:connection_established");
        socket.socketId = data(established).path("socket_id").asString();
        return socket;
    }

    /** The {@code auth} signature {@code /broadcasting/auth} of the server behind {@code http} grants (asserted 200). */
    public static String authorize(Http http, String token, String socketId, String channel) {
        Http.Response r = http.post("/broadcasting/auth").token(token)
                .json(Map.of("socket_id", socketId, "channel_name", channel)).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.text("/auth");
    }

    /**
     * A socket on the server at {@code socketBase} ({@code rosetta} key), subscribed to {@code
     * channel} with the bearer {@code token}, authorized by the server behind {@code authHttp}
     * (another node in multi-node tests), once the subscription succeeded.
     */
    public static PusherSocket subscribed(String socketBase, Http authHttp, String token, String channel) {
        PusherSocket socket = connect(socketBase, "rosetta");
        socket.subscribe(channel, authorize(authHttp, token, socket.socketId(), channel));
        assertThat(socket.await("pusher_internal:subscription_succeeded").path("channel").asString()).isEqualTo(channel);
        return socket;
    }

    public String socketId() {
        return socketId;
    }

    public void send(Map<String, ?> message) {
        send(Http.JSON.writeValueAsString(message));
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public void subscribe(String channel, String auth) {
        send(Map.of("event", "pusher:subscribe", "data", Map.of("channel", channel, "auth", auth)));
    }

    public JsonNode next() {
        try {
            JsonNode frame = frames.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(frame).as("a frame within " + TIMEOUT).isNotNull();
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next frame with this event name; frames before it are returned in {@code skipped}. */
    public JsonNode await(String event, List<JsonNode> skipped) {
        while (true) {
            JsonNode frame = next();
            if (event.equals(frame.path("event").asString())) {
                return frame;
            }
            skipped.add(frame);
        }
    }

    public JsonNode await(String event) {
        return await(event, new ArrayList<>());
    }

    /**
     * Everything the server sent before its answer to a ping sent now: frames queued for this socket
     * before this call arrive before the pong, so an empty answer proves nothing else was sent.
     */
    public List<JsonNode> drain() {
        send(Map.of("event", "pusher:ping", "data", Map.of()));
        List<JsonNode> before = new ArrayList<>();
        await("pusher:pong", before);
        return before;
    }

    /** The close code the server sent, waiting for it. */
    public int closeCode() {
        return closed.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** A frame's {@code data}, which the protocol sends as JSON text inside a string. */
    public static JsonNode data(JsonNode frame) {
        JsonNode data = frame.path("data");
        assertThat(data.isString()).as("data is a JSON-encoded string: " + frame).isTrue();
        return Http.JSON.readTree(data.asString());
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence text, boolean last) {
        partial.append(text);
        if (last) {
            frames.add(Http.JSON.readTree(partial.toString()));
            partial.setLength(0);
        }
        if (!paused) {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    /** Stops reading from the socket, as a client on a stalled network does; the server's data piles up. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
        socket.request(Long.MAX_VALUE);
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.abort();
        }
    }
}
