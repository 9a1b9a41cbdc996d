package com.rosettachat.auth.web;

import com.rosettachat.auth.internal.session.WebSessions;
import com.rosettachat.auth.internal.social.SocialAuth;
import com.rosettachat.auth.web.AuthResponses.UserResponse;
import com.rosettachat.shared.security.PublicEndpoint;
import com.rosettachat.shared.validation.Input;
import com.rosettachat.user.User;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth/web/social")
@Tag(name = "Web Authentication - Social", description = "Cookie-based social sign-in for single-page applications")
class WebSocialController extends SocialEndpoints {

    private final WebSessions sessions;

    WebSocialController(SocialAuth social, WebSessions sessions) {
        super(social);
        this.sessions = sessions;
    }

    @PublicEndpoint
    @PostMapping("/{provider}/callback")
    @Operation(summary = "OAuth Callback", description = "Exchange the provider's code for a session.")
    UserResponse callback(@PathVariable String provider, Input input, HttpServletRequest request,
                          HttpServletResponse response) {
        AuthInput.Callback callback = AuthInput.callback(input);
        User user = social.signIn(provider, callback.code(), callback.state(), AuthFlows.language(request));
        sessions.establish(request, response, user.id());
        return UserResponse.of(user, "Logged in successfully.");
    }
}
