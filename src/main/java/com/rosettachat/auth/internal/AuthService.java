package com.rosettachat.auth.internal;

import com.rosettachat.shared.error.ApiException;
import com.rosettachat.shared.error.ValidationException;
import com.rosettachat.shared.security.Abilities;
import com.rosettachat.shared.security.CurrentUser;
import com.rosettachat.user.NewUser;
import com.rosettachat.user.User;
import com.rosettachat.user.UserService;
import java.util.List;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Password sign-up, sign-in, sign-out and password change for app (token) clients. */
@Service
public class AuthService {

    public static final String BAD_CREDENTIALS = "The provided credentials are incorrect.";
    public static final String INACTIVE = "Account is inactive.";
    public static final String DEFAULT_DEVICE = "api";

    private final UserService users;
    private final PersonalAccessTokens tokens;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    /** Compared against when the email is unknown, so a miss costs as long as a wrong password. */
    private final String decoyHash;

    AuthService(UserService users, PersonalAccessTokens tokens, PasswordEncoder passwords, LoginThrottle throttle) {
        this.users = users;
        this.tokens = tokens;
        this.passwords = passwords;
        this.throttle = throttle;
        this.decoyHash = passwords.encode("decoy-password-never-matches");
    }

    /** A signed-in user and the token the client keeps. */
    public record SignedIn(User user, String accessToken) {
    }

    public record Registration(String name, String email, String password, String preferredLanguage, String deviceName) {
    }

    @Transactional
    public SignedIn register(Registration registration) {
        User user = users.create(new NewUser(registration.name(), registration.email(),
                passwords.encode(registration.password()),
                registration.preferredLanguage() == null ? "en" : registration.preferredLanguage(), false));
        users.recordLogin(user.id());
        return new SignedIn(users.require(user.id()), issueFullToken(user.id(), registration.deviceName()));
    }

    @Transactional
    public SignedIn login(String email, String password, String deviceName, String ip) {
        String key = LoginThrottle.key(email, ip);
        throttle.ensureAllowed(key);
        Optional<User> found = users.findByEmail(email);
        String hash = found.flatMap(u -> users.passwordHash(u.id())).orElse(null);
        boolean matches = passwords.matches(password, hash != null ? hash : decoyHash) && hash != null;
        if (!matches) {
            throttle.failed(key);
            throw ValidationException.of("email", BAD_CREDENTIALS);
        }
        User user = found.get();
        if (!user.active()) {
            throw ApiException.forbidden(INACTIVE);
        }
        throttle.succeeded(key);
        users.recordLogin(user.id());
        return new SignedIn(users.require(user.id()), issueFullToken(user.id(), deviceName));
    }

    /** Issues a token with every ability, as login, registration, OTP and social sign-in do. */
    public String issueFullToken(long userId, String deviceName) {
        return tokens.issue(userId, deviceName == null ? DEFAULT_DEVICE : deviceName, List.of(Abilities.ALL), null)
                .plainText();
    }

    @Transactional
    public void logout(CurrentUser caller) {
        if (caller.tokenId() != null) {
            tokens.revoke(caller.id(), caller.tokenId());
        }
    }

    public boolean hasPassword(long userId) {
        return users.passwordHash(userId).isPresent();
    }

    /**
     * Sets a new password; {@code currentPassword} is checked when the user has one. Every other
     * token is revoked so that a leaked token dies with the old password.
     */
    @Transactional
    public void changePassword(CurrentUser caller, String currentPassword, String newPassword) {
        Optional<String> hash = users.passwordHash(caller.id());
        if (hash.isPresent() && (currentPassword == null || !passwords.matches(currentPassword, hash.get()))) {
            throw ValidationException.of("current_password", "The current password is incorrect.");
        }
        users.changePassword(caller.id(), passwords.encode(newPassword));
        tokens.revokeAllExcept(caller.id(), caller.tokenId());
    }
}
