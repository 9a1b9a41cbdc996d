package com.rosettachat.auth.web;

import com.rosettachat.auth.internal.AuthService;
import com.rosettachat.auth.internal.session.WebSessions;
import com.rosettachat.auth.web.AuthResponses.MessageResponse;
import com.rosettachat.auth.web.AuthResponses.UserResponse;
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

/**
 * Cookie sessions for single-page apps. Call {@code GET /sanctum/csrf-cookie} first; every
 * state-changing request made with the session cookie then echoes {@code X-XSRF-TOKEN}.
 */
@RestController
@RequestMapping("/api/v1/auth/web")
@Tag(name = "Web Authentication", description = "Cookie-based authentication for single-page applications")
class WebAuthController extends AuthEndpoints {

    private static final String LOGGED_IN = "Logged in successfully.";

    private final AuthService auth;
    private final WebSessions sessions;

    WebAuthController(AuthService auth, AuthFlows flows, WebSessions sessions) {
        super(flows);
        this.auth = auth;
        this.sessions = sessions;
    }

    @PublicEndpoint
    @PostMapping("/register")
    @Operation(summary = "Register", description = "Create a new user account and establish a session.")
    UserResponse register(Input input, HttpServletRequest request, HttpServletResponse response) {
        User user = auth.register(AuthInput.registration(input));
        sessions.establish(request, response, user.id());
        return UserResponse.of(user, "Registered successfully.");
    }

    @PublicEndpoint
    @PostMapping("/login")
    @Operation(summary = "Login", description = "Authenticate with email and password and establish a session.")
    UserResponse login(Input input, HttpServletRequest request, HttpServletResponse response) {
        User user = flows.login(AuthInput.login(input), request, response);
        sessions.establish(request, response, user.id());
        return UserResponse.of(user, LOGGED_IN);
    }

    @PublicEndpoint
    @PostMapping("/otp/verify")
    @Operation(summary = "Verify OTP", description = "Verify the one-time password and establish a session; "
            + "creates the account when the email is new.")
    UserResponse verifyOtp(Input input, HttpServletRequest request, HttpServletResponse response) {
        User user = flows.verifyOtp(AuthInput.otpCode(input), request);
        sessions.establish(request, response, user.id());
        return UserResponse.of(user, LOGGED_IN);
    }

    /** Ends the session; a bearer caller's token is revoked instead, so the call never half-works. */
    @PostMapping("/logout")
    @Operation(summary = "Logout", description = "Destroy the current session.")
    MessageResponse logout(CurrentUser caller, HttpServletRequest request, HttpServletResponse response) {
        if (caller.tokenId() != null) {
            auth.logout(caller);
        } else {
            sessions.destroy(request, response);
        }
        return new MessageResponse("Logged out successfully.");
    }
}
