package com.rosettachat.message;

import com.rosettachat.shared.Ids;
import com.rosettachat.shared.validation.Field;
import com.rosettachat.shared.validation.Input;

/** The query of a history route: {@code limit}, {@code before}, {@code after} and, in channels, {@code parent_message_id}. */
public final class HistoryRequest {

    private HistoryRequest() {
    }

    public static HistoryQuery parse(Input input, boolean threads) {
        Integer limit = input.field("limit").integer().min(1).max(HistoryQuery.MAX_LIMIT).asInt();
        String before = cursor(input.field("before"), input, "before");
        String after = cursor(input.field("after"), input, "after");
        String parent = threads ? cursor(input.field("parent_message_id"), input, "parent_message_id") : null;
        input.validate();
        return new HistoryQuery(before, after, limit == null ? HistoryQuery.DEFAULT_LIMIT : limit, parent);
    }

    /** A message id; any well-formed ULID is a position in time, even one naming no message. */
    private static String cursor(Field field, Input input, String name) {
        String value = field.string()
                .check(Ids.isValid(input.raw(name)), "The " + name.replace('_', ' ') + " field must be a valid ULID.")
                .asString();
        return value == null ? null : value.toLowerCase();
    }
}
