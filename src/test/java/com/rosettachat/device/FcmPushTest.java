package com.rosettachat.device;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.rosettachat.support.Http;
import com.rosettachat.support.TestFcm;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** FCM HTTP v1 against a WireMock stand-in of Google's token and send endpoints. */
class FcmPushTest extends PushTest {

    static String fcmToken() {
        return "fcm-" + uniqueSuffix() + ":APA91bHun4MxP5egoKMwt2KZFBaFUH-1RYqx";
    }

    private static List<LoggedRequest> sends(String pushToken) {
        return TestFcm.server().findAll(postRequestedFor(urlPathEqualTo(TestFcm.SEND_PATH))
                .withRequestBody(matchingJsonPath("$.message.token", equalTo(pushToken))));
    }

    private static int tokenRequests() {
        return TestFcm.server().findAll(postRequestedFor(urlPathEqualTo(TestFcm.TOKEN_PATH))).size();
    }

    private static void answer(String pushToken, ResponseDefinitionBuilder... responses) {
        answerInTurn(TestFcm.server(), "fcm-" + pushToken, () -> post(urlPathEqualTo(TestFcm.SEND_PATH))
                .withRequestBody(matchingJsonPath("$.message.token", equalTo(pushToken))), responses);
    }

    private static ResponseDefinitionBuilder fcmError(int status, String state, String message, String errorCode) {
        String details = errorCode == null ? "[]"
                : "[{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\",\"errorCode\":\"" + errorCode + "\"}]";
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":" + status + ",\"message\":\"" + message + "\",\"status\":\"" + state
                        + "\",\"details\":" + details + "}}");
    }

    @Test
    void theTextAndDataArriveInAnFcmV1Message() throws Exception {
        Account account = register();
        String pushToken = fcmToken();
        registerDevice(account, "android", "fcm", pushToken);
        Map<String, String> data = new LinkedHashMap<>();
        data.put("type", "direct_message");
        data.put("conversation_id", "01ktvxyqmbcm7abv91483q1hfd");
        PushReport report = deliver(account.id(), new PushNotification("Ann", "สวัสดีครับ 🙂 see you", data));
        assertThat(report).isEqualTo(new PushReport(1, 1, 0, 0, 0));

        List<LoggedRequest> sent = sends(pushToken);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getHeader("Authorization")).isEqualTo("Bearer " + TestFcm.ACCESS_TOKEN);
        JsonNode message = Http.JSON.readTree(sent.get(0).getBodyAsString()).path("message");
        assertThat(message.path("token").asString()).isEqualTo(pushToken);
        assertThat(message.path("notification").path("title").asString()).isEqualTo("Ann");
        assertThat(message.path("notification").path("body").asString()).isEqualTo("สวัสดีครับ 🙂 see you");
        assertThat(message.path("data").path("type").asString()).isEqualTo("direct_message");
        assertThat(message.path("data").path("conversation_id").asString()).isEqualTo("01ktvxyqmbcm7abv91483q1hfd");
        assertThat(message.path("android").path("priority").asString()).isEqualTo("high");
    }

    @Test
    void signsInWithAnRs256ServiceAccountAssertionAndCachesTheAccessToken() throws Exception {
        Account account = register();
        String pushToken = fcmToken();
        registerDevice(account, "android", "fcm", pushToken);
        clock.advance(Duration.ofHours(2)); // past any cached token's lifetime
        int before = tokenRequests();
        assertThat(deliver(account.id(), new PushNotification("t", "b")).delivered()).isEqualTo(1);
        assertThat(tokenRequests()).isEqualTo(before + 1);
        assertThat(deliver(account.id(), new PushNotification("t", "again")).delivered()).isEqualTo(1);
        assertThat(tokenRequests()).as("the access token is reused until it expires").isEqualTo(before + 1);

        List<LoggedRequest> tokenCalls = TestFcm.server().findAll(postRequestedFor(urlPathEqualTo(TestFcm.TOKEN_PATH)));
        Map<String, String> form = form(tokenCalls.get(tokenCalls.size() - 1).getBodyAsString());
        assertThat(form.get("grant_type")).isEqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer");
        String[] jwt = form.get("assertion").split("\\.");
        assertThat(jwt).hasSize(3);
        JsonNode header = Http.JSON.readTree(Base64.getUrlDecoder().decode(jwt[0]));
        JsonNode claims = Http.JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        assertThat(header.path("alg").asString()).isEqualTo("RS256");
        assertThat(header.path("kid").asString()).isEqualTo(TestFcm.KEY_ID);
        assertThat(claims.path("iss").asString()).isEqualTo(TestFcm.CLIENT_EMAIL);
        assertThat(claims.path("scope").asString()).isEqualTo("https://www.googleapis.com/auth/firebase.messaging");
        assertThat(claims.path("aud").asString()).isEqualTo(TestFcm.server().baseUrl() + TestFcm.TOKEN_PATH);
        long iat = claims.path("iat").asLong();
        assertThat(Math.abs(iat - clock.instant().getEpochSecond())).isLessThan(60);
        assertThat(claims.path("exp").asLong()).isEqualTo(iat + 3600);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(TestFcm.publicKey());
        rsa.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(jwt[2]))).as("signature made with the service account key").isTrue();
    }

    @Test
    void anAccessTokenRefusedWith401IsRenewedAndThePushRetried() throws Exception {
        Account account = register();
        String pushToken = fcmToken();
        registerDevice(account, "android", "fcm", pushToken);
        answer(pushToken, fcmError(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.", null),
                aResponse().withStatus(200).withBody("{\"name\":\"projects/x/messages/1\"}"));
        int before = tokenRequests();
        assertThat(deliver(account.id(), new PushNotification("t", "b")).delivered()).isEqualTo(1);
        assertThat(sends(pushToken)).hasSize(2);
        assertThat(tokenRequests()).isEqualTo(before + 1);
    }

    @Test
    void anUnregisteredTokenDeletesTheDevice() throws Exception {
        Account account = register();
        String pushToken = fcmToken();
        String gone = registerDevice(account, "android", "fcm", pushToken);
        String kept = registerDevice(account, "android", "fcm", fcmToken());
        answer(pushToken, fcmError(404, "NOT_FOUND", "Requested entity was not found.", "UNREGISTERED"));
        assertThat(deliver(account.id(), new PushNotification("t", "b"))).isEqualTo(new PushReport(2, 1, 1, 0, 0));
        assertThat(deviceIds(account)).containsExactly(kept).doesNotContain(gone);
    }

    @Test
    void anInvalidArgumentDeletesTheDeviceOnlyWhenItBlamesTheToken() throws Exception {
        Account badToken = register();
        String malformed = fcmToken();
        registerDevice(badToken, "web", "fcm", malformed);
        answer(malformed, fcmError(400, "INVALID_ARGUMENT", "The registration token is not a valid FCM registration token",
                "INVALID_ARGUMENT"));
        assertThat(deliver(badToken.id(), new PushNotification("t", "b")).removed()).isEqualTo(1);
        assertThat(deviceIds(badToken)).isEmpty();

        Account badPayload = register();
        String fine = fcmToken();
        String id = registerDevice(badPayload, "web", "fcm", fine);
        answer(fine, fcmError(400, "INVALID_ARGUMENT", "Invalid value at 'message.data[0].value'", "INVALID_ARGUMENT"));
        assertThat(deliver(badPayload.id(), new PushNotification("t", "b"))).isEqualTo(new PushReport(1, 0, 0, 1, 0));

        // A 404 that is not UNREGISTERED (a wrong project id) must not wipe the user's devices either.
        answer(fine, fcmError(404, "NOT_FOUND", "Requested entity was not found.", null));
        assertThat(deliver(badPayload.id(), new PushNotification("t", "b")).failed()).isEqualTo(1);
        assertThat(deviceIds(badPayload)).containsExactly(id);
    }

    @Test
    void serverErrorsAndRateLimitsAreRetriedHonouringRetryAfter() throws Exception {
        Account account = register();
        String pushToken = fcmToken();
        registerDevice(account, "android", "fcm", pushToken);
        answer(pushToken, fcmError(503, "UNAVAILABLE", "The service is currently unavailable.", "UNAVAILABLE"),
                fcmError(429, "RESOURCE_EXHAUSTED", "Quota exceeded.", "QUOTA_EXCEEDED").withHeader("Retry-After", "1"),
                aResponse().withStatus(200).withBody("{\"name\":\"projects/x/messages/2\"}"));
        assertThat(deliver(account.id(), new PushNotification("t", "b"))).isEqualTo(new PushReport(1, 1, 0, 0, 0));
        List<LoggedRequest> sent = sends(pushToken);
        assertThat(sent).hasSize(3);
        Instant second = sent.get(1).getLoggedDate().toInstant();
        Instant third = sent.get(2).getLoggedDate().toInstant();
        assertThat(Duration.between(second, third)).as("waited the Retry-After second").isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void anOutageIsRetriedThenGivenUpWithoutThrowingOrLosingTheDevice() throws Exception {
        Account account = register();
        String down = fcmToken();
        String failing = fcmToken();
        registerDevice(account, "android", "fcm", down);
        registerDevice(account, "android", "fcm", failing);
        answer(down, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        answer(failing, fcmError(500, "INTERNAL", "Internal error encountered.", "INTERNAL"));

        PushReport report = deliver(account.id(), new PushNotification("t", "b"));
        assertThat(report).isEqualTo(new PushReport(2, 0, 0, 2, 0));
        assertThat(sends(down)).hasSize(3);
        assertThat(sends(failing)).hasSize(3);
        assertThat(deviceIds(account)).hasSize(2);
    }

    @Test
    void aRequestThatTimesOutIsRetried() throws Exception {
        Account account = register();
        String pushToken = fcmToken();
        registerDevice(account, "android", "fcm", pushToken);
        answer(pushToken, aResponse().withStatus(200).withFixedDelay(8_000), // beyond the 5 s timeout of the test settings
                aResponse().withStatus(200).withBody("{\"name\":\"projects/x/messages/3\"}"));
        assertThat(deliver(account.id(), new PushNotification("t", "b")).delivered()).isEqualTo(1);
        assertThat(sends(pushToken)).hasSize(2);
    }

    @Test
    void aRetryAfterLongerThanTheLongestBackoffIsNotWaitedFor() throws Exception {
        Account account = register();
        String pushToken = fcmToken();
        registerDevice(account, "android", "fcm", pushToken);
        answer(pushToken, fcmError(429, "RESOURCE_EXHAUSTED", "Quota exceeded.", "QUOTA_EXCEEDED").withHeader("Retry-After", "3600"));
        assertThat(deliver(account.id(), new PushNotification("t", "b")).failed()).isEqualTo(1);
        assertThat(sends(pushToken)).hasSize(1);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return values;
    }
}
