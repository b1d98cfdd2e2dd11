package dev.hotfixlog.hotfix;

import dev.hotfixlog.error.ValidationException;

/**
 * A page request over the log, newest first.
 *
 * @param status   only this status, or null for all
 * @param severity only this severity, or null for all
 * @param limit    page size, 1..{@value #MAX_LIMIT}
 * @param before   only hotfixes with a number below this one (the cursor), or null for the first page
 */
public record HotfixQuery(Status status, Severity severity, int limit, Long before) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public HotfixQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ValidationException.of("limit", "must be 1.." + MAX_LIMIT + ", was " + limit);
        }
    }

    public static HotfixQuery firstPage() {
        return new HotfixQuery(null, null, DEFAULT_LIMIT, null);
    }
}
