package dev.hotfixlog.hotfix;

import dev.hotfixlog.error.ValidationException;
import java.time.Instant;

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
 */
public record HotfixQuery(Status status, Severity severity, String text, Instant resolvedSince, int limit,
                          Long before) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    public static final int MAX_TEXT = 200;

    public HotfixQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ValidationException.of("limit", "must be 1.." + MAX_LIMIT + ", was " + limit);
        }
        text = text == null || text.isBlank() ? null : text.strip();
        if (text != null && text.length() > MAX_TEXT) {
            throw ValidationException.of("q", "is " + text.length() + " characters; at most " + MAX_TEXT);
        }
    }

    public HotfixQuery(Status status, Severity severity, int limit, Long before) {
        this(status, severity, null, null, limit, before);
    }

    public static HotfixQuery firstPage() {
        return new HotfixQuery(null, null, DEFAULT_LIMIT, null);
    }
}
