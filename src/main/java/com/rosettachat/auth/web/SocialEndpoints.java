package com.rosettachat.auth.web;

import com.rosettachat.auth.internal.social.SocialAuth;
import com.rosettachat.auth.web.AuthResponses.AccountView;
import com.rosettachat.auth.web.AuthResponses.AccountsResponse;
import com.rosettachat.auth.web.AuthResponses.LinkedResponse;
import com.rosettachat.auth.web.AuthResponses.MessageResponse;
import com.rosettachat.auth.web.AuthResponses.RedirectResponse;
import com.rosettachat.shared.security.CurrentUser;
import com.rosettachat.shared.security.PublicEndpoint;
import com.rosettachat.shared.validation.Input;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The social routes app and web clients share, served under both prefixes by the two
 * subclasses; only the sign-in callback differs (a token or a session).
 */
abstract class SocialEndpoints {

    protected final SocialAuth social;

    SocialEndpoints(SocialAuth social) {
        this.social = social;
    }

    @PublicEndpoint
    @PostMapping("/{provider}/redirect")
    @Operation(summary = "Get OAuth Redirect URL", description = "The provider's authorization URL with a signed, "
            + "expiring state; open it in a browser to start the sign-in.")
    RedirectResponse redirect(@PathVariable String provider) {
        return new RedirectResponse(social.signInUrl(provider));
    }

    @GetMapping("/accounts")
    @Operation(summary = "List Linked Accounts", description = "Every social account linked to the caller.")
    AccountsResponse accounts(CurrentUser caller) {
        return new AccountsResponse(social.accounts(caller.id()).stream().map(AccountView::of).toList());
    }

    @PostMapping("/{provider}/link")
    @Operation(summary = "Link Social Account", description = "The authorization URL for linking an account of the provider to the caller.")
    RedirectResponse link(CurrentUser caller, @PathVariable String provider) {
        return new RedirectResponse(social.linkUrl(provider, caller.id()));
    }

    @PostMapping("/{provider}/link/callback")
    @Operation(summary = "Link Social Account Callback", description = "Complete linking with the code and state the provider returned.")
    LinkedResponse linkCallback(CurrentUser caller, @PathVariable String provider, Input input) {
        AuthInput.Callback callback = AuthInput.callback(input);
        return LinkedResponse.of(social.link(caller.id(), provider, callback.code(), callback.state()));
    }

    @DeleteMapping("/{provider}/unlink")
    @Operation(summary = "Unlink Social Account", description = "Remove the caller's account of the provider; "
            + "refused when it is the last way a user without a password can sign in.")
    MessageResponse unlink(CurrentUser caller, @PathVariable String provider) {
        social.unlink(caller.id(), provider);
        return new MessageResponse("Social account unlinked successfully.");
    }
}
