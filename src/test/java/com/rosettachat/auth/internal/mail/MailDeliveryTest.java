package com.rosettachat.auth.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.rosettachat.shared.AppProperties;
import com.rosettachat.shared.security.AppKey;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

/**
 * Delivery of a queued mail over real SMTP: sealed parameters are opened, an unreachable server
 * is retried and then reported as a failure (which leaves the publication incomplete, to be
 * resubmitted), a reachable one gets the mail.
 */
class MailDeliveryTest {

    @TempDir
    Path dir;

    private static final IncompleteEventPublications NONE = new IncompleteEventPublications() {
        @Override
        public void resubmitIncompletePublications(Predicate<EventPublication> filter) {
        }

        @Override
        public void resubmitIncompletePublicationsOlderThan(Duration duration) {
        }

        @Override
        public void resubmitIncompletePublications(ResubmissionOptions options) {
        }
    };

    private MailDelivery delivery(int port, int attempts) {
        AppProperties app = new AppProperties(dir, "http://localhost:8080", null, "test-key-for-mail-delivery");
        MailProperties properties = new MailProperties("smtp", null, "127.0.0.1", port, null, null,
                "RosettaChat <no-reply@localhost>", "none", attempts, Duration.ofMillis(10));
        return new MailDelivery(new MailTransport(properties, app), new MailTemplates(), new AppKey(app),
                properties, NONE);
    }

    private OutgoingMail mail(String to) {
        AppProperties app = new AppProperties(dir, "http://localhost:8080", null, "test-key-for-mail-delivery");
        return new OutgoingMail(to, "zh-CN", MailTemplate.OTP,
                new AppKey(app).encrypt("{\"code\":\"123456\",\"minutes\":\"10\"}"));
    }

    @Test
    void anUnreachableServerIsRetriedAndThenReportedAsFailed() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        long started = System.nanoTime();
        assertThatThrownBy(() -> delivery(closedPort, 3).on(mail("ann@example.com")))
                .isInstanceOf(IllegalStateException.class).hasMessage("Mail delivery failed");
        // Two pauses of 10 and 20 ms between three attempts.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(30));
    }

    @Test
    void aReachableServerGetsTheMailWithTheSealedValuesFilledIn() throws Exception {
        GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        try {
            delivery(server.getSmtp().getPort(), 3).on(mail("bob@example.com"));
            assertThat(server.getReceivedMessages()).hasSize(1);
            assertThat(server.getReceivedMessages()[0].getSubject()).isEqualTo("您的 RosettaChat 登录验证码：123456");
        } finally {
            server.stop();
        }
    }
}
