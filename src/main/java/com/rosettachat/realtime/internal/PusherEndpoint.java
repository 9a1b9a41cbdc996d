package com.rosettachat.realtime.internal;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket endpoint {@code /app/{key}}: one instance serves every socket. An unknown key is
 * answered as Reverb does (a {@code pusher:error} 4001, then the socket is closed with 4001), so
 * pusher-js gives up instead of reconnecting.
 */
final class PusherEndpoint extends Endpoint {

    private static final Logger log = LoggerFactory.getLogger(PusherEndpoint.class);
    private static final String CONNECTION = Connection.class.getName();

    private final Hub hub;
    private final PusherProtocol protocol;
    private final AppCredentials credentials;
    private final Connection.Limits limits;
    private final long activityTimeoutSeconds;
    private final int maxMessageChars;
    private final long sendTimeLimitMs;

    PusherEndpoint(Hub hub, PusherProtocol protocol, AppCredentials credentials, Connection.Limits limits,
                   long activityTimeoutSeconds, int maxMessageChars, long sendTimeLimitMs) {
        this.hub = hub;
        this.protocol = protocol;
        this.credentials = credentials;
        this.limits = limits;
        this.activityTimeoutSeconds = activityTimeoutSeconds;
        this.maxMessageChars = maxMessageChars;
        this.sendTimeLimitMs = sendTimeLimitMs;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.setMaxIdleTimeout(0);
        // a blocking send (or close) that the client does not take within the limit fails and closes the socket
        session.getUserProperties().put(Connection.BLOCKING_SEND_TIMEOUT, sendTimeLimitMs);
        if (!credentials.key().equals(session.getPathParameters().get("key"))) {
            Connection refused = new Connection("0.0", session, limits);
            refused.send(Frames.error(Frames.APP_UNKNOWN, "Application does not exist", null));
            refused.closeAfterFlush(Frames.APP_UNKNOWN, "Application does not exist");
            return;
        }
        Connection connection;
        do {
            connection = new Connection(newSocketId(), session, limits);
        } while (!hub.open(connection));
        session.getUserProperties().put(CONNECTION, connection);
        Connection opened = connection;
        session.addMessageHandler(String.class, (MessageHandler.Partial<String>) (part, last) -> onText(opened, part, last));
        connection.send(Frames.connectionEstablished(connection.socketId, activityTimeoutSeconds));
    }

    /** Tomcat hands over long frames in parts (its buffers are kept small for idle sockets); they are joined here, up to the limit. */
    private void onText(Connection connection, String part, boolean last) {
        String message = connection.joinPart(part, last, maxMessageChars);
        if (message == null) {
            return;
        }
        if (message == Connection.TOO_BIG) {
            connection.abort(CloseReason.CloseCodes.TOO_BIG.getCode(), "Message too big");
            return;
        }
        connection.inOrder(() -> {
            try {
                return protocol.handle(connection, message);
            } catch (RuntimeException e) {
                log.warn("Handling a message of {} failed", connection.socketId, e);
                connection.send(Frames.error(Frames.INVALID_MESSAGE, "Invalid message format", null));
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            }
        });
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        if (session.getUserProperties().get(CONNECTION) instanceof Connection connection) {
            connection.abort(closeReason.getCloseCode().getCode(), "Closed");
            hub.closed(connection);
        }
    }

    @Override
    public void onError(Session session, Throwable error) {
        log.debug("WebSocket error on {}", session.getId(), error);
    }

    /** Pusher's socket id shape, {@code 123456789.987654321}. */
    private static String newSocketId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return random.nextInt(1, Integer.MAX_VALUE) + "." + random.nextInt(1, Integer.MAX_VALUE);
    }
}
