package dev.hotfixlog.hotfix;

import dev.hotfixlog.error.FieldError;
import java.util.List;
import java.util.Map;

/**
 * What an import did (or, dry, would do) to the records, and what it could not read. {@code ids} holds each
 * item's id in the items' order (an entry without an id gets the next free one). {@code conflicts}: entries whose
 * id is taken here by plainly another incident; {@code renumbered}: with renumbering, each such entry's new id
 * and the id it had on the page. {@code versions}: each record's version once the import is written (an unchanged
 * record's own), so what was imported can later be told from what was edited since.
 */
public record ImportOutcome(
        List<HotfixId> ids,
        List<HotfixId> created,
        List<HotfixId> updated,
        List<HotfixId> unchanged,
        List<String> notes,
        List<FieldError> errors,
        List<String> conflicts,
        Map<HotfixId, HotfixId> renumbered,
        Map<HotfixId, Integer> versions) {
    public ImportOutcome {
        versions = Map.copyOf(versions);
        conflicts = List.copyOf(conflicts);
        renumbered = Map.copyOf(renumbered);
        ids = List.copyOf(ids);
        created = List.copyOf(created);
        updated = List.copyOf(updated);
        unchanged = List.copyOf(unchanged);
        notes = List.copyOf(notes);
        errors = List.copyOf(errors);
    }
}
