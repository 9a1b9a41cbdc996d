package com.rosettachat.auth.internal;

import com.rosettachat.shared.error.ApiException;
import com.rosettachat.shared.ratelimit.RateLimit;
import com.rosettachat.shared.ratelimit.RateLimitHeaders;
import com.rosettachat.shared.ratelimit.RateLimitProperties;
import com.rosettachat.shared.ratelimit.RateLimiter;
import com.rosettachat.shared.security.CurrentGuest;
import com.rosettachat.shared.security.CurrentUser;
import com.rosettachat.shared.security.CurrentUserArgumentResolver;
import com.rosettachat.shared.security.GuestAllowed;
import com.rosettachat.shared.security.PublicEndpoint;
import com.rosettachat.shared.security.RequiresAbility;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.annotation.Annotation;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Runs after routing: our handlers need a signed-in caller unless marked {@link PublicEndpoint}
 * (or, for a room guest's token, {@link GuestAllowed}), count against the caller's per-minute API
 * budget, and may demand a token ability.
 */
@Component
class AuthenticationInterceptor implements HandlerInterceptor {

    private final RateLimiter limiter;
    private final RateLimit apiLimit;

    AuthenticationInterceptor(RateLimiter limiter, RateLimitProperties limits) {
        this.limiter = limiter;
        this.apiLimit = RateLimit.perMinute("api", limits.apiPerMinute());
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)
                || !method.getBeanType().getPackageName().startsWith("com.rosettachat")
                || annotated(method, PublicEndpoint.class)) {
            return true;
        }
        CurrentUser user = CurrentUserArgumentResolver.current();
        if (user == null) {
            CurrentGuest guest = CurrentGuest.presentedBy(request);
            if (guest == null || !annotated(method, GuestAllowed.class)) {
                throw ApiException.unauthenticated();
            }
            // The handler checks the guest's room (and answers 410 once it is gone).
            RateLimitHeaders.enforce(response, limiter.hit("api:guest:" + guest.guestId(), apiLimit));
            return true;
        }
        RateLimitHeaders.enforce(response, limiter.hit("api:user:" + user.id(), apiLimit));
        RequiresAbility ability = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequiresAbility.class);
        if (ability == null) {
            ability = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RequiresAbility.class);
        }
        if (ability != null && !user.can(ability.value())) {
            throw ApiException.missingAbility();
        }
        return true;
    }

    private static boolean annotated(HandlerMethod method, Class<? extends Annotation> type) {
        return method.hasMethodAnnotation(type) || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), type);
    }
}
