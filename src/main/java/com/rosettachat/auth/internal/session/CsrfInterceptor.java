package com.rosettachat.auth.internal.session;

import com.rosettachat.shared.error.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * CSRF protection of cookie sessions (CONTRACT §2): a state-changing request that carries the
 * session cookie must echo the session's token in {@code X-XSRF-TOKEN} (or {@code X-CSRF-TOKEN}),
 * else 419. Bearer requests are exempt, since a browser never adds a bearer token on its own.
 * Runs after routing, so unknown routes stay 404 and wrong methods 405.
 */
@Component
public class CsrfInterceptor implements HandlerInterceptor {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod) || SAFE.contains(request.getMethod())
                || WebSessions.isBearer(request) || !WebSessions.hasSessionCookie(request)) {
            return true;
        }
        HttpSession session = request.getSession(false);
        String expected = session == null ? null : (String) session.getAttribute(WebSessions.CSRF);
        String given = request.getHeader("X-XSRF-TOKEN");
        if (given == null) {
            given = request.getHeader("X-CSRF-TOKEN");
        }
        if (expected == null || given == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(419, "CSRF token mismatch.");
        }
        return true;
    }
}
