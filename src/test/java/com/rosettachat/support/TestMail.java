package com.rosettachat.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real SMTP server (GreenMail) per test JVM; the application sends to it with its smtp
 * driver, and tests read codes and links out of what was delivered.
 */
public final class TestMail {

    private static GreenMail server;

    private TestMail() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("rosetta.mail.driver", () -> "smtp");
        registry.add("rosetta.mail.host", () -> "127.0.0.1");
        registry.add("rosetta.mail.port", () -> server().getSmtp().getPort());
        registry.add("rosetta.mail.encryption", () -> "none");
        registry.add("rosetta.mail.from", () -> "RosettaChat <no-reply@rosetta.test>");
        registry.add("rosetta.mail.retry-backoff", () -> "100ms");
    }

    static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    /** The mails delivered to {@code to} so far, oldest first. */
    public static List<MimeMessage> to(String to) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : server().getReceivedMessages()) {
            try {
                for (Address recipient : message.getRecipients(Message.RecipientType.TO)) {
                    if (recipient.toString().equalsIgnoreCase(to)) {
                        found.add(message);
                    }
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    /** Waits (at most 15 s) until {@code count} mails reached {@code to} and returns the last of them. */
    public static MimeMessage await(String to, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            List<MimeMessage> messages = to(to);
            if (messages.size() >= count) {
                return messages.get(count - 1);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("No mail number " + count + " to " + to + " within 15 s (got " + to(to).size() + ")");
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body part of the given type ({@code text/plain} or {@code text/html}), decoded. */
    public static String body(MimeMessage message, String type) {
        try {
            String found = find(message, type);
            if (found == null) {
                throw new AssertionError("No " + type + " part in " + subject(message));
            }
            return found;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String find(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = find(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The six-digit code of the {@code n}-th mail to {@code to}. */
    public static String otp(String to, int n) {
        return first(Pattern.compile("(?m)^\\s+(\\d{6})\\s*$"), body(await(to, n), "text/plain"));
    }

    /** The first link of the {@code n}-th mail to {@code to} that contains {@code marker}. */
    public static String link(String to, int n, String marker) {
        return first(Pattern.compile("(https?://\\S*" + Pattern.quote(marker) + "\\S*)"), body(await(to, n), "text/plain"));
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new AssertionError(pattern + " not found in:\n" + text);
        }
        return m.group(1);
    }
}
