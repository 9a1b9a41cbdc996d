package com.rosettachat.shared.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 422 with Laravel's {@code {"message": "The given data was invalid.", "errors": {...}}}. */
public class ValidationException extends ApiException {

    public static final String MESSAGE = "The given data was invalid.";

    public ValidationException(Map<String, List<String>> errors) {
        super(422, MESSAGE, new LinkedHashMap<>(errors));
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(Map.of(field, List.of(message)));
    }
}
