package com.rosettachat.auth.web;

import com.rosettachat.auth.internal.session.WebSessions;
import com.rosettachat.auth.web.AuthResponses.MessageResponse;
import com.rosettachat.shared.security.CurrentUser;
import com.rosettachat.shared.security.PublicEndpoint;
import com.rosettachat.shared.validation.Input;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The routes whose answer is the same for app and web clients (they hand out no token and no
 * session), served under both prefixes by {@link AppAuthController} and {@link WebAuthController}.
 */
abstract class AuthEndpoints {

    protected final AuthFlows flows;

    AuthEndpoints(AuthFlows flows) {
        this.flows = flows;
    }

    @PublicEndpoint
    @PostMapping("/otp")
    @Operation(summary = "Request OTP", description = "Send a one-time password to the email for passwordless sign-in.")
    MessageResponse requestOtp(Input input, HttpServletRequest request, HttpServletResponse response) {
        return flows.requestOtp(input, request, response);
    }

    @PublicEndpoint
    @PostMapping("/forgot-password")
    @Operation(summary = "Forgot Password", description = "Send a password reset link to the email.")
    MessageResponse forgotPassword(Input input, HttpServletResponse response) {
        return flows.forgotPassword(input, response);
    }

    @PublicEndpoint
    @PostMapping("/reset-password")
    @Operation(summary = "Reset Password", description = "Reset the password with the mailed token; signs out every token and session.")
    MessageResponse resetPassword(Input input) {
        return flows.resetPassword(input);
    }

    @PostMapping("/change-password")
    @Operation(summary = "Change Password", description = "Change the password; every other token and session of the user is revoked. "
            + "current_password is required only when the user has a password.")
    MessageResponse changePassword(CurrentUser caller, Input input, HttpServletRequest request) {
        return flows.changePassword(caller, input, WebSessions.currentId(request));
    }
}
