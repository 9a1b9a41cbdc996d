package com.rosettachat.support;

import java.net.HttpCookie;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A browser as an SPA's HTTP library sees it: it keeps cookies and, like axios, echoes the
 * {@code XSRF-TOKEN} cookie in {@code X-XSRF-TOKEN} (unless told not to).
 */
public final class Browser {

    private final Map<String, String> cookies = new LinkedHashMap<>();
    private boolean echoXsrf = true;

    public Browser echoXsrf(boolean echo) {
        this.echoXsrf = echo;
        return this;
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public void cookie(String name, String value) {
        cookies.put(name, value);
    }

    public Http.Response send(Http.Call call) {
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((k, v) -> header.append(header.isEmpty() ? "" : "; ").append(k).append('=').append(v));
            call.header("Cookie", header.toString());
        }
        if (echoXsrf && cookies.containsKey("XSRF-TOKEN")) {
            call.header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
        }
        Http.Response response = call.send();
        for (String setCookie : response.headers("Set-Cookie")) {
            for (HttpCookie cookie : HttpCookie.parse(setCookie)) {
                if (cookie.getMaxAge() == 0 || cookie.getValue().isEmpty()) {
                    cookies.remove(cookie.getName());
                } else {
                    cookies.put(cookie.getName(), cookie.getValue());
                }
            }
        }
        return response;
    }
}
