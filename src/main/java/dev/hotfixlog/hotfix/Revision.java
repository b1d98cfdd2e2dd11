package dev.hotfixlog.hotfix;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a record's append-only history.
 *
 * @param version the record's version this revision produced (1 for creation)
 * @param actor   who made it
 * @param at      when
 * @param action  {@code created}, {@code edited}, {@code alerted}, {@code deployed} or {@code resolved}
 * @param changes each field that changed, old → new
 */
public record Revision(int version, String actor, Instant at, String action, List<FieldChange> changes) {
    public Revision {
        changes = List.copyOf(changes);
    }
}
