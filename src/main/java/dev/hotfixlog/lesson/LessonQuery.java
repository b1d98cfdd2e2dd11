package dev.hotfixlog.lesson;

import dev.hotfixlog.error.ValidationException;

/**
 * Which lessons to list, newest first: only published ones, or all; optionally one category, bucket or tag.
 * {@code hotfix} lists the lessons learned from that hotfix.
 */
public record LessonQuery(boolean publishedOnly, String category, Bucket bucket, String tag, String hotfix, int limit) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    public static final LessonQuery ALL = new LessonQuery(false, null, null, null, null, DEFAULT_LIMIT);

    public LessonQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ValidationException.of("limit", "must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
        category = blankToNull(category);
        tag = blankToNull(tag);
        hotfix = blankToNull(hotfix);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
