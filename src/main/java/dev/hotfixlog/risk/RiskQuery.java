package dev.hotfixlog.risk;

import dev.hotfixlog.error.ValidationException;

/**
 * Which risks to list: by standing (null: every one not retired), system, owner or hotfix; oldest first.
 */
public record RiskQuery(RiskState standing, String system, String owner, String hotfixId, int limit) {
    public static final int MAX_LIMIT = 1_000;

    public RiskQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ValidationException.of("limit", "must be 1.." + MAX_LIMIT + ", was " + limit);
        }
        system = blankToNull(system);
        owner = blankToNull(owner);
        hotfixId = blankToNull(hotfixId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
