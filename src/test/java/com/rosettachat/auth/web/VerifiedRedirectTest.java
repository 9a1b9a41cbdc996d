package com.rosettachat.auth.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.shared.AppProperties;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The answer to a valid verification link when a frontend is configured. The suite's one server
 * runs without a frontend (its JSON answer is tested over HTTP in EmailVerificationTest), so the
 * redirect branch is checked here on the decision itself.
 */
class VerifiedRedirectTest {

    @Test
    void aConfiguredFrontendGetsA302ToItsEmailVerifiedPage() {
        var r = EmailVerificationController.verified(
                new AppProperties(Path.of("."), "http://api.example.com", "https://app.example.com/", null));
        assertThat(r.getStatusCode().value()).isEqualTo(302);
        assertThat(r.getHeaders().getLocation()).hasToString("https://app.example.com/email-verified");
        assertThat(r.getBody()).isNull();
    }

    @Test
    void withoutAFrontendTheAnswerIsJson() {
        var r = EmailVerificationController.verified(new AppProperties(Path.of("."), "http://api.example.com", " ", null));
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(r.getBody().message()).isEqualTo("Email verified successfully.");
    }
}
