package com.rosettachat.shared.validation;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One field's rule chain. The first failing rule records Laravel's message and stops the chain;
 * a field that is absent or null and not required skips every rule ({@code nullable}).
 */
public final class Field {

    private static final Pattern EMAIL = Pattern.compile("^[^\\s@<>()\\[\\],;:\"]+@[^\\s@<>()\\[\\],;:\"]+\\.[^\\s@<>()\\[\\],;:\".]+$|^[^\\s@<>()\\[\\],;:\"]+@[A-Za-z0-9-]+$");
    private static final Pattern SLUG = Pattern.compile("^[A-Za-z0-9_-]+$");

    private enum Kind { UNKNOWN, STRING, NUMBER, ARRAY }

    private final Input input;
    private final String name;
    private final boolean present;
    private Object value;
    private boolean stopped;
    private Kind kind = Kind.UNKNOWN;

    Field(Input input, String name, Object value, boolean present) {
        this.input = input;
        this.name = name;
        this.value = value instanceof String s ? trimmed(name, s) : value;
        this.present = present;
        if (isEmpty(this.value)) {
            stopped = true; // nullable by default; required() reopens the chain to report the failure
        }
    }

    /**
     * Laravel's TrimStrings and ConvertEmptyStringsToNull, which leave passwords alone; and NUL
     * characters dropped from every stored text, since PostgreSQL cannot store them (passwords
     * are only hashed, so they keep theirs).
     */
    private static Object trimmed(String name, String s) {
        if (name.contains("password")) {
            return s.isEmpty() ? null : s;
        }
        String t = (s.indexOf('\0') >= 0 ? s.replace("\0", "") : s).strip();
        return t.isEmpty() ? null : t;
    }

    private static boolean isEmpty(Object v) {
        return v == null || (v instanceof Collection<?> c && c.isEmpty());
    }

    private String attribute() {
        return name.replace('_', ' ');
    }

    private Field fail(String message) {
        if (!stopped) {
            input.fail(name, message);
            stopped = true;
        }
        return this;
    }

    private boolean skip() {
        return stopped;
    }

    public Field required() {
        if (isEmpty(value)) {
            stopped = false;
            return fail("The " + attribute() + " field is required.");
        }
        return this;
    }

    /** Required unless another field carries a value ({@code required_without}). */
    public Field requiredWithout(String other) {
        Object otherValue = input.raw(other);
        if (isEmpty(value) && isEmpty(otherValue)) {
            stopped = false;
            return fail("The " + attribute() + " field is required when " + other.replace('_', ' ') + " is not present.");
        }
        return this;
    }

    /** Fails "prohibited"-style when the field was sent at all, even as null. */
    public boolean present() {
        return present;
    }

    public Field string() {
        if (skip()) {
            return this;
        }
        kind = Kind.STRING;
        return value instanceof String ? this : fail("The " + attribute() + " field must be a string.");
    }

    public Field integer() {
        if (skip()) {
            return this;
        }
        kind = Kind.NUMBER;
        Long parsed = parseLong(value);
        if (parsed == null) {
            return fail("The " + attribute() + " field must be an integer.");
        }
        value = parsed;
        return this;
    }

    public Field bool() {
        if (skip()) {
            return this;
        }
        Boolean parsed = parseBoolean(value);
        if (parsed == null) {
            return fail("The " + attribute() + " field must be true or false.");
        }
        value = parsed;
        return this;
    }

    public Field array() {
        if (skip()) {
            return this;
        }
        kind = Kind.ARRAY;
        return value instanceof List<?> ? this : fail("The " + attribute() + " field must be an array.");
    }

    /** A JSON object (a map); a string holding a JSON object is the caller's job to decode first. */
    public Field object() {
        if (skip()) {
            return this;
        }
        return value instanceof Map<?, ?> ? this : fail("The " + attribute() + " field must be an object.");
    }

    public Field email() {
        if (skip()) {
            return this;
        }
        return value instanceof String s && s.length() <= 320 && EMAIL.matcher(s).matches()
                ? this : fail("The " + attribute() + " field must be a valid email address.");
    }

