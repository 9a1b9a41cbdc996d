package com.rosettachat.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.pushy.apns.server.RejectionReason;
import com.rosettachat.support.Http;
import com.rosettachat.support.TestApns;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * APNs over HTTP/2 and TLS against Pushy's mock server, which checks the ES256 provider token
 * against the team's key, the topic and the device token as Apple does.
 */
class ApnsPushTest extends PushTest {

    @Test
    void anAlertWithTheTextArrivesWithTheApnsHeaders() throws Exception {
        Account account = register();
        String token = apnsDevice(account);
        PushReport report = deliver(account.id(), new PushNotification("Reply from Ann", "ありがとう！ thread reply",
                Map.of("message_id", "01ktvxyqmbcm7abv91483q1hfd", "aps", "must not clobber aps")));
        assertThat(report).isEqualTo(new PushReport(1, 1, 0, 0, 0));

        List<TestApns.Accepted> accepted = TestApns.accepted(token);
        assertThat(accepted).hasSize(1);
        Map<String, String> headers = accepted.get(0).headers();
        assertThat(headers.get(":method")).isEqualTo("POST");
        assertThat(headers.get(":path")).isEqualTo("/3/device/" + token);
        assertThat(headers.get("apns-topic")).isEqualTo(TestApns.TOPIC);
        assertThat(headers.get("apns-push-type")).isEqualTo("alert");
        assertThat(headers.get("apns-priority")).isEqualTo("10");
        assertThat(headers.get("authorization")).startsWith("bearer ");
        JsonNode payload = Http.JSON.readTree(accepted.get(0).payload());
        assertThat(payload.at("/aps/alert/title").asString()).isEqualTo("Reply from Ann");
        assertThat(payload.at("/aps/alert/body").asString()).isEqualTo("ありがとう！ thread reply");
        assertThat(payload.at("/aps/sound").asString()).isEqualTo("default");
        assertThat(payload.path("message_id").asString()).isEqualTo("01ktvxyqmbcm7abv91483q1hfd");
    }

    @Test
    void unregisteredAndBadTokensDeleteTheirDevices() throws Exception {
        Account account = register();
        String unregistered = apnsToken();
        TestApns.allow(unregistered);
        TestApns.unregister(unregistered);
        String kept = apnsToken();
        TestApns.allow(kept);
        String gone = registerDevice(account, "ios", "apns", unregistered);
        String bad = registerDevice(account, "ios", "apns", "not-a-hex-token-" + uniqueSuffix());
        String keptId = registerDevice(account, "ios", "apns", kept);

        assertThat(deliver(account.id(), new PushNotification("t", "b"))).isEqualTo(new PushReport(3, 1, 2, 0, 0));
        assertThat(TestApns.rejected(unregistered)).containsExactly("UNREGISTERED");
        assertThat(deviceIds(account)).containsExactly(keptId).doesNotContain(gone, bad);
    }

    @Test
    void serverErrorsAndThrottlingAreRetried() throws Exception {
        Account account = register();
        String token = apnsToken();
        TestApns.allow(token);
        TestApns.failNext(token, RejectionReason.INTERNAL_SERVER_ERROR, RejectionReason.TOO_MANY_REQUESTS);
        registerDevice(account, "ios", "apns", token);
        assertThat(deliver(account.id(), new PushNotification("t", "b"))).isEqualTo(new PushReport(1, 1, 0, 0, 0));
        assertThat(TestApns.rejected(token)).containsExactly("INTERNAL_SERVER_ERROR", "TOO_MANY_REQUESTS");
        assertThat(TestApns.accepted(token)).hasSize(1);
    }

    @Test
    void anOutageIsGivenUpAfterTheLastAttemptAndTheDeviceKept() throws Exception {
        Account account = register();
        String token = apnsToken();
        TestApns.allow(token);
        TestApns.failNext(token, RejectionReason.SERVICE_UNAVAILABLE, RejectionReason.SERVICE_UNAVAILABLE,
                RejectionReason.SERVICE_UNAVAILABLE, RejectionReason.SERVICE_UNAVAILABLE);
        String id = registerDevice(account, "ios", "apns", token);
        assertThat(deliver(account.id(), new PushNotification("t", "b"))).isEqualTo(new PushReport(1, 0, 0, 1, 0));
        assertThat(TestApns.rejected(token)).hasSize(3);
        assertThat(deviceIds(account)).containsExactly(id);
    }

    @Test
    void aRefusalThatIsNotAboutTheTokenKeepsTheDevice() throws Exception {
        Account account = register();
        String otherApp = apnsToken(); // a well-formed token the server does not know for our topic
        String id = registerDevice(account, "ios", "apns", otherApp);
        assertThat(deliver(account.id(), new PushNotification("t", "b"))).isEqualTo(new PushReport(1, 0, 0, 1, 0));
        assertThat(TestApns.rejected(otherApp)).containsExactly("DEVICE_TOKEN_NOT_FOR_TOPIC");
        assertThat(deviceIds(account)).containsExactly(id);
    }
}
