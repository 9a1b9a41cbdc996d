package com.rosettachat.auth.web;

import com.rosettachat.auth.internal.AuthService;
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
class AppAuthController extends AuthEndpoints {

    private final AuthService auth;

    AppAuthController(AuthService auth, AuthFlows flows) {
        super(flows);
        this.auth = auth;
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
    @PostMapping("/otp/verify")
    @Operation(summary = "Verify OTP", description = "Verify the one-time password and return an access token; "
            + "creates the account when the email is new.")
    TokenResponse verifyOtp(Input input, HttpServletRequest request) {
        AuthInput.OtpCode otp = AuthInput.otpCode(input);
        User user = flows.verifyOtp(otp, request);
        return TokenResponse.of(user, auth.issueFullToken(user.id(), otp.deviceName()));
    }

    @PostMapping("/logout")
    @Operation(summary = "Logout", description = "Revoke the current access token.")
    MessageResponse logout(CurrentUser caller) {
        auth.logout(caller);
        return new MessageResponse("Logged out successfully.");
    }
}
