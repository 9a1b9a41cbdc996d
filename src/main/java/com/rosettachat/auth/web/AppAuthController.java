package com.rosettachat.auth.web;

import com.rosettachat.auth.internal.AuthService;
import com.rosettachat.auth.internal.LoginThrottle;
import com.rosettachat.auth.web.AuthResponses.MessageResponse;
import com.rosettachat.auth.web.AuthResponses.TokenResponse;
import com.rosettachat.shared.ratelimit.RateLimitHeaders;
import com.rosettachat.shared.security.CurrentUser;
import com.rosettachat.shared.security.PublicEndpoint;
import com.rosettachat.shared.validation.Input;
import com.rosettachat.shared.web.ClientIp;
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
    private final LoginThrottle throttle;

    AppAuthController(AuthService auth, LoginThrottle throttle) {
        this.auth = auth;
        this.throttle = throttle;
    }

    @PublicEndpoint
    @PostMapping("/register")
    @Operation(summary = "Register", description = "Create a new user account and return an access token.")
    TokenResponse register(Input input) {
        AuthService.Registration registration = AuthInput.registration(input);
        AuthService.SignedIn signedIn = auth.register(registration);
        return TokenResponse.of(signedIn.user(), signedIn.accessToken());
    }

    @PublicEndpoint
    @PostMapping("/login")
    @Operation(summary = "Login", description = "Authenticate with email and password and return an access token.")
    TokenResponse login(Input input, HttpServletRequest request, HttpServletResponse response) {
        String email = input.field("email").required().string().email().max(255).asString();
        String password = input.field("password").required().string().max(1000).asString();
        String device = input.field("device_name").string().max(255).asString();
        input.validate();
        String key = LoginThrottle.key(email, ClientIp.of(request));
        try {
            AuthService.SignedIn signedIn = auth.login(email, password, device, ClientIp.of(request));
            return TokenResponse.of(signedIn.user(), signedIn.accessToken());
        } finally {
            RateLimitHeaders.apply(response, throttle.status(key));
        }
    }

    @PostMapping("/logout")
    @Operation(summary = "Logout", description = "Revoke the current access token.")
    MessageResponse logout(CurrentUser caller) {
        auth.logout(caller);
        return new MessageResponse("Logged out successfully.");
    }

    @PostMapping("/change-password")
    @Operation(summary = "Change Password", description = "Change the password; every other token of the user is revoked.")
    MessageResponse changePassword(CurrentUser caller, Input input) {
        var current = input.field("current_password");
        if (auth.hasPassword(caller.id())) {
            current.required();
        }
        String currentPassword = current.string().asString();
        String password = AuthInput.newPassword(input);
        input.validate();
        auth.changePassword(caller, currentPassword, password);
        return new MessageResponse("Password changed successfully.");
    }
}
