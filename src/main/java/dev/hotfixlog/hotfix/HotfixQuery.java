package dev.hotfixlog.hotfix;

import dev.hotfixlog.error.ValidationException;
import java.time.Instant;
import java.util.Map;

/**
 * A page request over the log, newest first.
 *
 * @param status        only this status, or null for all
 * @param severity      only this severity, or null for all
 * @param text          only hotfixes whose title, owner, problem, change or root cause contain this text
 *                      (case-insensitive), or null
 * @param resolvedSince only hotfixes resolved at or after this instant (a completed entry without a resolution
 *                      time counts from its last change), or null
 * @param limit         page size, 1..{@value #MAX_LIMIT}
 * @param before        only hotfixes with a number below this one (the cursor), or null for the first page
 * @param fields        only hotfixes whose team field holds this value ({@code ?field.region=eu}), by name; the
 *                      values as given, checked by the log, which knows its fields
 */
public record HotfixQuery(
        Status status,
        Severity severity,
        String text,
        Instant resolvedSince,
        int limit,
        Long before,
        Map<String, String> fields) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    public static final int MAX_TEXT = 200;

    public HotfixQuery {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        if (fields.size() > 20) {
            throw ValidationException.of("field", "at most 20 field filters, was " + fields.size());
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ValidationException.of("limit", "must be 1.." + MAX_LIMIT + ", was " + limit);
        }
        text = text == null || text.isBlank() ? null : text.strip();
        if (text != null && text.length() > MAX_TEXT) {
            throw ValidationException.of("q", "is " + text.length() + " characters; at most " + MAX_TEXT);
        }
    }

    public HotfixQuery(Status status, Severity severity, int limit, Long before) {
        this(status, severity, null, null, limit, before, null);
    }

    public HotfixQuery(Status status, Severity severity, String text, Instant resolvedSince, int limit, Long before) {
        this(status, severity, text, resolvedSince, limit, before, null);
    }

    /** The same query filtered by the team's fields too. */
    public HotfixQuery withFields(Map<String, String> teamFields) {
        return new HotfixQuery(status, severity, text, resolvedSince, limit, before, teamFields);
    }

    public static HotfixQuery firstPage() {
        return new HotfixQuery(null, null, DEFAULT_LIMIT, null);
    }
}
