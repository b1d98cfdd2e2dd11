package dev.hotfixlog.hotfix;

import dev.hotfixlog.error.FieldError;
import java.util.List;
import java.util.Map;

/**
 * What an import did (or, dry, would do) to the records, and what it could not read. {@code ids} holds each
 * item's id in the items' order (an entry without an id gets the next free one). {@code conflicts}: entries whose
 * id is taken here by plainly another incident; {@code renumbered}: with renumbering, each such entry's new id
 * and the id it had on the page.
 */
public record ImportOutcome(List<HotfixId> ids, List<HotfixId> created, List<HotfixId> updated,
                            List<HotfixId> unchanged, List<String> notes, List<FieldError> errors,
                            List<String> conflicts, Map<HotfixId, HotfixId> renumbered) {
    public ImportOutcome {
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
