package com.rosettachat.auth.web;

import com.rosettachat.auth.internal.EmailVerification;
import com.rosettachat.auth.web.AuthResponses.MessageResponse;
import com.rosettachat.shared.AppProperties;
import com.rosettachat.shared.security.CurrentUser;
import com.rosettachat.shared.security.PublicEndpoint;
import com.rosettachat.user.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth/email")
@Tag(name = "Email Verification", description = "Verify and resend email verification links")
class EmailVerificationController {

    private final EmailVerification verification;
    private final UserService users;
    private final AppProperties app;

    EmailVerificationController(EmailVerification verification, UserService users, AppProperties app) {
        this.verification = verification;
        this.users = users;
        this.app = app;
    }

    @PublicEndpoint
    @GetMapping("/verify/{id}/{hash}")
    @Operation(summary = "Verify Email", description = "Confirms the address via the signed link; redirects to "
            + "{frontend_url}/email-verified when a frontend URL is configured, else answers JSON.")
    ResponseEntity<MessageResponse> verify(@PathVariable String id, @PathVariable String hash,
                                           @RequestParam(required = false) String expires,
                                           @RequestParam(required = false) String signature) {
        verification.verify(id, hash, expires, signature);
        return verified(app);
    }

    /** The answer to a valid link: the SPA's page when there is one, else a JSON message. */
    static ResponseEntity<MessageResponse> verified(AppProperties app) {
        if (app.hasFrontend()) {
            return ResponseEntity.status(HttpStatus.FOUND)
                    .location(URI.create(app.clientUrl() + "/email-verified")).build();
        }
        return ResponseEntity.ok(new MessageResponse("Email verified successfully."));
    }

    @PostMapping("/verification-notification")
    @Operation(summary = "Resend Verification Email", description = "Answers 200 even when the account is already verified.")
    MessageResponse resend(CurrentUser caller) {
        verification.send(users.require(caller.id()));
        return new MessageResponse("Verification email sent.");
    }
}
