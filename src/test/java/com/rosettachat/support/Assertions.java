package com.rosettachat.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

/** Checks of the error contract shared by every test. */
public final class Assertions {

    public static final Pattern USER_TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
    public static final Pattern RESOURCE_TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
    public static final Pattern TOKEN = Pattern.compile("\\d+\\|[A-Za-z0-9]{40}[0-9a-f]{8}");

    private Assertions() {
    }

    /** A 422 whose {@code errors.field} holds exactly the given sentence first. */
    public static void assertInvalid(Http.Response r, String field, String message) {
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.text("/message")).isEqualTo("The given data was invalid.");
        assertThat(r.text("/errors/" + field.replace("/", "~1") + "/0")).as(r.toString()).isEqualTo(message);
    }

    /** An error answer: the status and the contract's {@code {"message": ...}} body, in JSON. */
    public static void assertError(Http.Response r, int status, String message) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.text("/message")).as(r.toString()).isEqualTo(message);
    }
}
