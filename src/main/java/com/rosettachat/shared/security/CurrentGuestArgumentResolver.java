package com.rosettachat.shared.security;

import com.rosettachat.shared.error.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Hands controllers the {@link CurrentGuest}: 401 when a handler needs one and none was presented,
 * 410 when the guest's room is gone (unless the parameter is optional and a signed-in user is
 * calling too, who then wins).
 */
public final class CurrentGuestArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CurrentGuest.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        CurrentGuest guest = request == null ? null : CurrentGuest.presentedBy(request);
        boolean required = !parameter.isOptional();
        if (guest == null) {
            if (required) {
                throw ApiException.unauthenticated();
            }
            return null;
        }
        if (CurrentGuest.roomGone(request)) {
            if (required || CurrentUserArgumentResolver.current() == null) {
                throw CurrentGuest.roomUnavailable();
            }
            return null;
        }
        return guest;
    }
}
