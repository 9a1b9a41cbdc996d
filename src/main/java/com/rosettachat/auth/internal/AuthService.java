package com.rosettachat.auth.internal;

import com.rosettachat.auth.internal.session.WebSessions;
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

/**
 * Password sign-up, sign-in, sign-out and password change. It decides who the user is; the app
 * controllers then issue a token and the web controllers establish a cookie session.
 */
@Service
public class AuthService {

    public static final String BAD_CREDENTIALS = "The provided credentials are incorrect.";
    public static final String INACTIVE = "Account is inactive.";
    public static final String DEFAULT_DEVICE = "api";

    private final UserService users;
    private final PersonalAccessTokens tokens;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final EmailVerification verification;
    private final WebSessions sessions;
    /** Compared against when the email is unknown, so a miss costs as long as a wrong password. */
    private final String decoyHash;

    AuthService(UserService users, PersonalAccessTokens tokens, PasswordEncoder passwords, LoginThrottle throttle,
                EmailVerification verification, WebSessions sessions) {
        this.users = users;
        this.tokens = tokens;
        this.passwords = passwords;
        this.throttle = throttle;
        this.verification = verification;
        this.sessions = sessions;
        this.decoyHash = passwords.encode("decoy-password-never-matches");
    }

    public record Registration(String name, String email, String password, String preferredLanguage, String deviceName) {
    }

    /** Creates the account, counts it as a login and mails the verification link. */
    @Transactional
    public User register(Registration registration) {
        User user = users.create(new NewUser(registration.name(), registration.email(),
                passwords.encode(registration.password()),
                registration.preferredLanguage() == null ? "en" : registration.preferredLanguage(), false));
        users.recordLogin(user.id());
        verification.send(user);
        return users.require(user.id());
    }

    /** The user behind an email and password; failures count towards the lockout, a success clears it. */
    @Transactional
    public User login(String email, String password, String ip) {
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
        ensureActive(user);
        throttle.succeeded(key);
        return signedIn(user);
    }

    /** Refuses an inactive account once the caller has proven who they are. */
    public static void ensureActive(User user) {
        if (!user.active()) {
            throw ApiException.forbidden(INACTIVE);
        }
    }

    /** Records the login of a user who proved who they are (password, OTP, provider) and returns them fresh. */
    @Transactional
    public User signedIn(User user) {
        users.recordLogin(user.id());
        return users.require(user.id());
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
     * token and session is revoked so that a leaked one dies with the old password; the caller's
     * own token ({@code caller.tokenId()}) or session ({@code sessionId}) survives.
     */
    @Transactional
    public void changePassword(CurrentUser caller, String sessionId, String currentPassword, String newPassword) {
        Optional<String> hash = users.passwordHash(caller.id());
        if (hash.isPresent() && (currentPassword == null || !passwords.matches(currentPassword, hash.get()))) {
            throw ValidationException.of("current_password", "The current password is incorrect.");
        }
        users.changePassword(caller.id(), passwords.encode(newPassword));
        tokens.revokeAllExcept(caller.id(), caller.tokenId());
        sessions.revokeAll(caller.id(), caller.tokenId() == null ? sessionId : null);
    }

    /** After a password reset nothing signed in before survives. */
    @Transactional
    public void resetPassword(long userId, String newPassword) {
        users.changePassword(userId, passwords.encode(newPassword));
        tokens.revokeAllExcept(userId, null);
        sessions.revokeAll(userId, null);
    }
}
