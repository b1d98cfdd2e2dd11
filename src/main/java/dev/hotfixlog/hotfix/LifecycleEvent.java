package dev.hotfixlog.hotfix;

import dev.hotfixlog.error.ValidationException;
import java.time.Instant;
import java.util.Locale;

/**
 * A lifecycle event: the team was alerted, the fix was deployed, the emergency was resolved.
 *
 * @param type          what happened
 * @param at            when; null means "now"
 * @param withoutDeploy for {@code resolved} only: the emergency ended without a fix being deployed (it went away,
 *                      or it was rolled back); without it, resolving an undeployed hotfix is refused
 */
public record LifecycleEvent(Type type, Instant at, boolean withoutDeploy) {
    public LifecycleEvent {
        if (type == null) {
            throw ValidationException.of("type", "is required: one of alerted, deployed, resolved");
        }
        if (withoutDeploy && type != Type.RESOLVED) {
            throw ValidationException.of("withoutDeploy", "only applies to the 'resolved' event");
        }
    }

    public enum Type {
        ALERTED,
        DEPLOYED,
        RESOLVED;

        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Type parse(String field, String text) {
            String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
            for (Type ty : values()) {
                if (ty.json().equals(t)) {
                    return ty;
                }
            }
            throw ValidationException.of(
                    field, "'" + text + "' is not an event; use one of alerted, deployed, " + "resolved");
        }
    }
}
