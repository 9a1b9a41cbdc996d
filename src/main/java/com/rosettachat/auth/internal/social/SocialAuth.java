package com.rosettachat.auth.internal.social;

import com.rosettachat.auth.internal.AuthService;
import com.rosettachat.shared.AppProperties;
import com.rosettachat.shared.error.ApiException;
import com.rosettachat.shared.error.ValidationException;
import com.rosettachat.user.NewUser;
import com.rosettachat.user.ProfileChanges;
import com.rosettachat.user.User;
import com.rosettachat.user.UserService;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Social sign-in and linking (CONTRACT §2). The provider is asked outside any transaction (its
 * answer may take seconds); what follows from its answer is decided in one. Sign-in takes the
 * linked account's user, else links the user with the provider's verified address, else makes a
 * verified account without a password.
 */
@Service
public class SocialAuth {

    public static final String INVALID_PROVIDER = "The selected provider is invalid.";
    public static final String INVALID_STATE = "The state is invalid or has expired.";
    public static final String CODE_REFUSED = "The authorization code is invalid or has expired.";
    public static final String NO_VERIFIED_EMAIL = "The social account has no verified email address.";
    public static final String ALREADY_YOURS = "This social account is already linked to your account.";
    public static final String OTHER_USER = "This social account is already linked to another user.";
    public static final String LAST_METHOD = "Cannot unlink the last authentication method. Please set a password first.";
    public static final String NOT_FOUND = "Social account not found.";

    private static final Logger log = LoggerFactory.getLogger(SocialAuth.class);

