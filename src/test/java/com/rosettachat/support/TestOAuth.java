package com.rosettachat.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

/**
 * One OAuth 2.0 / OpenID Connect server (mock-oauth2-server) per test JVM standing in for
 * Google, GitHub, Facebook and Apple: an issuer per provider with real authorize, token and
 * userinfo endpoints. GitHub's {@code /user/emails}, which no OIDC server has, is served by a
 * small HTTP server that reads the address list out of the bearer token's claims. The server
 * authorizes only OpenID requests, so every provider's scope gets {@code openid} in front here.
 */
public final class TestOAuth {

    public static final List<String> PROVIDERS = List.of("google", "github", "facebook", "apple");
    private static MockOAuth2Server server;
    private static HttpServer emails;

    private TestOAuth() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        for (String p : PROVIDERS) {
            String prefix = "rosetta.oauth." + p + ".";
            registry.add(prefix + "client-id", () -> p + "-client-id");
            registry.add(prefix + "client-secret", () -> p + "-client-secret");
            registry.add(prefix + "authorization-uri", () -> server().authorizationEndpointUrl(p).toString());
            registry.add(prefix + "token-uri", () -> server().tokenEndpointUrl(p).toString());
            registry.add(prefix + "user-info-uri", () -> server().userInfoUrl(p).toString());
            registry.add(prefix + "redirect-uri", () -> "https://app.rosetta.test/auth/" + p + "/callback");
        }
        registry.add("rosetta.oauth.google.scope", () -> "openid email profile");
        registry.add("rosetta.oauth.github.scope", () -> "openid read:user user:email");
        registry.add("rosetta.oauth.facebook.scope", () -> "openid email public_profile");
        registry.add("rosetta.oauth.apple.scope", () -> "openid name email");
        registry.add("rosetta.oauth.github.emails-uri", () -> emailsUrl());
    }

    public static synchronized MockOAuth2Server server() {
        if (server == null) {
            server = new MockOAuth2Server();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        }
        return server;
    }

    /**
     * The next code exchanged at {@code provider} signs in {@code subject} with these claims. The
     * server keeps one queue for all issuers and serves its head only to that head's issuer, so
     * every call must be followed by that provider's code exchange.
     */
    public static void nextUser(String provider, String subject, Map<String, Object> claims) {
        server().enqueueCallback(new DefaultOAuth2TokenCallback(provider, subject, "JWT",
                List.of(provider + "-client-id"), claims, 3600));
    }

    /** What the provider hands back to the client's redirect page. */
    public record Grant(String code, String state) {
    }

    private static final HttpClient BROWSER = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /**
     * Opens an authorization URL at the provider as a browser would and reads the code off the
     * redirect, or off the auto-submitting form of {@code response_mode=form_post} (Apple).
     */
    public static Grant authorize(String authorizationUrl) {
        try {
            HttpResponse<String> r = BROWSER.send(HttpRequest.newBuilder(
                    URI.create(authorizationUrl)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                return new Grant(formValue(r.body(), "code"), formValue(r.body(), "state"));
            }
            if (r.statusCode() != 302) {
                throw new AssertionError("authorize answered " + r.statusCode() + ": " + r.body());
            }
            Map<String, String> query = Http.query(URI.create(r.headers().firstValue("Location").orElseThrow()));
            return new Grant(query.get("code"), query.get("state"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String formValue(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\"\\s+value=\"([^\"]*)\"")
                .matcher(html);
        if (!m.find()) {
            throw new AssertionError("no " + name + " in " + html);
        }
        return m.group(1);
    }

    private static synchronized String emailsUrl() {
        if (emails == null) {
            try {
                emails = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            emails.createContext("/user/emails", exchange -> {
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                byte[] body;
                int status = 200;
                try {
                    String jwt = auth.substring("Bearer ".length());
                    JsonNode claims = Http.JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                            StandardCharsets.UTF_8));
                    body = Http.JSON.writeValueAsBytes(claims.path("github_emails"));
                } catch (RuntimeException e) {
                    status = 401;
                    body = "{\"message\":\"Requires authentication\"}".getBytes(StandardCharsets.UTF_8);
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            emails.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> emails.stop(0)));
        }
        return "http://127.0.0.1:" + emails.getAddress().getPort() + "/user/emails";
    }
}
