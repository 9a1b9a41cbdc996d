package com.rosettachat.auth.web;

import com.rosettachat.auth.internal.PersonalAccessTokens;
import com.rosettachat.auth.internal.TokenRecord;
import com.rosettachat.shared.error.ApiException;
import com.rosettachat.shared.security.Abilities;
import com.rosettachat.shared.security.CurrentUser;
import com.rosettachat.shared.time.Timestamps;
import com.rosettachat.shared.validation.Input;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Personal access token management (CONTRACT §2), the way to obtain tokens with narrower abilities. */
@RestController
@RequestMapping("/api/v1/me/tokens")
@Tag(name = "Access Tokens", description = "Create, list and revoke personal access tokens with abilities")
class TokensController {

    private final PersonalAccessTokens tokens;
    private final Clock clock;

    TokensController(PersonalAccessTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    record TokenView(long id, String name, List<String> abilities, String lastUsedAt, String expiresAt, String createdAt) {
        static TokenView of(TokenRecord t) {
            return new TokenView(t.id(), t.name(), t.abilities(), Timestamps.resource(t.lastUsedAt()),
                    Timestamps.resource(t.expiresAt()), Timestamps.resource(t.createdAt()));
        }
    }

    record CreatedToken(long id, String name, List<String> abilities, String expiresAt, String createdAt) {
    }

    record CreatedResponse(CreatedToken data, String accessToken) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a token", description = "Returns the plain-text token once; abilities must be a subset of the caller's.")
    CreatedResponse create(CurrentUser caller, Input input) {
        String name = input.field("name").required().string().max(255).asString();
        List<?> requested = input.field("abilities").required().array().min(1).max(Abilities.KNOWN.size()).asList();
        Integer days = input.field("expires_in_days").integer().min(1).max(365).asInt();
        List<String> abilities = new ArrayList<>();
        if (requested != null) {
            for (int i = 0; i < requested.size(); i++) {
                String ability = input.value("abilities." + i, requested.get(i)).required().string()
                        .in(Abilities.KNOWN).asString();
                if (ability != null) {
                    abilities.add(ability);
                }
            }
        }
        input.validate();
        // A narrowed token must not mint a broader one.
        if (!abilities.stream().allMatch(caller::can)) {
            throw ApiException.missingAbility();
        }
        Instant expires = days == null ? null : clock.instant().plus(Duration.ofDays(days));
        PersonalAccessTokens.Issued issued = tokens.issue(caller.id(), name,
                List.copyOf(new LinkedHashSet<>(abilities)), expires);
        TokenRecord t = issued.token();
        return new CreatedResponse(new CreatedToken(t.id(), t.name(), t.abilities(),
                Timestamps.resource(t.expiresAt()), Timestamps.resource(t.createdAt())), issued.plainText());
    }

    @GetMapping
    @Operation(summary = "List tokens", description = "Every token of the caller, never its secret.")
    Map<String, List<TokenView>> list(CurrentUser caller) {
        return Map.of("data", tokens.list(caller.id()).stream().map(TokenView::of).toList());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a token")
    void revoke(CurrentUser caller, @PathVariable long id) {
        tokens.revoke(caller.id(), id);
    }
}
