package com.rosettachat.auth.web;

import com.rosettachat.user.User;

/** The unwrapped auth shapes of the reference. */
final class AuthResponses {

    private AuthResponses() {
    }

    record UserSummary(long id, String name, String email) {
        static UserSummary of(User user) {
            return new UserSummary(user.id(), user.name(), user.email());
        }
    }

    record TokenResponse(String accessToken, String tokenType, UserSummary user) {
        static TokenResponse of(User user, String token) {
            return new TokenResponse(token, "Bearer", UserSummary.of(user));
        }
    }

    record MessageResponse(String message) {
    }
}
