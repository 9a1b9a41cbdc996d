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

    private static final Pattern CODE = Pattern.compile("(?m)^\\s+(\\d{6})\\s*$");

    /**
     * Waits (at most 15 s) for the {@code n}-th mail to {@code to} whose plain text matches
     * {@code pattern}. Mail leaves in the background, so mails of different kinds may arrive in
     * any order; counting only one kind keeps tests independent of that.
     */
    public static MimeMessage await(String to, int n, Pattern pattern) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            List<MimeMessage> matching = to(to).stream()
                    .filter(m -> pattern.matcher(body(m, "text/plain")).find()).toList();
            if (matching.size() >= n) {
                return matching.get(n - 1);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No mail number " + n + " matching " + pattern + " to " + to + " within 15 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The {@code n}-th sign-in code mailed to {@code to}. */
    public static String otp(String to, int n) {
        return first(CODE, body(otpMail(to, n), "text/plain"));
    }

    public static MimeMessage otpMail(String to, int n) {
        return await(to, n, CODE);
    }

    /** The link containing {@code marker} of the {@code n}-th mail to {@code to} that has one. */
    public static String link(String to, int n, String marker) {
        Pattern link = Pattern.compile("(https?://\\S*" + Pattern.quote(marker) + "\\S*)");
        return first(link, body(await(to, n, link), "text/plain"));
    }

    public static MimeMessage linkMail(String to, int n, String marker) {
        return await(to, n, Pattern.compile(Pattern.quote(marker)));
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new AssertionError(pattern + " not found in:\n" + text);
        }
        return m.group(1);
    }
}
