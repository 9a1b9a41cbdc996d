package com.rosettachat.device.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * OAuth2 access tokens for FCM from a Google service account: an RS256-signed JWT assertion is
 * exchanged at the account's {@code token_uri} (the jwt-bearer grant), and the token is cached
 * until a minute before it expires, so a busy server asks once an hour.
 */
final class FcmAccessTokens {

    static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
    private static final Duration EARLY = Duration.ofSeconds(60);

    /** The parts of the service-account JSON that sign in. */
    record ServiceAccount(String clientEmail, String privateKeyId, PrivateKey privateKey, String tokenUri, String projectId) {

        static ServiceAccount parse(String json) throws IOException {
            JsonNode node = PushHttp.JSON.readTree(json);
            String email = node.path("client_email").asString("");
            String pem = node.path("private_key").asString("");
            if (email.isBlank() || pem.isBlank()) {
                throw new IOException("the service-account JSON lacks client_email or private_key");
            }
            return new ServiceAccount(email, node.path("private_key_id").asString(null), rsaKey(pem),
                    node.path("token_uri").asString("https://oauth2.googleapis.com/token"),
                    node.path("project_id").asString(null));
        }

        private static PrivateKey rsaKey(String pem) throws IOException {
            String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            try {
                return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IOException("the service-account private_key is not a PKCS#8 RSA key", e);
            }
        }
    }

    /** Signing in failed; {@code transientFailure} when trying again later may help. */
    static final class TokenFailure extends Exception {
        final boolean transientFailure;
        final Duration retryAfter;

        TokenFailure(String message, boolean transientFailure, Duration retryAfter) {
            super(message, null, false, false);
            this.transientFailure = transientFailure;
            this.retryAfter = retryAfter;
        }
    }

    private final ServiceAccount account;
    private final PushHttp http;
    private final Clock clock;
    private String token;
    private Instant refreshAt = Instant.MIN;

    FcmAccessTokens(ServiceAccount account, PushHttp http, Clock clock) {
        this.account = account;
        this.http = http;
        this.clock = clock;
    }

    synchronized String get() throws TokenFailure {
        if (token != null && clock.instant().isBefore(refreshAt)) {
            return token;
        }
        Instant now = clock.instant();
        String form = "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&assertion=" + URLEncoder.encode(assertion(now), StandardCharsets.UTF_8);
        HttpResponse<String> response;
        try {
            response = http.send(http.request(account.tokenUri())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        } catch (IOException e) {
            throw new TokenFailure("token endpoint unreachable: " + e, true, null);
        }
        JsonNode body = PushHttp.json(response.body());
        if (response.statusCode() != 200 || !body.path("access_token").isString()) {
            throw new TokenFailure("token endpoint answered " + response.statusCode() + " " + body.path("error").asString(""),
                    PushHttp.isTransient(response.statusCode()), PushHttp.retryAfter(response, clock));
        }
        token = body.path("access_token").asString();
        long lifetime = body.path("expires_in").asLong(3600);
        refreshAt = now.plusSeconds(lifetime).minus(EARLY);
        return token;
    }

    /** FCM refused the token (401): the next call signs in again. */
    synchronized void invalidate(String rejected) {
        if (rejected.equals(token)) {
            token = null;
        }
    }

    String assertion(Instant now) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        if (account.privateKeyId() != null) {
            header.put("kid", account.privateKeyId());
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", account.clientEmail());
        claims.put("scope", SCOPE);
        claims.put("aud", account.tokenUri());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.getEpochSecond() + 3600);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(PushHttp.JSON.writeValueAsBytes(header)) + "."
                + b64.encodeToString(PushHttp.JSON.writeValueAsBytes(claims));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(account.privateKey());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
