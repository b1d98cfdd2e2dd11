package dev.hotfixlog.deploy;

import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.security.SecretRedactor;
import java.time.Instant;
import java.util.Locale;

/**
 * What the deploys say about one hotfix: the suspected cause (the last production deploy to one of its systems
 * before detection, within the cause window) and the fix deploy (the first one after it was declared), each a
 * suggestion until a person confirms it; once confirmed, the confirmed one.
 */
public record HotfixDeploys(String hotfixId, Link cause, Link fix) {
    /** A deploy in one role, suggested or confirmed. */
    public record Link(Deploy deploy, boolean confirmed, String confirmedBy, Instant confirmedAt) {}

    /** The two roles a deploy can have for a hotfix. */
    public enum Role {
        CAUSE,
        FIX;

        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Role parse(String field, String text) {
            for (Role r : values()) {
                if (r.json().equals(text)) {
                    return r;
                }
            }
            throw ValidationException.of(field, SecretRedactor.quoted(text) + " is not a role; use cause or fix");
        }
    }
}
