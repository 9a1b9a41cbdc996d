package com.rosettachat.shared;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every module may read (CONTRACT §11): where data lives, the public URLs used in links,
 * and the application key (generated into the data dir when not given).
 */
@ConfigurationProperties("rosetta")
public record AppProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("http://localhost:8080") String appUrl,
        String frontendUrl,
        String appKey) {

    /** The public base URL without a trailing slash. */
    public String baseUrl() {
        return appUrl.endsWith("/") ? appUrl.substring(0, appUrl.length() - 1) : appUrl;
    }

    public boolean hasFrontend() {
        return frontendUrl != null && !frontendUrl.isBlank();
    }

    /** Where links for people go: the frontend URL without a trailing slash, else the public base URL. */
    public String clientUrl() {
        return hasFrontend() ? frontendUrl.strip().replaceAll("/+$", "") : baseUrl();
    }
}
