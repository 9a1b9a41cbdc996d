package com.rosettachat.auth.web;

import com.rosettachat.auth.internal.AuthService;
import com.rosettachat.auth.internal.social.SocialAuth;
import com.rosettachat.auth.web.AuthResponses.TokenResponse;
import com.rosettachat.shared.security.PublicEndpoint;
import com.rosettachat.shared.validation.Input;
import com.rosettachat.user.User;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth/app/social")
@Tag(name = "App Authentication - Social", description = "Token-based social sign-in for native mobile and desktop applications")
class AppSocialController extends SocialEndpoints {

    private final AuthService auth;

    AppSocialController(SocialAuth social, AuthService auth) {
        super(social);
        this.auth = auth;
    }

    @PublicEndpoint
    @PostMapping("/{provider}/callback")
    @Operation(summary = "OAuth Callback", description = "Exchange the provider's code for an access token.")
    TokenResponse callback(@PathVariable String provider, Input input, HttpServletRequest request) {
        AuthInput.Callback callback = AuthInput.callback(input);
        User user = social.signIn(provider, callback.code(), callback.state(), AuthFlows.language(request));
        return TokenResponse.of(user, auth.issueFullToken(user.id(), callback.deviceName()));
    }
}
