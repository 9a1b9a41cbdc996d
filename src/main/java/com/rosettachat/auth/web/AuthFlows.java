package com.rosettachat.auth.web;

import com.rosettachat.auth.internal.AuthService;
import com.rosettachat.auth.internal.LoginThrottle;
import com.rosettachat.auth.internal.OtpService;
import com.rosettachat.auth.internal.PasswordResets;
import com.rosettachat.auth.internal.mail.Mailer;
import com.rosettachat.auth.web.AuthResponses.MessageResponse;
import com.rosettachat.shared.ratelimit.RateLimitHeaders;
import com.rosettachat.shared.security.CurrentUser;
import com.rosettachat.shared.validation.Input;
import com.rosettachat.shared.web.ClientIp;
import com.rosettachat.user.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

/**
 * What the app (token) and web (cookie) endpoints have in common: they decide who the user is
 * the same way and differ only in what they hand back (a token or a session).
 */
@Component
class AuthFlows {

    private final AuthService auth;
    private final LoginThrottle throttle;
    private final OtpService otps;
    private final PasswordResets resets;

    AuthFlows(AuthService auth, LoginThrottle throttle, OtpService otps, PasswordResets resets) {
        this.auth = auth;
        this.throttle = throttle;
        this.otps = otps;
        this.resets = resets;
    }

    /** Password login; the response carries the lockout budget whatever the outcome. */
    User login(AuthInput.Login login, HttpServletRequest request, HttpServletResponse response) {
        String ip = ClientIp.of(request);
        try {
            return auth.login(login.email(), login.password(), ip);
        } finally {
            RateLimitHeaders.apply(response, throttle.status(LoginThrottle.key(login.email(), ip)));
        }
    }

    MessageResponse requestOtp(Input input, HttpServletRequest request, HttpServletResponse response) {
        String email = AuthInput.email(input);
        input.validate();
        RateLimitHeaders.apply(response, otps.request(email, language(request)));
        return new MessageResponse("OTP sent to your email.");
    }

    User verifyOtp(AuthInput.OtpCode otp, HttpServletRequest request) {
        return auth.signedIn(otps.verify(otp.email(), otp.code(), language(request)));
    }

    MessageResponse forgotPassword(Input input, HttpServletResponse response) {
        String email = AuthInput.email(input);
        input.validate();
        RateLimitHeaders.apply(response, resets.forgot(email));
        return new MessageResponse("Password reset link sent to your email.");
    }

    MessageResponse resetPassword(Input input) {
        AuthInput.Reset reset = AuthInput.reset(input);
        resets.reset(reset.email(), reset.token(), reset.password());
        return new MessageResponse("Password has been reset successfully.");
    }

    /** {@code current_password} is required only of users who have a password. */
    MessageResponse changePassword(CurrentUser caller, Input input, String sessionId) {
        var current = input.field("current_password");
        if (auth.hasPassword(caller.id())) {
            current.required();
        }
        String currentPassword = current.string().asString();
        String password = AuthInput.newPassword(input);
        input.validate();
        auth.changePassword(caller, sessionId, currentPassword, password);
        return new MessageResponse("Password changed successfully.");
    }

    /** New accounts made by a code or a provider speak the language the client asked in. */
    static String language(HttpServletRequest request) {
        return Mailer.fromAcceptLanguage(request.getHeader("Accept-Language"));
    }
}
