package com.rosettachat.auth.internal.mail;

import com.rosettachat.shared.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders a mail in the recipient's language from {@code mail/{language}.properties} (one bundle
 * per supported language, UTF-8): a plain-text body and an HTML body saying the same thing.
 */
@Component
public class MailTemplates {

    /** A rendered mail. */
    public record Rendered(String subject, String text, String html) {
    }

    private final Map<String, Properties> bundles = new LinkedHashMap<>();

    public MailTemplates() {
        for (String code : Language.CODES) {
            bundles.put(code, load(code));
        }
    }

    public static Properties load(String language) {
        String path = "mail/" + language + ".properties";
        try (InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing mail bundle " + path);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Rendered render(MailTemplate template, String language, Map<String, String> params) {
        Properties bundle = bundles.getOrDefault(language, bundles.get(Language.DEFAULT));
        String p = template.prefix();
        String name = params.get("name");
        String greeting = name == null || name.isBlank() ? text(bundle, "greeting.anonymous", params)
                : text(bundle, "greeting", params);
        String subject = text(bundle, p + ".subject", params);
        String intro = text(bundle, p + ".intro", params);
        String expiry = text(bundle, p + ".expiry", params);
        String ignore = text(bundle, p + ".ignore", params);
        String signature = text(bundle, "signature", params);
        // A sign-in code mail shows the code; the others a button with the link.
        String code = template == MailTemplate.OTP ? params.get("code") : null;
        String url = template == MailTemplate.OTP ? null : params.get("url");

        StringBuilder plain = new StringBuilder().append(greeting).append("\n\n").append(intro).append("\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(language)
                .append("\"><head><meta charset=\"utf-8\"><title>").append(esc(subject)).append("</title></head>")
                .append("<body style=\"font-family:sans-serif;line-height:1.5;color:#222\">")
                .append("<p>").append(esc(greeting)).append("</p><p>").append(esc(intro)).append("</p>");
        if (code != null) {
            plain.append("    ").append(code).append("\n\n");
            html.append("<p style=\"font-size:28px;font-weight:bold;letter-spacing:6px\">").append(esc(code)).append("</p>");
        }
        if (url != null) {
            plain.append(text(bundle, p + ".action", params)).append(":\n").append(url).append("\n\n");
            html.append("<p><a href=\"").append(esc(url)).append("\" style=\"display:inline-block;padding:10px 18px;")
                    .append("background:#2f6fed;color:#fff;text-decoration:none;border-radius:4px\">")
                    .append(esc(text(bundle, p + ".action", params))).append("</a></p>")
                    .append("<p style=\"font-size:12px;color:#666\">").append(esc(text(bundle, "link.fallback", params)))
                    .append("<br>").append(esc(url)).append("</p>");
        }
        plain.append(expiry).append("\n").append(ignore).append("\n\n").append(signature).append("\n");
        html.append("<p>").append(esc(expiry)).append("<br>").append(esc(ignore)).append("</p><p>")
                .append(esc(signature)).append("</p></body></html>");
        return new Rendered(subject, plain.toString(), html.toString());
    }

    private static String text(Properties bundle, String key, Map<String, String> params) {
        String value = bundle.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("Mail bundle lacks " + key);
        }
        for (Map.Entry<String, String> param : params.entrySet()) {
            value = value.replace("{" + param.getKey() + "}", param.getValue() == null ? "" : param.getValue());
        }
        return value;
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s, StandardCharsets.UTF_8.name());
    }
}
