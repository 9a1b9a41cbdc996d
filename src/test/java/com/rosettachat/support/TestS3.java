package com.rosettachat.support;

import com.adobe.testing.s3mock.S3MockApplication;
import java.util.HashMap;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One S3-compatible server (Adobe S3Mock) per test JVM, for the suite run that stores files in
 * S3. It is a Spring Boot application of its own on our classpath, so the auto-configurations
 * our dependencies would switch on in it (database, security) are turned off.
 */
public final class TestS3 {

    public static final String BUCKET = "rosetta-test";
    private static S3MockApplication server;

    private TestS3() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("rosetta.storage", () -> "s3");
        registry.add("rosetta.s3.endpoint", TestS3::endpoint);
        registry.add("rosetta.s3.bucket", () -> BUCKET);
        registry.add("rosetta.s3.access-key", () -> "test");
        registry.add("rosetta.s3.secret-key", () -> "test");
    }

    public static synchronized String endpoint() {
        if (server == null) {
            server = S3MockApplication.start(new HashMap<>(Map.of(
                    S3MockApplication.PROP_HTTP_PORT, S3MockApplication.RANDOM_PORT,
                    S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT,
                    S3MockApplication.PROP_SILENT, true,
                    "com.adobe.testing.s3mock.store.initial-buckets", BUCKET,
                    "com.adobe.testing.s3mock.store.region", "us-east-1",
                    "com.adobe.testing.s3mock.max-payload-size", "300MB",
                    "spring.servlet.multipart.max-file-size", "300MB",
                    "spring.servlet.multipart.max-request-size", "300MB",
                    "spring.autoconfigure.exclude", String.join(",",
                            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
                            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
                            "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
                            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
                            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
                            "org.springframework.modulith.events.config.EventPublicationAutoConfiguration",
                            "org.springframework.modulith.events.jdbc.JdbcEventPublicationAutoConfiguration",
                            "org.springframework.modulith.moments.autoconfigure.MomentsAutoConfiguration"))),
                    // Its HTTPS port is server.port, which our application.yml (read by it too) would
                    // set to 8080 over these defaults; a command-line argument outranks the file.
                    "--server.port=0");
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return "http://127.0.0.1:" + server.getHttpPort();
    }
}
