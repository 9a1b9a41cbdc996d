package com.rosettachat.user;

import com.rosettachat.shared.error.ApiException;
import com.rosettachat.shared.error.ValidationException;
import com.rosettachat.shared.paging.Page;
import com.rosettachat.shared.paging.PageRequest;
import com.rosettachat.user.internal.UserStore;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The user module's API: other modules create, find and update accounts only through here.
 * Emails are kept lowercase so that one address is one account whatever its spelling.
 */
@Service
public class UserService {

    public static final String EMAIL_TAKEN = "This email is already registered.";

    private final UserStore store;
    private final UserProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserService(UserStore store, UserProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    public static String normalizeEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    @Transactional
    public User create(NewUser user) {
        NewUser normalized = new NewUser(user.name(), normalizeEmail(user.email()), user.passwordHash(),
                user.preferredLanguage(), user.emailVerified());
        try {
            long id = store.insert(normalized, clock.instant());
            return store.findById(id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw ValidationException.of("email", EMAIL_TAKEN);
        }
    }

    public Optional<User> findById(long id) {
        return store.findById(id);
    }

    /** The users behind {@code ids} (unknown ones are left out), in one query, for rendering lists. */
    public Map<Long, User> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, User> found = new HashMap<>();
        for (User user : store.findAll(Set.copyOf(ids))) {
            found.put(user.id(), user);
        }
        return found;
    }

    public Optional<User> findByEmail(String email) {
        return store.findByEmail(normalizeEmail(email));
    }

    public User require(long id) {
        return store.findById(id).orElseThrow(ApiException::unauthenticated);
    }

    /** The stored password hash, empty for accounts made by OTP or social sign-in. */
    public Optional<String> passwordHash(long id) {
        return store.passwordHash(id);
    }

    @Transactional
    public void changePassword(long id, String passwordHash) {
        store.updatePassword(id, passwordHash, clock.instant());
    }

    @Transactional
    public void recordLogin(long id) {
        store.recordLogin(id, clock.instant());
    }

    @Transactional
    public void markEmailVerified(long id) {
        store.markEmailVerified(id, clock.instant());
    }

    @Transactional
    public User updateProfile(long id, ProfileChanges changes) {
        User current = require(id);
        String name = changes.name() != null ? changes.name() : current.name();
        String language = changes.preferredLanguage() != null ? changes.preferredLanguage() : current.preferredLanguage();
        String avatar = changes.clearAvatar() ? null
                : changes.avatarUrl() != null ? changes.avatarUrl() : current.avatarUrl();
        store.updateProfile(id, name, language, avatar, clock.instant());
        User updated = require(id);
        if (!language.equals(current.preferredLanguage())) {
            events.publishEvent(new UserLanguageChanged(id, current.preferredLanguage(), language));
        }
        return updated;
    }

    public boolean isAdmin(long userId) {
        return findById(userId).map(u -> properties.adminEmails().contains(u.email())).orElse(false);
    }

    public void requireAdmin(long userId) {
        if (!isAdmin(userId)) {
            throw ApiException.forbidden();
        }
    }

    public Page<User> search(String q, PageRequest page) {
        return store.search(q, page);
    }

    /** An administrator's change; deactivation is announced so existing tokens stop at once. */
    @Transactional
    public User adminUpdate(long adminId, long userId, Boolean active, String plan) {
        requireAdmin(adminId);
        User user = store.findById(userId).orElseThrow(ApiException::notFound);
        if (Boolean.FALSE.equals(active) && userId == adminId) {
            throw ValidationException.of("is_active", "You cannot deactivate your own account.");
        }
        boolean newActive = active != null ? active : user.active();
        store.updateAdminFields(userId, newActive, plan != null ? plan : user.plan(), clock.instant());
        if (user.active() && !newActive) {
            events.publishEvent(new UserDeactivated(userId));
        }
        return store.findById(userId).orElseThrow();
    }
}
