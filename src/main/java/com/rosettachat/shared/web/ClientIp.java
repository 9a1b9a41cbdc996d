package com.rosettachat.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The caller's address as seen by the servlet container. Behind a proxy, set
 * {@code server.forward-headers-strategy=native} so the container resolves X-Forwarded-For
 * itself; reading the header here would let any client pick its own rate-limit bucket.
 */
public final class ClientIp {

    private ClientIp() {
    }

    public static String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
