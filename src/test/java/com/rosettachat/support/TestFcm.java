package com.rosettachat.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A stand-in for Google's OAuth token endpoint and the FCM HTTP v1 send endpoint (WireMock), one
 * per test JVM, with a service account whose RSA key is made here, so tests can check the JWT
 * assertion's signature. By default the token endpoint grants {@link #ACCESS_TOKEN} and sends
 * carrying it succeed; tests add stubs of higher priority for one push token.
 */
public final class TestFcm {

    public static final String PROJECT = "rosetta-test";
    public static final String CLIENT_EMAIL = "push@rosetta-test.iam.gserviceaccount.com";
    public static final String KEY_ID = "test-key-1";
    public static final String ACCESS_TOKEN = "ya29.test-access-token";
    public static final String SEND_PATH = "/v1/projects/" + PROJECT + "/messages:send";
    public static final String TOKEN_PATH = "/token";

    private static WireMockServer server;
    private static KeyPair keys;

    private TestFcm() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("rosetta.push.fcm.url", () -> server().baseUrl());
        registry.add("rosetta.push.fcm.credentials", TestFcm::serviceAccountJson);
    }

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(10)
                    .withFormParam("grant_type", equalTo("urn:ietf:params:oauth:grant-type:jwt-bearer"))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json")
                            .withBody("{\"access_token\":\"" + ACCESS_TOKEN + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
            server.stubFor(post(urlPathEqualTo(SEND_PATH)).atPriority(10)
                    .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                    .withHeader("Content-Type", containing("application/json"))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json")
                            .withBody("{\"name\":\"projects/" + PROJECT + "/messages/0:1500415314455276%31bd1c9631bd1c96\"}")));
        }
        return server;
    }

    public static synchronized PublicKey publicKey() {
        return keyPair().getPublic();
    }

    private static synchronized KeyPair keyPair() {
        if (keys == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                keys = generator.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return keys;
    }

    /** The JSON Google hands out for a service account, pointing its token_uri at the stub. */
    static String serviceAccountJson() {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Map<String, String> account = new LinkedHashMap<>();
        account.put("type", "service_account");
        account.put("project_id", PROJECT);
        account.put("private_key_id", KEY_ID);
        account.put("private_key", pem);
        account.put("client_email", CLIENT_EMAIL);
        account.put("token_uri", server().baseUrl() + TOKEN_PATH);
        return Http.JSON.writeValueAsString(account);
    }
}
