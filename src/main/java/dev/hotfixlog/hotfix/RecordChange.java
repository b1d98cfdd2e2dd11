package dev.hotfixlog.hotfix;

import java.util.Objects;

/**
 * One write to one record, as its listeners are told of it: what it was ({@code before}, null when it is new)
 * and what it is ({@code after}, null when it was deleted).
 */
public record RecordChange(Kind kind, Hotfix before, Hotfix after, String actor) {
    /** The write paths: every one of them tells the listeners. */
    public enum Kind {
        /** Declared through the service (API, CLI, page). */
        CREATED,
        /** Fields edited. */
        EDITED,
        /** A lifecycle event: alerted, deployed, resolved. */
        EVENT,
        /** Created or updated by a Markdown import: history brought in, not news. */
        IMPORTED,
        /** Deleted by an admin. */
        DELETED
    }

    public RecordChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        if (before == null && after == null) {
            throw new IllegalArgumentException("a change needs a record before or after it");
        }
        if (kind == Kind.DELETED ? after != null || before == null : after == null) {
            throw new IllegalArgumentException(kind + " needs " + (kind == Kind.DELETED ? "only before" : "after"));
        }
    }

    /** The record as it is now, or as it was when deleted. */
    public Hotfix record() {
        return after != null ? after : before;
    }
}
