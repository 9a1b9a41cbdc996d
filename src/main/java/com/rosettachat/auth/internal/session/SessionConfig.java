package com.rosettachat.auth.internal.session;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/** The session cookie of CONTRACT §2: {@code rosettachat_session}, HttpOnly, SameSite=Lax, Secure over HTTPS. */
@Configuration(proxyBeanMethods = false)
class SessionConfig {

    @Bean
    CookieSerializer cookieSerializer() {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName(WebSessions.SESSION_COOKIE);
        serializer.setCookiePath("/");
        serializer.setUseHttpOnlyCookie(true);
        serializer.setSameSite("Lax");
        // Secure is decided per request (request.isSecure()), so it is set behind TLS and in local HTTP development not.
        return serializer;
    }
}
