package com.rosettachat.device;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.rosettachat.support.Http;
import com.rosettachat.support.TestExpo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Expo's push API against a WireMock stand-in that answers one ticket per message. */
class ExpoPushTest extends PushTest {

    static String expoToken(String marker) {
        return "ExponentPushToken[" + marker + uniqueSuffix() + "]";
    }

    private static List<LoggedRequest> sends(String pushToken) {
        return TestExpo.server().findAll(postRequestedFor(urlPathEqualTo(TestExpo.SEND_PATH))
                .withRequestBody(containing(pushToken)));
    }

    private static void answer(String pushToken, ResponseDefinitionBuilder... responses) {
        answerInTurn(TestExpo.server(), "expo-" + pushToken,
                () -> post(urlPathEqualTo(TestExpo.SEND_PATH)).withRequestBody(containing(pushToken)), responses);
    }

    private static ResponseDefinitionBuilder okTicket() {
        return aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"data\":[{\"status\":\"ok\",\"id\":\"XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX\"}]}");
    }

    @Test
    void messagesGoAsOneArrayWithTheAccessToken() throws Exception {
        Account account = register();
        String phone = expoToken("phone");
        String tablet = expoToken("tablet");
        registerDevice(account, "ios", "expo", phone);
        registerDevice(account, "android", "expo", tablet);
        PushReport report = deliver(account.id(), new PushNotification("Ann in #general", "@you 見てください",
                Map.of("channel_id", "01ktvxyqmbcm7abv91483q1hfd")));
        assertThat(report).isEqualTo(new PushReport(2, 2, 0, 0, 0));

        List<LoggedRequest> sent = sends(phone);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getHeader("Authorization")).isEqualTo("Bearer " + TestExpo.ACCESS_TOKEN);
        assertThat(sent.get(0).getHeader("Content-Type")).startsWith("application/json");
        JsonNode body = Http.JSON.readTree(sent.get(0).getBodyAsString());
        assertThat(body.isArray()).isTrue();
        List<String> recipients = new ArrayList<>();
        body.forEach(m -> recipients.add(m.path("to").asString()));
        assertThat(recipients).containsExactlyInAnyOrder(phone, tablet);
        JsonNode message = body.get(0);
        assertThat(message.path("title").asString()).isEqualTo("Ann in #general");
        assertThat(message.path("body").asString()).isEqualTo("@you 見てください");
        assertThat(message.path("data").path("channel_id").asString()).isEqualTo("01ktvxyqmbcm7abv91483q1hfd");
        assertThat(message.path("sound").asString()).isEqualTo("default");
    }

    @Test
    void aDeviceNotRegisteredTicketDeletesThatDeviceOnly() throws Exception {
        Account account = register();
        String gone = registerDevice(account, "android", "expo", expoToken(TestExpo.GONE));
        String kept = registerDevice(account, "android", "expo", expoToken("alive"));
        assertThat(deliver(account.id(), new PushNotification("t", "b"))).isEqualTo(new PushReport(2, 1, 1, 0, 0));
        assertThat(deviceIds(account)).containsExactly(kept).doesNotContain(gone);
    }

    @Test
    void rateLimitsAndServerErrorsAreRetried() throws Exception {
        Account account = register();
        String pushToken = expoToken("busy");
        registerDevice(account, "ios", "expo", pushToken);
        answer(pushToken,
                aResponse().withStatus(429).withHeader("Retry-After", "0")
                        .withBody("{\"errors\":[{\"code\":\"RATE_LIMIT_EXCEEDED\",\"message\":\"slow down\"}]}"),
                aResponse().withStatus(502).withBody("<html>Bad gateway</html>"),
                okTicket());
        assertThat(deliver(account.id(), new PushNotification("t", "b"))).isEqualTo(new PushReport(1, 1, 0, 0, 0));
        assertThat(sends(pushToken)).hasSize(3);
    }

    @Test
    void aTicketRateErrorIsRetriedAndARefusedRequestIsNot() throws Exception {
        Account account = register();
        String pushToken = expoToken("rated");
        registerDevice(account, "ios", "expo", pushToken);
        answer(pushToken, aResponse().withHeader("Content-Type", "application/json").withBody(
                "{\"data\":[{\"status\":\"error\",\"message\":\"too many\",\"details\":{\"error\":\"MessageRateExceeded\"}}]}"),
                okTicket());
        assertThat(deliver(account.id(), new PushNotification("t", "b")).delivered()).isEqualTo(1);
        assertThat(sends(pushToken)).hasSize(2);

        Account refused = register();
        String invalid = expoToken("refused");
        String id = registerDevice(refused, "ios", "expo", invalid);
        answer(invalid, aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":[{\"code\":\"VALIDATION_ERROR\",\"message\":\"\\\"to\\\" is invalid\"}]}"));
        assertThat(deliver(refused.id(), new PushNotification("t", "b"))).isEqualTo(new PushReport(1, 0, 0, 1, 0));
        assertThat(sends(invalid)).hasSize(1);
        assertThat(deviceIds(refused)).containsExactly(id);
    }
}
