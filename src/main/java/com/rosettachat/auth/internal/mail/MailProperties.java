package com.rosettachat.auth.internal.mail;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ROSETTA_MAIL_*}: how mail leaves the server. {@code driver} is {@code log} (default,
 * the message is written to the log), {@code file} (one {@code .eml} per message in
 * {@code fileDir}, default {@code {data-dir}/mail}) or {@code smtp}. {@code encryption} is
 * {@code starttls} (used when the server offers it), {@code tls} (implicit TLS, port 465) or
 * {@code none}. A failed send is retried {@code retryAttempts} times, waiting {@code retryBackoff}
 * and then twice as long each time.
 */
@ConfigurationProperties("rosetta.mail")
public record MailProperties(
        @DefaultValue("log") String driver,
        Path fileDir,
        @DefaultValue("localhost") String host,
        @DefaultValue("587") int port,
        String username,
        String password,
        @DefaultValue("RosettaChat <no-reply@localhost>") String from,
        @DefaultValue("starttls") String encryption,
        @DefaultValue("4") int retryAttempts,
        @DefaultValue("2s") Duration retryBackoff) {
}
