package com.rosettachat.auth.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.shared.AppProperties;
import com.rosettachat.shared.Language;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The message bundles and the drivers that need no server (the SMTP driver is exercised by every
 * sign-in test against GreenMail).
 */
class MailDriversTest {

    private static final Map<String, String> PARAMS = Map.of("name", "Ann <b>", "code", "042017", "minutes", "10",
            "url", "https://app.example.com/reset-password?token=abc&email=ann%40example.com");

    @TempDir
    Path dir;

    @Test
    void everyLanguageHasEveryKeyAndItsOwnWords() {
        Properties english = MailTemplates.load("en");
        for (String language : Language.CODES) {
            Properties bundle = MailTemplates.load(language);
            assertThat(bundle.stringPropertyNames()).as(language).isEqualTo(english.stringPropertyNames());
            for (String key : english.stringPropertyNames()) {
                assertThat(bundle.getProperty(key)).as(language + " " + key).isNotBlank();
                if (!language.equals("en") && !key.equals("signature")) {
                    assertThat(bundle.getProperty(key)).as(language + " " + key + " is translated")
                            .isNotEqualTo(english.getProperty(key));
                }
            }
        }
    }

    @Test
    void everyTemplateRendersInEveryLanguageWithEscapedHtml() {
        MailTemplates templates = new MailTemplates();
        for (String language : Language.CODES) {
            for (MailTemplate template : MailTemplate.values()) {
                MailTemplates.Rendered mail = templates.render(template, language, PARAMS);
                assertThat(mail.subject()).isNotBlank().doesNotContain("{");
                assertThat(mail.text()).doesNotContain("{").contains("Ann <b>");
                assertThat(mail.html()).contains("Ann &lt;b&gt;").doesNotContain("<b>").contains("lang=\"" + language + "\"");
                if (template == MailTemplate.OTP) {
                    assertThat(mail.text()).contains("042017");
                } else {
                    assertThat(mail.text()).contains(PARAMS.get("url"));
                    assertThat(mail.html()).contains("href=\"https://app.example.com/reset-password?token=abc&amp;email=ann%40example.com\"");
                }
            }
        }
    }

    @Test
    void theFileDriverWritesOneParsableEmlPerMessage() throws Exception {
        MailTransport transport = new MailTransport(properties("file", dir.resolve("outbox")),
                new AppProperties(dir, "http://localhost:8080", null, null));
        MailTemplates.Rendered mail = new MailTemplates().render(MailTemplate.OTP, "ja", PARAMS);
        transport.send("ann@example.com", mail);
        transport.send("bob@example.com", mail);
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir.resolve("outbox"))) {
            files = listing.sorted().toList();
        }
        assertThat(files).hasSize(2).allMatch(f -> f.getFileName().toString().endsWith(".eml"));
        try (InputStream in = Files.newInputStream(files.get(0))) {
            MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()), in);
            assertThat(parsed.getSubject()).isEqualTo(mail.subject());
            assertThat(parsed.getFrom()[0].toString()).isEqualTo("RosettaChat <no-reply@localhost>");
            assertThat(parsed.getContentType()).startsWith("multipart/");
        }
    }

    @Test
    void theLogDriverSendsNothingAnywhere() throws Exception {
        MailTransport transport = new MailTransport(properties("log", dir.resolve("unused")),
                new AppProperties(dir, "http://localhost:8080", null, null));
        transport.send("ann@example.com", new MailTemplates().render(MailTemplate.VERIFY_EMAIL, "th", PARAMS));
        assertThat(dir.resolve("unused")).doesNotExist();
    }

    @Test
    void anUnknownDriverStopsTheStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MailTransport(properties("carrier-pigeon", dir),
                new AppProperties(dir, "http://localhost:8080", null, null))).hasMessageContaining("carrier-pigeon");
    }

    @Test
    void acceptLanguagePicksASupportedLanguage() {
        assertThat(Mailer.fromAcceptLanguage("zh-CN,zh;q=0.9")).isEqualTo("zh-CN");
        assertThat(Mailer.fromAcceptLanguage("fr-FR, ja;q=0.5")).isEqualTo("ja");
        assertThat(Mailer.fromAcceptLanguage("id-ID")).isEqualTo("id");
        assertThat(Mailer.fromAcceptLanguage("de")).isEqualTo("en");
        assertThat(Mailer.fromAcceptLanguage(";;;garbage")).isEqualTo("en");
        assertThat(Mailer.fromAcceptLanguage(null)).isEqualTo("en");
    }

    private static MailProperties properties(String driver, Path fileDir) {
        return new MailProperties(driver, fileDir, "localhost", 25, null, null, "RosettaChat <no-reply@localhost>",
                "none", 1, Duration.ofMillis(1));
    }
}
