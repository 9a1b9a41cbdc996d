package com.rosettachat.auth.internal.session;

import com.rosettachat.shared.security.BearerToken;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.http.ResponseCookie;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Cookie sessions of single-page apps, kept in the database by Spring Session so any node serves
 * them. A session knows its user and its CSRF token; the token is also handed to the browser in
 * the readable {@code XSRF-TOKEN} cookie, which the SPA echoes in {@code X-XSRF-TOKEN}.
 */
@Component
public class WebSessions {

    public static final String SESSION_COOKIE = "rosettachat_session";
    public static final String XSRF_COOKIE = "XSRF-TOKEN";
    static final String USER_ID = "rosetta.user_id";
    static final String CSRF = "rosetta.csrf";

    private final FindByIndexNameSessionRepository<? extends Session> repository;
    private final SecureRandom random = new SecureRandom();

    WebSessions(FindByIndexNameSessionRepository<? extends Session> repository) {
        this.repository = repository;
    }

    /** Hands out a CSRF token (creating the anonymous session it belongs to when needed). */
    public void issueCsrfToken(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(true);
        String token = (String) session.getAttribute(CSRF);
        if (token == null) {
            token = newToken();
            session.setAttribute(CSRF, token);
        }
        writeXsrfCookie(request, response, token, -1);
    }

    /**
     * Signs the user in on this browser. The session id and the CSRF token both change, so a
     * session id or token planted before login (session fixation) is worth nothing after it.
     */
    public void establish(HttpServletRequest request, HttpServletResponse response, long userId) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(USER_ID, userId);
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, Long.toString(userId));
        String token = newToken();
        session.setAttribute(CSRF, token);
        writeXsrfCookie(request, response, token, -1);
    }

    /** Web logout: the session is gone from the database and both cookies are cleared. */
    public void destroy(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        writeXsrfCookie(request, response, "", 0);
    }

    /** The id of the request's session, or null. */
    public static String currentId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : session.getId();
    }

    /** Ends every session of the user but {@code keepId} (null keeps none): password reset and change. */
    public void revokeAll(long userId, String keepId) {
        for (String id : repository.findByPrincipalName(Long.toString(userId)).keySet()) {
            if (!id.equals(keepId)) {
                repository.deleteById(id);
            }
        }
    }

    static boolean hasSessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (SESSION_COOKIE.equals(cookie.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean isBearer(HttpServletRequest request) {
        return BearerToken.of(request).isPresent();
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Readable by the SPA's JavaScript (not HttpOnly), like Laravel's XSRF-TOKEN. */
    private static void writeXsrfCookie(HttpServletRequest request, HttpServletResponse response, String value, long maxAge) {
        ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(XSRF_COOKIE, value)
                .path("/").sameSite("Lax").secure(request.isSecure()).httpOnly(false);
        if (maxAge >= 0) {
            cookie.maxAge(maxAge);
        }
        response.addHeader("Set-Cookie", cookie.build().toString());
    }
}
