package com.rosettachat.auth.internal.mail;

import com.rosettachat.shared.AppProperties;
import com.rosettachat.shared.Ids;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Builds the RFC 822 message and hands it to the configured driver: log, file or SMTP. */
@Component
public class MailTransport {

    private static final Logger log = LoggerFactory.getLogger(MailTransport.class);

    private final MailProperties properties;
    private final String driver;
    private final Path fileDir;
    private final JavaMailSenderImpl sender = new JavaMailSenderImpl();

    public MailTransport(MailProperties properties, AppProperties app) {
        this.properties = properties;
        this.driver = properties.driver().strip().toLowerCase(Locale.ROOT);
        if (!driver.equals("log") && !driver.equals("file") && !driver.equals("smtp")) {
            throw new IllegalStateException("ROSETTA_MAIL_DRIVER must be log, file or smtp, not " + properties.driver());
        }
        this.fileDir = properties.fileDir() != null ? properties.fileDir() : app.dataDir().resolve("mail");
        sender.setHost(properties.host());
        sender.setPort(properties.port());
        sender.setDefaultEncoding("UTF-8");
        if (properties.username() != null && !properties.username().isBlank()) {
            sender.setUsername(properties.username());
            sender.setPassword(properties.password());
        }
        Properties javaMail = new Properties();
        String encryption = properties.encryption().toLowerCase(Locale.ROOT);
        javaMail.put("mail.smtp.auth", Boolean.toString(sender.getUsername() != null));
        javaMail.put("mail.smtp.starttls.enable", Boolean.toString(encryption.equals("starttls")));
        javaMail.put("mail.smtp.ssl.enable", Boolean.toString(encryption.equals("tls")));
        javaMail.put("mail.smtp.connectiontimeout", "10000");
        javaMail.put("mail.smtp.timeout", "20000");
        javaMail.put("mail.smtp.writetimeout", "20000");
        sender.setJavaMailProperties(javaMail);
    }

    public void send(String to, MailTemplates.Rendered mail) throws MessagingException, IOException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(to);
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        message.saveChanges();
        switch (driver) {
            case "smtp" -> sender.send(message);
            case "file" -> write(message);
            default -> log.info("Mail to {}: {}\n{}", to, mail.subject(), mail.text());
        }
    }

    /** Written under a temporary name and moved, so a reader of the directory never sees half a message. */
    private void write(MimeMessage message) throws IOException, MessagingException {
        Files.createDirectories(fileDir);
        String name = System.currentTimeMillis() + "-" + Ids.next();
        Path partial = fileDir.resolve(name + ".part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            message.writeTo(out);
        }
        Files.move(partial, fileDir.resolve(name + ".eml"), StandardCopyOption.ATOMIC_MOVE);
    }
}
