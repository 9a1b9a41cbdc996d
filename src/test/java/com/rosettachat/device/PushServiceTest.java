package com.rosettachat.device;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.shared.AppProperties;
import com.rosettachat.shared.security.AppKey;
import com.rosettachat.support.TestApns;
import com.rosettachat.support.TestFcm;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The public push API across providers: who gets a push, and that the caller is never held up. */
class PushServiceTest extends PushTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyDeviceOfTheUserIsReachedThroughItsOwnProvider() throws Exception {
        Account account = register();
        String apns = apnsDevice(account);
        registerDevice(account, "android", "fcm", FcmPushTest.fcmToken());
        registerDevice(account, "android", "expo", ExpoPushTest.expoToken("mixed"));
        String othersToken = apnsDevice(register());

        assertThat(deliver(account.id(), new PushNotification("Ann", "hello"))).isEqualTo(new PushReport(3, 3, 0, 0, 0));
        assertThat(TestApns.accepted(apns)).hasSize(1);
        assertThat(TestApns.accepted(othersToken)).as("only the recipient's devices").isEmpty();
        assertThat(deliver(register().id(), new PushNotification("t", "b"))).isEqualTo(PushReport.NONE);
    }

    @Test
    void sendReturnsBeforeTheProviderAnswers() throws Exception {
        Account account = register();
        String pushToken = FcmPushTest.fcmToken();
        registerDevice(account, "android", "fcm", pushToken);
        TestFcm.server().stubFor(post(urlPathEqualTo(TestFcm.SEND_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.message.token", equalTo(pushToken)))
                .willReturn(aResponse().withStatus(200).withBody("{\"name\":\"n\"}").withFixedDelay(1_500)));
        CompletableFuture<PushReport> future = push.send(account.id(), new PushNotification("t", "b"));
        assertThat(future).as("the caller is not held while the provider takes its time").isNotDone();
        assertThat(future.get(30, TimeUnit.SECONDS).delivered()).isEqualTo(1);
    }

    @Test
    void inactiveAndUnknownUsersGetNothing() throws Exception {
        Account account = register();
        String apns = apnsDevice(account);
        assertThat(http.patch("/api/v1/admin/users/" + account.id()).token(admin().token())
                .json(Map.of("is_active", false)).send().status()).isEqualTo(200);
        assertThat(deliver(account.id(), new PushNotification("t", "b"))).isEqualTo(PushReport.NONE);
        assertThat(deliver(Long.MAX_VALUE, new PushNotification("t", "b"))).isEqualTo(PushReport.NONE);
        assertThat(TestApns.accepted(apns)).isEmpty();
    }

    @Test
    void aTokenSealedUnderAnotherAppKeyIsRemovedAndReRegistrationHealsIt() throws Exception {
        Account account = register();
        String apns = apnsToken();
        TestApns.allow(apns);
        String id = registerDevice(account, "ios", "apns", apns);
        AppKey oldKey = new AppKey(new AppProperties(Files.createTempDirectory("old-key"), "http://x", null, "an earlier key"));
        jdbc.sql("update devices set push_token = :sealed where id = :id").param("sealed", oldKey.encrypt(apns))
                .param("id", id).update();

        assertThat(deliver(account.id(), new PushNotification("t", "b"))).isEqualTo(new PushReport(1, 0, 1, 0, 0));
        assertThat(deviceIds(account)).isEmpty();

        registerDevice(account, "ios", "apns", apns); // the next app launch
        assertThat(deliver(account.id(), new PushNotification("t", "b")).delivered()).isEqualTo(1);
    }
}
