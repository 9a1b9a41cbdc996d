package com.rosettachat.auth.internal;

import com.rosettachat.shared.security.BearerToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns a valid {@code Authorization: Bearer} token into the request's principal. An invalid
 * token leaves the request anonymous rather than failing it here: public routes still answer,
 * and protected ones say 401 after routing (so unknown routes stay 404).
 */
class TokenAuthenticationFilter extends OncePerRequestFilter {

    private final PersonalAccessTokens tokens;

    TokenAuthenticationFilter(PersonalAccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        BearerToken.of(request).flatMap(tokens::authenticate).ifPresent(user ->
                SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, List.of())));
        chain.doFilter(request, response);
    }
}
