package com.rosettachat.auth.internal.social;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ROSETTA_OAUTH_{PROVIDER}_*}: one block per provider; the endpoint defaults (the real
 * providers' URLs) are in application.yml. A provider is enabled when its client id and secret
 * are both set. {@code stateTtl}: how long a sign-in started with /redirect may take.
 */
@ConfigurationProperties("rosetta.oauth")
public record OAuthProperties(Provider google, Provider github, Provider facebook, Provider apple,
                              @DefaultValue("10m") Duration stateTtl) {

    /**
     * One provider's client registration and endpoints. {@code emailsUri} is GitHub's address
     * list; {@code returnUri} is where Apple's form-post relay sends the browser on to.
     */
    public record Provider(String clientId, String clientSecret, String authorizationUri, String tokenUri,
                           String userInfoUri, String redirectUri, String emailsUri, String scope, String returnUri) {

        public boolean enabled() {
            return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
        }
    }

    Provider of(SocialProvider provider) {
        return switch (provider) {
            case GOOGLE -> google;
            case GITHUB -> github;
            case FACEBOOK -> facebook;
            case APPLE -> apple;
        };
    }
}
