package dev.hotfixlog.hotfix;

import dev.hotfixlog.error.FieldError;
import java.util.List;

/**
 * What an import did (or, dry, would do) to the records, and what it could not read. {@code ids} holds each
 * item's id in the items' order (an entry without an id gets the next free one).
 */
public record ImportOutcome(List<HotfixId> ids, List<HotfixId> created, List<HotfixId> updated,
                            List<HotfixId> unchanged, List<String> notes, List<FieldError> errors) {
    public ImportOutcome {
        ids = List.copyOf(ids);
        created = List.copyOf(created);
        updated = List.copyOf(updated);
        unchanged = List.copyOf(unchanged);
        notes = List.copyOf(notes);
        errors = List.copyOf(errors);
    }
}
