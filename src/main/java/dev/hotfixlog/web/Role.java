package dev.hotfixlog.web;

import dev.hotfixlog.error.ValidationException;
import io.javalin.security.RouteRole;
import java.util.Locale;

/**
 * Who may do what, in rising order. A route declares the least role it needs; {@link #ANYONE} marks the few
 * public routes. A route that declares nothing is refused to everyone (default deny).
 */
public enum Role implements RouteRole {
    /** Public routes only; never given to a person or token. */
    ANYONE,
    /** Reads everything. */
    VIEWER,
    /** Creates and edits hotfixes, ticks follow-ups. */
    RESPONDER,
    /** Users, tokens, settings, deletion, the audit log. */
    ADMIN;

    public boolean covers(Role needed) {
        return compareTo(needed) >= 0;
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A role that can be granted: viewer, responder or admin. */
    public static Role parseGrantable(String field, String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Role r : values()) {
            if (r != ANYONE && r.json().equals(t)) {
                return r;
            }
        }
        throw ValidationException.of(field, "'" + text + "' is not a role; use one of viewer, responder, admin");
    }
}
