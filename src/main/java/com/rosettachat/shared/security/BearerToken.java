package com.rosettachat.shared.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** The token of an {@code Authorization: Bearer ...} header (scheme case-insensitive, token stripped). */
public final class BearerToken {

    private static final String SCHEME = "Bearer ";

    private BearerToken() {
    }

    /** Empty when the request carries no bearer header; an empty string when the header names no token. */
    public static Optional<String> of(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(SCHEME.length()).strip());
    }
}
