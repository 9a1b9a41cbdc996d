package com.rosettachat.auth.web;

import com.rosettachat.auth.internal.social.SocialAuth;
import com.rosettachat.shared.security.PublicEndpoint;
import com.rosettachat.shared.validation.Input;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Apple answers with {@code response_mode=form_post} (mandatory when name or email is asked
 * for): the browser POSTs code and state to the redirect URI, which a single-page or mobile app
 * cannot receive. This relay is Apple's default redirect URI and turns the POST into a redirect
 * to the client's page, which then calls the callback endpoint as for every other provider.
 */
@RestController
@Tag(name = "Web Authentication - Social", description = "Cookie-based social sign-in for single-page applications")
class AppleFormPostController {

    private final SocialAuth social;

    AppleFormPostController(SocialAuth social) {
        this.social = social;
    }

    @PublicEndpoint
    @PostMapping("/api/v1/auth/social/apple/form-post")
    @Operation(summary = "Apple form_post relay", description = "Receives Apple's form post (code, state or error) and "
            + "redirects to the client's Apple callback page with the same values in the query.")
    ResponseEntity<Void> relay(Input input) {
        String code = input.field("code").string().max(2048).asString();
        String state = input.field("state").string().max(2048).asString();
        String error = input.field("error").string().max(255).asString();
        input.validate();
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(social.appleReturnUrl(code, state, error))).build();
    }
}
