package com.rosettachat.user;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ROSETTA_ADMIN_EMAILS}: comma-separated emails of the administrators. */
@ConfigurationProperties("rosetta")
public record UserProperties(List<String> adminEmails) {

    public UserProperties {
        adminEmails = adminEmails == null ? List.of()
                : adminEmails.stream().map(String::strip).filter(s -> !s.isEmpty()).map(String::toLowerCase).toList();
    }
}