    /** http and https only: other schemes (javascript:, data:) are never rendered as links. */
    public Field url() {
        if (skip()) {
            return this;
        }
        if (value instanceof String s) {
            try {
                URI uri = new URI(s);
                String scheme = uri.getScheme();
                if (scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                        && uri.getHost() != null && !uri.getHost().isEmpty()) {
                    return this;
                }
            } catch (Exception ignored) {
                // falls through to the validation message
            }
        }
        return fail("The " + attribute() + " field must be a valid URL.");
    }

    public Field slug() {
        if (skip()) {
            return this;
        }
        return value instanceof String s && SLUG.matcher(s).matches()
                ? this : fail("The " + attribute() + " field must only contain letters, numbers, dashes, and underscores.");
    }

    public Field in(Collection<String> allowed) {
        if (skip()) {
            return this;
        }
        return value instanceof String s && allowed.contains(s) ? this : fail("The selected " + attribute() + " is invalid.");
    }

    public Field min(long min) {
        if (skip()) {
            return this;
        }
        return switch (kind) {
            case STRING -> ((String) value).codePointCount(0, ((String) value).length()) >= min
                    ? this : fail("The " + attribute() + " field must be at least " + min + " characters.");
            case NUMBER -> (Long) value >= min ? this : fail("The " + attribute() + " field must be at least " + min + ".");
            case ARRAY -> ((List<?>) value).size() >= min
                    ? this : fail("The " + attribute() + " field must have at least " + min + " items.");
            case UNKNOWN -> this;
        };
    }

    public Field max(long max) {
        if (skip()) {
            return this;
        }
        return switch (kind) {
            case STRING -> ((String) value).codePointCount(0, ((String) value).length()) <= max
                    ? this : fail("The " + attribute() + " field must not be greater than " + max + " characters.");
            case NUMBER -> (Long) value <= max ? this : fail("The " + attribute() + " field must not be greater than " + max + ".");
            case ARRAY -> ((List<?>) value).size() <= max
                    ? this : fail("The " + attribute() + " field must not have more than " + max + " items.");
            case UNKNOWN -> this;
        };
    }

    /** Laravel's {@code confirmed}: {@code {name}_confirmation} must equal this field. */
    public Field confirmed() {
        if (skip()) {
            return this;
        }
        Object confirmation = input.raw(name + "_confirmation");
        return value.equals(confirmation) ? this : fail("The " + attribute() + " field confirmation does not match.");
    }

    /** A rule of the caller's own: records {@code message} when {@code ok} is false. */
    public Field check(boolean ok, String message) {
        if (skip() || ok) {
            return this;
        }
        return fail(message);
    }

    public boolean valid() {
        return !input.hasError(name);
    }

    public boolean isNull() {
        return value == null;
    }

    public String asString() {
        return valid() && value instanceof String s ? s : null;
    }

    public Long asLong() {
        return valid() && value instanceof Long l ? l : null;
    }

    public Integer asInt() {
        Long l = asLong();
        return l == null || l > Integer.MAX_VALUE || l < Integer.MIN_VALUE ? null : l.intValue();
    }

    public Boolean asBoolean() {
        return valid() && value instanceof Boolean b ? b : null;
    }

    public List<?> asList() {
        return valid() && value instanceof List<?> l ? l : null;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> asMap() {
        return valid() && value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    private static Boolean parseBoolean(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v instanceof Number || v instanceof String ? v.toString() : "";
        if (s.equals("1") || s.equals("true")) {
            return true;
        }
        if (s.equals("0") || s.equals("false")) {
            return false;
        }
        return null;
    }

    private static Long parseLong(Object v) {
        try {
            if (v instanceof Integer || v instanceof Long) {
                return ((Number) v).longValue();
            }
            if (v instanceof Number n) {
                return new BigDecimal(n.toString()).longValueExact();
            }
            if (v instanceof String s && s.matches("-?\\d{1,18}")) {
                return Long.parseLong(s);
            }
            return null;
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }
}
