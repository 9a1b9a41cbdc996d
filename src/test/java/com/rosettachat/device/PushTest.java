package com.rosettachat.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import com.rosettachat.support.TestApns;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;

/** What the push tests share: devices registered through the API, and a send awaited to its report. */
abstract class PushTest extends ApiTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    PushService push;

    String registerDevice(Account account, String platform, String provider, String pushToken) {
        Http.Response r = http.post("/api/v1/devices").token(account.token())
                .json(Map.of("platform", platform, "provider", provider, "push_token", pushToken)).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("/data/id");
    }

    List<String> deviceIds(Account account) {
        Http.Response r = http.get("/api/v1/me/devices?per_page=100").token(account.token()).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().at("/data").forEach(d -> ids.add(d.path("id").asString()));
        return ids;
    }

    /** Sends and waits for the report; {@code send} itself must return at once and never throw. */
    PushReport deliver(long userId, PushNotification notification) throws Exception {
        CompletableFuture<PushReport> future = push.send(userId, notification);
        return future.get(30, TimeUnit.SECONDS);
    }

    /** A token the mock APNs server knows for our topic, registered to {@code account}. */
    String apnsDevice(Account account) {
        String token = apnsToken();
        TestApns.allow(token);
        registerDevice(account, "ios", "apns", token);
        return token;
    }

    /**
     * Answers the requests {@code request} matches with these responses in turn (a WireMock
     * scenario of its own); the last one repeats. Priority 1 puts it before the default stubs.
     */
    static void answerInTurn(WireMockServer server, String scenario, Supplier<MappingBuilder> request,
                             ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            ScenarioMappingBuilder stub = request.get().atPriority(1).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "step" + i).willReturn(responses[i]);
            if (i + 1 < responses.length) {
                stub.willSetStateTo("step" + (i + 1));
            }
            server.stubFor(stub);
        }
    }

    static String apnsToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String uniqueSuffix() {
        return Long.toString(System.nanoTime(), 36) + RANDOM.nextInt(1_000_000);
    }
}
