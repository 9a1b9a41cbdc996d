package com.rosettachat.search.web;

import com.rosettachat.search.internal.SearchRequest;
import com.rosettachat.search.internal.SearchService;
import com.rosettachat.shared.Ids;
import com.rosettachat.shared.validation.Input;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The search route's query string, validated with Laravel's wording. */
final class SearchParams {

    private SearchParams() {
    }

    static SearchRequest parse(Input input) {
        String q = input.field("q").required().string().max(SearchRequest.MAX_QUERY).asString();
        String channel = input.field("channel_id").string()
                .check(Ids.isValid(input.raw("channel_id")), SearchService.INVALID_CHANNEL).asString();
        Long from = input.field("from").integer().min(1).asLong();
        SearchRequest.Bound before = bound(input, "before", false);
        SearchRequest.Bound after = bound(input, "after", true);
        String cursor = input.field("cursor").string().asString();
        Integer limit = input.field("limit").integer().min(1).max(SearchRequest.MAX_LIMIT).asInt();
        input.validate();
        return new SearchRequest(q, channel == null ? null : channel.toLowerCase(), from, before, after, cursor,
                limit == null ? SearchRequest.DEFAULT_LIMIT : limit);
    }

    /**
     * A message id, a UTC day ({@code 2026-05-17}) or an instant with its offset. A day excludes
     * itself either way, as Slack's before:/after: do: before a day is before its first moment,
     * after a day is from the next day on.
     */
    private static SearchRequest.Bound bound(Input input, String name, boolean after) {
        String value = input.field(name).string().asString();
        if (value == null) {
            return null;
        }
        if (Ids.isValid(value)) {
            return new SearchRequest.Bound(value.toLowerCase(), null);
        }
        Instant time = instant(value, after);
        if (time == null) {
            input.field(name).check(false, "The " + name + " field must be a message id or an ISO-8601 date.");
            return null;
        }
        return new SearchRequest.Bound(null, time);
    }

    private static Instant instant(String value, boolean after) {
        try {
            if (value.length() == 10) {
                Instant day = LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                // Exclusive bounds: after a day means at or past the next midnight.
                return after ? day.plus(1, ChronoUnit.DAYS).minus(1, ChronoUnit.MICROS) : day;
            }
            // An unencoded '+' in a query string arrives as a space.
            return OffsetDateTime.parse(value.replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
