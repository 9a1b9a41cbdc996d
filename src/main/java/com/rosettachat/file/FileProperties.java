package com.rosettachat.file;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code maxSize}: largest upload (413 above); {@code pendingTtl}: how long an unclaimed upload
 * lives; {@code defaultVisibility}: when the client sends none; {@code cleanupInterval}: how often
 * expired uploads are removed.
 */
@ConfigurationProperties("rosetta.files")
public record FileProperties(
        @DefaultValue("25MB") DataSize maxSize,
        @DefaultValue("24h") Duration pendingTtl,
        @DefaultValue("private") String defaultVisibility,
        @DefaultValue("10m") Duration cleanupInterval) {
}
