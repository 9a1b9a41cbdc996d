package com.rosettachat.shared.web;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Answers remembered for the rest of the current HTTP request and never longer: an authorization
 * check asked five times by one request hits the database once, while the next request (after a
 * member was removed, say) asks afresh. Outside a request (listeners, schedulers, WebSocket
 * threads) nothing is remembered.
 */
public final class RequestMemo {

    private static final String ATTRIBUTE = RequestMemo.class.getName();

    private RequestMemo() {
    }

    @SuppressWarnings("unchecked")
    public static <T> T get(String key, Supplier<T> loader) {
        Map<String, Object> memo = memo(true);
        if (memo == null) {
            return loader.get();
        }
        if (memo.containsKey(key)) {
            return (T) memo.get(key);
        }
        // Not computeIfAbsent: a loader may itself consult the memo.
        T value = loader.get();
        memo.put(key, value);
        return value;
    }

    /** Forgets everything remembered in this request; writers call it so that they read their own writes. */
    public static void clear() {
        Map<String, Object> memo = memo(false);
        if (memo != null) {
            memo.clear();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> memo(boolean create) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return null;
        }
        Object memo = attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (memo == null && create) {
            memo = new HashMap<String, Object>();
            attributes.setAttribute(ATTRIBUTE, memo, RequestAttributes.SCOPE_REQUEST);
        }
        return (Map<String, Object>) memo;
    }
}
