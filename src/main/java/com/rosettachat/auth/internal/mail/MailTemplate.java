package com.rosettachat.auth.internal.mail;

/** The mails the server sends; each names its keys in the message bundles ({@code otp.subject}, ...). */
public enum MailTemplate {
    OTP("otp"), PASSWORD_RESET("reset"), VERIFY_EMAIL("verify");

    private final String prefix;

    MailTemplate(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }
}
