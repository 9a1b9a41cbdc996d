package com.rosettachat.shared.validation;

import com.rosettachat.shared.error.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The decoded request (JSON object, form fields or query string) and the errors found while
 * validating it. Rules read like Laravel's ({@code input.field("name").required().string().max(120)})
 * and produce its messages; {@link #validate()} throws one 422 carrying every failed field.
 */
public final class Input {

    private final Map<String, Object> values;
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    private Input(Map<String, Object> values) {
        this.values = values;
    }

    public static Input of(Map<String, ?> values) {
        return new Input(values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    public static Input empty() {
        return of(Map.of());
    }

    public Field field(String name) {
        return new Field(this, name, values.get(name), values.containsKey(name));
    }

    /** A rule over a value that is not itself a top-level key, such as {@code attachment_ids.3}. */
    public Field value(String name, Object value) {
        return new Field(this, name, value, true);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Object raw(String name) {
        return values.get(name);
    }

    public Map<String, Object> values() {
        return values;
    }

    public void fail(String field, String message) {
        errors.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    /** Throws the 422 when any rule failed. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
