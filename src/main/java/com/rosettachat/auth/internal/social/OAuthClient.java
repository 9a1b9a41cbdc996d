package com.rosettachat.auth.internal.social;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider side of the authorization-code flow: the authorization URL, the code exchange at
 * the token endpoint and the profile (Google and Facebook userinfo, GitHub's user and verified
 * primary address, the claims of Apple's id_token). Any failure is a {@link ProviderException}.
 */
@Component
class OAuthClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A provider refused the code or answered something unusable. */
    static final class ProviderException extends RuntimeException {
        ProviderException(String message) {
            super(message, null, false, false);
        }
    }

    private final RestClient http;

    OAuthClient() {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        factory.setReadTimeout(Duration.ofSeconds(10));
        this.http = RestClient.builder().requestFactory(factory)
                .defaultHeader("User-Agent", "RosettaChat").build();
    }

    String authorizationUrl(SocialProvider provider, OAuthProperties.Provider settings, String state) {
        UriComponentsBuilder url = UriComponentsBuilder.fromUriString(settings.authorizationUri())
                .queryParam("client_id", settings.clientId())
                .queryParam("redirect_uri", settings.redirectUri())
                .queryParam("response_type", "code")
                .queryParam("scope", settings.scope())
                .queryParam("state", state);
        if (provider == SocialProvider.APPLE) {
            url.queryParam("response_mode", "form_post"); // Apple requires it when name or email is asked for
        }
        return url.encode().build().toUriString();
    }

    SocialProfile profile(SocialProvider provider, OAuthProperties.Provider settings, String code) {
        JsonNode token = exchange(settings, code);
        return switch (provider) {
            case GOOGLE -> google(get(settings.userInfoUri(), token));
            case FACEBOOK -> facebook(get(settings.userInfoUri(), token));
            case GITHUB -> github(get(settings.userInfoUri(), token), get(settings.emailsUri(), token));
            case APPLE -> apple(token);
        };
    }

    private JsonNode exchange(OAuthProperties.Provider settings, String code) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "authorization_code");
        form.add("code", code);
        form.add("redirect_uri", settings.redirectUri());
        form.add("client_id", settings.clientId());
        form.add("client_secret", settings.clientSecret());
        JsonNode token = call(() -> http.post().uri(settings.tokenUri())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.APPLICATION_JSON)
                .body(form).retrieve().body(String.class));
        if (!token.path("access_token").isString()) {
            throw new ProviderException("token endpoint answered without access_token: " + token.path("error").asString(""));
        }
        return token;
    }

    private JsonNode get(String uri, JsonNode token) {
        return call(() -> http.get().uri(uri).accept(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + token.path("access_token").asString())
                .retrieve().body(String.class));
    }

    private static JsonNode call(java.util.function.Supplier<String> request) {
        try {
            String body = request.get();
            JsonNode node = body == null ? null : JSON.readTree(body);
            if (node == null || !(node.isObject() || node.isArray())) {
                throw new ProviderException("provider answered no JSON");
            }
            return node;
        } catch (RestClientException | JacksonException | IllegalArgumentException e) {
            throw new ProviderException(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static SocialProfile google(JsonNode user) {
        return new SocialProfile(text(user, "sub"), text(user, "email"), bool(user.path("email_verified")),
                text(user, "name"), text(user, "picture"));
    }

    /** Facebook only hands out confirmed addresses. */
    private static SocialProfile facebook(JsonNode user) {
        String email = text(user, "email");
        return new SocialProfile(text(user, "id"), email, email != null, text(user, "name"),
                text(user.path("picture").path("data"), "url"));
    }

    /** GitHub's profile email may be absent or unverified; the verified primary address is what counts. */
    private static SocialProfile github(JsonNode user, JsonNode emails) {
        String email = null;
        for (JsonNode entry : emails) {
            if (entry.path("primary").asBoolean(false) && entry.path("verified").asBoolean(false)) {
                email = text(entry, "email");
            }
        }
        String name = text(user, "name") != null ? text(user, "name") : text(user, "login");
        return new SocialProfile(text(user, "id"), email, email != null, name, text(user, "avatar_url"));
    }

    /**
     * The id_token came straight from Apple's token endpoint over TLS in exchange for our client
     * secret, which authenticates it (OpenID Connect Core 3.1.3.7), so its claims are read as is.
     */
    private static SocialProfile apple(JsonNode token) {
        String idToken = token.path("id_token").asString("");
        String[] parts = idToken.split("\\.");
        if (parts.length < 2) {
            throw new ProviderException("Apple answered without an id_token");
        }
        JsonNode claims;
        try {
            claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (JacksonException | IllegalArgumentException e) {
            throw new ProviderException("unreadable id_token");
        }
        return new SocialProfile(text(claims, "sub"), text(claims, "email"), bool(claims.path("email_verified")),
                null, null);
    }

    /** A string or number field as text; null when absent or blank. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        String text = value.isString() || value.isNumber() ? value.asString() : null;
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Google and Apple send booleans, Apple sometimes the string "true". */
    private static boolean bool(JsonNode value) {
        return value.isBoolean() ? value.asBoolean() : "true".equalsIgnoreCase(value.asString(""));
    }
}
