package dev.hotfixlog.hotfix;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;

/**
 * One record as an import page gives it: the fields the page carries (a merge patch over the stored record),
 * where it stands, and the line it starts on (for error messages).
 *
 * @param line         the line of the entry's heading, for messages
 * @param id           the id written in the page, or null for an entry without one (it gets the next id)
 * @param fields       the editable fields the page carries, as a merge patch
 * @param status       the status the page says (null: active or deployed, whichever is stored)
 * @param fullRecord   true when the page states every field outright, as a full export's details block does:
 *                     its status is taken as is, and its explicit duration is kept even when it repeats the
 *                     timeline
 * @param day          for a completed one-line entry: its date, which only replaces a detection time on
 *                     another day
 * @param sameIncident true when the id is known to be this very incident (a migration's link from the source's
 *                     own id): it is updated even when its title and time both changed, never taken for another
 * @param revisions    the record's whole history as a full export carries it, oldest first; a record the import
 *                     creates gets these revisions (their versions, times and actors) and its creation time from
 *                     the first, instead of one "imported" revision at the import's time. Empty: none carried
 */
public record ImportItem(
        int line,
        HotfixId id,
        ObjectNode fields,
        Status status,
        boolean fullRecord,
        LocalDate day,
        boolean sameIncident,
        List<Revision> revisions) {
    public ImportItem {
        revisions = revisions == null ? List.of() : List.copyOf(revisions);
    }

    /** An entry that carries no history of its own. */
    public ImportItem(
            int line,
            HotfixId id,
            ObjectNode fields,
            Status status,
            boolean fullRecord,
            LocalDate day,
            boolean sameIncident) {
        this(line, id, fields, status, fullRecord, day, sameIncident, List.of());
    }

    /** An entry of a page, whose id may name another incident in this log (see {@code ImportConflict}). */
    public ImportItem(int line, HotfixId id, ObjectNode fields, Status status, boolean fullRecord, LocalDate day) {
        this(line, id, fields, status, fullRecord, day, false, List.of());
    }
}
