package dev.hotfixlog.hotfix;

import java.util.List;

/** The template's "The Fix": what was changed, what was touched, and how to undo it. */
public record TheFix(String changeMade, List<String> systemsAffected, String rollbackPlan) {
    public static final TheFix EMPTY = new TheFix(null, List.of(), null);

    public TheFix {
        systemsAffected = systemsAffected == null ? List.of() : List.copyOf(systemsAffected);
    }
}
