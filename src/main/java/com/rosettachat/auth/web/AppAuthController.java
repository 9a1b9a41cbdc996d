package com.rosettachat.auth.web;

import com.rosettachat.auth.internal.AuthService;
import com.rosettachat.auth.internal.session.WebSessions;
import com.rosettachat.auth.web.AuthResponses.MessageResponse;
import com.rosettachat.auth.web.AuthResponses.TokenResponse;
import com.rosettachat.shared.security.CurrentUser;
import com.rosettachat.shared.security.PublicEndpoint;
import com.rosettachat.shared.validation.Input;
import com.rosettachat.user.User;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth/app")
@Tag(name = "App Authentication", description = "Token-based authentication for native mobile and desktop applications")
class AppAuthController {

    private final AuthService auth;
    private final AuthFlows flows;

    AppAuthController(AuthService auth, AuthFlows flows) {
        this.auth = auth;
        this.flows = flows;
    }

    @PublicEndpoint
    @PostMapping("/register")
    @Operation(summary = "Register", description = "Create a new user account and return an access token.")
    TokenResponse register(Input input) {
        AuthService.Registration registration = AuthInput.registration(input);
        User user = auth.register(registration);
        return TokenResponse.of(user, auth.issueFullToken(user.id(), registration.deviceName()));
    }

    @PublicEndpoint
    @PostMapping("/login")
    @Operation(summary = "Login", description = "Authenticate with email and password and return an access token.")
    TokenResponse login(Input input, HttpServletRequest request, HttpServletResponse response) {
        AuthInput.Login login = AuthInput.login(input);
        User user = flows.login(login, request, response);
        return TokenResponse.of(user, auth.issueFullToken(user.id(), login.deviceName()));
    }

    @PublicEndpoint
    @PostMapping("/otp")
    @Operation(summary = "Request OTP", description = "Send a one-time password to the email for passwordless sign-in.")
    MessageResponse requestOtp(Input input, HttpServletRequest request, HttpServletResponse response) {
        return flows.requestOtp(input, request, response);
    }

    @PublicEndpoint
    @PostMapping("/otp/verify")
    @Operation(summary = "Verify OTP", description = "Verify the one-time password and return an access token; "
            + "creates the account when the email is new.")
    TokenResponse verifyOtp(Input input, HttpServletRequest request) {
        AuthInput.OtpCode otp = AuthInput.otpCode(input);
        User user = flows.verifyOtp(otp, request);
        return TokenResponse.of(user, auth.issueFullToken(user.id(), otp.deviceName()));
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

    @PostMapping("/logout")
    @Operation(summary = "Logout", description = "Revoke the current access token.")
    MessageResponse logout(CurrentUser caller) {
        auth.logout(caller);
        return new MessageResponse("Logged out successfully.");
    }

    @PostMapping("/change-password")
    @Operation(summary = "Change Password", description = "Change the password; every other token and session of the user is revoked.")
    MessageResponse changePassword(CurrentUser caller, Input input, HttpServletRequest request) {
        return flows.changePassword(caller, input, WebSessions.currentId(request));
    }
}
