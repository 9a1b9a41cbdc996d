package com.rosettachat.auth.internal.session;

import com.rosettachat.shared.security.CurrentUser;
import com.rosettachat.user.User;
import com.rosettachat.user.UserService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns a signed-in cookie session into the request's principal ({@code tokenId} null, every
 * ability). Bearer requests are left alone: they never read or create a session. The account is
 * read on every request, so a deactivated user's sessions stop working at once.
 */
public class SessionAuthenticationFilter extends OncePerRequestFilter {

    private final UserService users;

    public SessionAuthenticationFilter(UserService users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!WebSessions.isBearer(request) && WebSessions.hasSessionCookie(request)
                && SecurityContextHolder.getContext().getAuthentication() == null) {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(WebSessions.USER_ID) instanceof Long userId
                    && users.findById(userId).map(User::active).orElse(false)) {
                SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        new CurrentUser(userId, null, Set.of(CurrentUser.ALL_ABILITIES)), null, List.of()));
            }
        }
        chain.doFilter(request, response);
    }
}
