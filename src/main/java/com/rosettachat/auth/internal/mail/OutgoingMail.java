package com.rosettachat.auth.internal.mail;

/**
 * A mail to deliver, published in the sender's transaction and kept by Spring Modulith's event
 * registry until it is sent, so a crash loses no mail. {@code sealedParams} holds the template's
 * values (codes, links) encrypted with {@code AppKey.encrypt}: the registry's table never holds a
 * usable sign-in code or reset link in plain text.
 */
public record OutgoingMail(String to, String language, MailTemplate template, String sealedParams) {
}
