package com.rosettachat.auth.web;

import com.rosettachat.auth.internal.social.SocialAccount;
import com.rosettachat.shared.time.Timestamps;
import com.rosettachat.user.User;
import java.util.List;

/** The unwrapped auth shapes of the reference. */
final class AuthResponses {

    private AuthResponses() {
    }

    record UserSummary(long id, String name, String email) {
        static UserSummary of(User user) {
            return new UserSummary(user.id(), user.name(), user.email());
        }
    }

    /** App sign-ins: {@code {"access_token", "token_type": "Bearer", "user"}}. */
    record TokenResponse(String accessToken, String tokenType, UserSummary user) {
        static TokenResponse of(User user, String token) {
            return new TokenResponse(token, "Bearer", UserSummary.of(user));
        }
    }

    /** Web sign-ins: {@code {"user", "message"}}. */
    record UserResponse(UserSummary user, String message) {
        static UserResponse of(User user, String message) {
            return new UserResponse(UserSummary.of(user), message);
        }
    }

    record MessageResponse(String message) {
    }

    record RedirectResponse(String redirectUrl) {
    }

    record AccountView(long id, String provider, String providerEmail, String name, String avatar, String createdAt) {
        static AccountView of(SocialAccount a) {
            return new AccountView(a.id(), a.provider(), a.providerEmail(), a.name(), a.avatar(),
                    Timestamps.user(a.createdAt()));
        }
    }

    record AccountsResponse(List<AccountView> accounts) {
    }

    record LinkedAccount(long id, String provider, String providerEmail, String name) {
    }

    record LinkedResponse(LinkedAccount account, String message) {
        static LinkedResponse of(SocialAccount a) {
            return new LinkedResponse(new LinkedAccount(a.id(), a.provider(), a.providerEmail(), a.name()),
                    "Social account linked successfully.");
        }
    }
}
