package dev.hotfixlog.followup;

import dev.hotfixlog.error.ValidationException;
import java.util.Locale;

/**
 * Which follow-ups: only overdue ones, one owner's (matched without case or a leading {@code @}), done ones too.
 * Open follow-ups nobody has scheduled yet (no due time, owner or description, as on a hotfix still in progress)
 * are left out: they are not work anyone has been given.
 */
public record FollowUpQuery(boolean overdueOnly, String owner, boolean includeDone, int limit) {
    public static final int DEFAULT_LIMIT = 200;
    public static final int MAX_LIMIT = 1000;

    public FollowUpQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ValidationException.of("limit", "must be 1.." + MAX_LIMIT + ", was " + limit);
        }
        owner = owner == null || owner.isBlank() ? null : owner.strip();
    }

    public static FollowUpQuery open() {
        return new FollowUpQuery(false, null, false, DEFAULT_LIMIT);
    }

    static String normalOwner(String owner) {
        if (owner == null) {
            return null;
        }
        String s = owner.strip();
        return (s.startsWith("@") ? s.substring(1) : s).toLowerCase(Locale.ROOT);
    }
}
