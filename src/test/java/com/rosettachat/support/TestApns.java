package com.rosettachat.support;

import com.eatthepath.pushy.apns.auth.ApnsVerificationKey;
import com.eatthepath.pushy.apns.server.MockApnsServer;
import com.eatthepath.pushy.apns.server.MockApnsServerBuilder;
import com.eatthepath.pushy.apns.server.MockApnsServerListener;
import com.eatthepath.pushy.apns.server.PushNotificationHandler;
import com.eatthepath.pushy.apns.server.PushNotificationHandlerFactory;
import com.eatthepath.pushy.apns.server.RejectedNotificationException;
import com.eatthepath.pushy.apns.server.RejectionReason;
import com.eatthepath.pushy.apns.server.ValidatingPushNotificationHandlerFactory;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http2.Http2Headers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Pushy's {@link MockApnsServer}, one per test JVM: real HTTP/2 over TLS, validating token
 * authentication against the team's EC key made here, the topic, the headers and the device
 * token, as Apple's server does. Tests {@link #allow} tokens, {@link #unregister} them (410),
 * script failures with {@link #failNext}, and read what was {@link #accepted}.
 */
public final class TestApns {

    public static final String TEAM_ID = "TEAM123456";
    public static final String KEY_ID = "KEY1234567";
    public static final String TOPIC = "com.rosettachat.app";

    /** A notification the server accepted: its HTTP/2 headers and JSON payload. */
    public record Accepted(Map<String, String> headers, String payload) {
    }

    private static final Set<String> ALLOWED = ConcurrentHashMap.newKeySet();
    private static final Map<String, Instant> UNREGISTERED = new ConcurrentHashMap<>();
    private static final Map<String, Deque<RejectionReason>> SCRIPTED = new ConcurrentHashMap<>();
    private static final Map<String, List<Accepted>> ACCEPTED = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> REJECTED = new ConcurrentHashMap<>();
    private static MockApnsServer server;
    private static int port;
    private static String signingKeyPem;
    private static String certificatePem;

    private TestApns() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("rosetta.push.apns.url", () -> "https://localhost:" + start());
        registry.add("rosetta.push.apns.team-id", () -> TEAM_ID);
        registry.add("rosetta.push.apns.key-id", () -> KEY_ID);
        registry.add("rosetta.push.apns.topic", () -> TOPIC);
        registry.add("rosetta.push.apns.key", () -> {
            start();
            return signingKeyPem;
        });
        registry.add("rosetta.push.apns.trusted-certificate", () -> {
            start();
            return certificatePem;
        });
    }

    public static void allow(String token) {
        ALLOWED.add(token);
    }

    /** Apple answers 410 Unregistered for this token from now on. */
    public static void unregister(String token) {
        UNREGISTERED.put(token, Instant.now());
    }

    /** The next pushes to {@code token} are rejected with these reasons, in order. */
    public static void failNext(String token, RejectionReason... reasons) {
        SCRIPTED.computeIfAbsent(token, t -> new ConcurrentLinkedDeque<>()).addAll(List.of(reasons));
    }

    public static List<Accepted> accepted(String token) {
        return List.copyOf(ACCEPTED.getOrDefault(token, List.of()));
    }

    /** The rejection reasons the server answered for {@code token}, in order. */
    public static List<String> rejected(String token) {
        return List.copyOf(REJECTED.getOrDefault(token, List.of()));
    }

    static synchronized int start() {
        if (server != null) {
            return port;
        }
        try {
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair signing = ec.generateKeyPair();
            signingKeyPem = pem("PRIVATE KEY", signing.getPrivate().getEncoded());
            ApnsVerificationKey verification = new ApnsVerificationKey(KEY_ID, TEAM_ID, (ECPublicKey) signing.getPublic());
            Map<String, Set<String>> tokensByTopic = Map.of(TOPIC, ALLOWED);
            PushNotificationHandlerFactory validating = new ValidatingPushNotificationHandlerFactory(tokensByTopic,
                    UNREGISTERED, Map.of(KEY_ID, verification), Map.of(verification, Set.of(TOPIC)));
            PushNotificationHandlerFactory scripted = session -> {
                PushNotificationHandler inner = validating.buildHandler(session);
                return (headers, payload) -> {
                    Deque<RejectionReason> queue = SCRIPTED.get(deviceToken(headers));
                    RejectionReason reason = queue == null ? null : queue.poll();
                    if (reason != null) {
                        throw new RejectedNotificationException(reason);
                    }
                    inner.handlePushNotification(headers, payload);
                };
            };
            KeyStore tls = selfSignedLocalhost();
            X509Certificate certificate = (X509Certificate) tls.getCertificate("apns");
            certificatePem = pem("CERTIFICATE", certificate.getEncoded());
            server = new MockApnsServerBuilder()
                    .setServerCredentials(new X509Certificate[] {certificate}, (PrivateKey) tls.getKey("apns", "changeit".toCharArray()), null)
                    .setHandlerFactory(scripted)
                    .setListener(new Recorder())
                    .build();
            port = server.start(0).get(30, TimeUnit.SECONDS);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.shutdown()));
            return port;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the mock APNs server", e);
        }
    }

    private static String deviceToken(Http2Headers headers) {
        CharSequence path = headers.path();
        String p = path == null ? "" : path.toString();
        return p.startsWith("/3/device/") ? p.substring("/3/device/".length()) : p;
    }

    private static final class Recorder implements MockApnsServerListener {
        @Override
        public void handlePushNotificationAccepted(Http2Headers headers, ByteBuf payload) {
            Map<String, String> copy = new ConcurrentHashMap<>();
            headers.forEach(entry -> copy.put(entry.getKey().toString(), entry.getValue().toString()));
            ACCEPTED.computeIfAbsent(deviceToken(headers), t -> new CopyOnWriteArrayList<>())
                    .add(new Accepted(copy, payload == null ? "" : payload.toString(StandardCharsets.UTF_8)));
        }

        @Override
        public void handlePushNotificationRejected(Http2Headers headers, ByteBuf payload, RejectionReason reason,
                                                   Instant expiration) {
            REJECTED.computeIfAbsent(deviceToken(headers), t -> new CopyOnWriteArrayList<>()).add(reason.name());
        }
    }

    /** A TLS certificate for localhost, made with the JDK's keytool (no certificate library needed). */
    private static KeyStore selfSignedLocalhost() throws Exception {
        Path dir = Files.createTempDirectory("rosetta-apns");
        Path store = dir.resolve("apns.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        List<String> command = new ArrayList<>(List.of(keytool, "-genkeypair", "-alias", "apns", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit",
                "-keypass", "changeit"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, "changeit".toCharArray());
        }
        return keyStore;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
