package com.rosettachat.shared.error;

import java.util.List;
import java.util.Map;

/**
 * A failure the client is told about: an HTTP status, the contract's one-sentence message and,
 * for some answers (422, room quota codes), an {@code errors} object. Services throw it without
 * knowing about HTTP beyond the status number.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final Map<String, List<String>> errors;

    public ApiException(int status, String message) {
        this(status, message, null);
    }

    public ApiException(int status, String message, Map<String, List<String>> errors) {
        super(message, null, false, false);
        this.status = status;
        this.errors = errors;
    }

    public int status() {
        return status;
    }

    public Map<String, List<String>> errors() {
        return errors;
    }

    public static ApiException notFound() {
        return new ApiException(404, "Not found.");
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    public static ApiException forbidden() {
        return new ApiException(403, "This action is unauthorized.");
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, message);
    }

    public static ApiException unauthenticated() {
        return new ApiException(401, "Unauthenticated.");
    }

    public static ApiException missingAbility() {
        return new ApiException(403, "Invalid ability provided.");
    }

    /** A 422 carrying a message of its own rather than "The given data was invalid.". */
    public static ApiException unprocessable(String message) {
        return new ApiException(422, message);
    }

    /** An answer whose {@code errors} carry a machine-readable {@code code}, as the temporary room errors do. */
    public static ApiException coded(int status, String message, String code) {
        return new ApiException(status, message, Map.of("code", List.of(code)));
    }
}