    private final OAuthProperties properties;
    private final OAuthClient client;
    private final OAuthState states;
    private final SocialAccountStore store;
    private final UserService users;
    private final AuthService auth;
    private final AppProperties app;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SocialAuth(OAuthProperties properties, OAuthClient client, OAuthState states, SocialAccountStore store,
               UserService users, AuthService auth, AppProperties app, TransactionTemplate transactions, Clock clock) {
        this.properties = properties;
        this.client = client;
        this.states = states;
        this.store = store;
        this.users = users;
        this.auth = auth;
        this.app = app;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The authorization URL that starts a sign-in. */
    public String signInUrl(String provider) {
        SocialProvider p = enabled(provider);
        return client.authorizationUrl(p, settings(p), states.issue(p, OAuthState.LOGIN, 0));
    }

    /** The authorization URL that starts linking an account to {@code userId}. */
    public String linkUrl(String provider, long userId) {
        SocialProvider p = enabled(provider);
        return client.authorizationUrl(p, settings(p), states.issue(p, OAuthState.LINK, userId));
    }

    /** Completes a sign-in; a new account gets {@code newUserLanguage}. */
    public User signIn(String provider, String code, String state, String newUserLanguage) {
        SocialProvider p = enabled(provider);
        if (!states.valid(state, p, OAuthState.LOGIN, 0)) {
            throw ValidationException.of("state", INVALID_STATE);
        }
        SocialProfile profile = fetch(p, code);
        User user = inTransaction(() -> {
            Optional<SocialAccount> linked = store.findByProviderUser(p.key(), profile.id());
            if (linked.isPresent()) {
                store.refresh(linked.get().id(), profile, clock.instant());
                return users.require(linked.get().userId());
            }
            if (profile.email() == null || !profile.emailVerified()) {
                throw ValidationException.of("email", NO_VERIFIED_EMAIL);
            }
            Optional<User> byEmail = users.findByEmail(profile.email());
            if (byEmail.isPresent()) {
                // Another account of this provider may already be linked; the verified address still proves who this is.
                if (store.findForUser(byEmail.get().id(), p.key()).isEmpty()) {
                    store.insert(byEmail.get().id(), p.key(), profile, clock.instant());
                }
                users.markEmailVerified(byEmail.get().id());
                return byEmail.get();
            }
            String name = profile.name() != null ? profile.name() : profile.email().substring(0, profile.email().indexOf('@'));
            User created = users.create(new NewUser(name.length() > 255 ? name.substring(0, 255) : name,
                    profile.email(), null, newUserLanguage, true));
            if (profile.avatar() != null) {
                users.updateProfile(created.id(), new ProfileChanges(null, null, profile.avatar(), false));
            }
            store.insert(created.id(), p.key(), profile, clock.instant());
            return created;
        });
        AuthService.ensureActive(user);
        return auth.signedIn(user);
    }

    /** Completes linking: the provider account must not belong to anyone yet. */
    public SocialAccount link(long userId, String provider, String code, String state) {
        SocialProvider p = enabled(provider);
        if (!states.valid(state, p, OAuthState.LINK, userId)) {
            throw ValidationException.of("state", INVALID_STATE);
        }
        SocialProfile profile = fetch(p, code);
        return inTransaction(() -> {
            Optional<SocialAccount> existing = store.findByProviderUser(p.key(), profile.id());
            if (existing.isPresent()) {
                throw ApiException.unprocessable(existing.get().userId() == userId ? ALREADY_YOURS : OTHER_USER);
            }
            if (store.findForUser(userId, p.key()).isPresent()) {
                throw ApiException.unprocessable("Another " + p.key() + " account is already linked to your account. "
                        + "Unlink it first.");
            }
            return store.insert(userId, p.key(), profile, clock.instant());
        });
    }

    public List<SocialAccount> accounts(long userId) {
        return store.listForUser(userId);
    }

    /** Unlinking works for any known provider, configured or not any more. */
    public void unlink(long userId, String provider) {
        SocialProvider p = SocialProvider.fromKey(provider)
                .orElseThrow(() -> ValidationException.of("provider", INVALID_PROVIDER));
        transactions.executeWithoutResult(status -> {
            SocialAccount account = store.findForUser(userId, p.key())
                    .orElseThrow(() -> ApiException.notFound(NOT_FOUND));
            if (!auth.hasPassword(userId) && store.countForUser(userId) <= 1) {
                throw ApiException.unprocessable(LAST_METHOD);
            }
            store.delete(account.id());
        });
    }

    /** Where Apple's form post is sent on to: the client's callback page, with the values in its query. */
    public String appleReturnUrl(String code, String state, String error) {
        String page = properties.apple() != null && properties.apple().returnUri() != null
                && !properties.apple().returnUri().isBlank() ? properties.apple().returnUri().strip()
                : app.clientUrl() + "/auth/social/apple/callback";
        UriComponentsBuilder url = UriComponentsBuilder.fromUriString(page);
        if (code != null) {
            url.queryParam("code", code);
        }
        if (state != null) {
            url.queryParam("state", state);
        }
        if (error != null) {
            url.queryParam("error", error);
        }
        return url.encode().build().toUriString();
    }

    private SocialProvider enabled(String provider) {
        return SocialProvider.fromKey(provider).filter(p -> properties.of(p) != null && properties.of(p).enabled())
                .orElseThrow(() -> ValidationException.of("provider", INVALID_PROVIDER));
    }

    /**
     * The provider's settings, with the redirect URI defaulting to the client's page
     * {@code {frontend|app}/auth/social/{provider}/callback}, and for Apple to the form-post relay.
     */
    private OAuthProperties.Provider settings(SocialProvider p) {
        OAuthProperties.Provider s = properties.of(p);
        if (s.redirectUri() != null && !s.redirectUri().isBlank()) {
            return s;
        }
        String redirect = p == SocialProvider.APPLE ? app.baseUrl() + "/api/v1/auth/social/apple/form-post"
                : app.clientUrl() + "/auth/social/" + p.key() + "/callback";
        return new OAuthProperties.Provider(s.clientId(), s.clientSecret(), s.authorizationUri(), s.tokenUri(),
                s.userInfoUri(), redirect, s.emailsUri(), s.scope(), s.returnUri());
    }

    private SocialProfile fetch(SocialProvider p, String code) {
        try {
            SocialProfile profile = client.profile(p, settings(p), code);
            if (profile.id() == null) {
                throw new OAuthClient.ProviderException("profile without an id");
            }
            String avatar = profile.avatar();
            boolean usableAvatar = avatar != null && avatar.length() <= 2048
                    && (avatar.startsWith("https://") || avatar.startsWith("http://"));
            return new SocialProfile(profile.id(), UserService.normalizeEmail(profile.email()), profile.emailVerified(),
                    profile.name(), usableAvatar ? avatar : null);
        } catch (OAuthClient.ProviderException e) {
            log.warn("Social sign-in with {} failed: {}", p.key(), e.getMessage());
            throw ValidationException.of("code", CODE_REFUSED);
        }
    }

    private <T> T inTransaction(Supplier<T> work) {
        try {
            return transactions.execute(status -> work.get());
        } catch (DuplicateKeyException e) {
            // Two callbacks for the same provider account raced; the other one won.
            throw ApiException.unprocessable(OTHER_USER);
        }
    }
}
