package dev.hotfixlog.hotfix.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.CustomFields;
import dev.hotfixlog.hotfix.FieldChange;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixJson;
import dev.hotfixlog.hotfix.ImportItem;
import dev.hotfixlog.hotfix.Redaction;
import dev.hotfixlog.hotfix.Revision;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.time.TimeText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * How one entry of an imported page becomes a record ({@link HotfixBulk}): its fields masked and merged over the
 * stored record, its status, its masking notes and its carried history. Needs no handle, so it runs on any thread.
 */
final class ImportMerge {
    private final Redacting redacting;
    private final CustomFields custom;

    ImportMerge(Redacting redacting, CustomFields custom) {
        this.redacting = redacting;
        this.custom = custom;
    }

    Hotfix merge(
            Hotfix existing,
            ImportItem item,
            List<Revision> history,
            HotfixId id,
            String actor,
            Instant now,
            List<String> notes) {
        ObjectNode fields = item.fields().deepCopy();
        List<Redaction> carried = carriedRedactions(fields.remove("redactions"));
        List<Redaction> found = redacting.maskInPlace(fields, now);
        if (item.day() != null
                && existing != null
                && existing.timeline().detectedAt() != null
                && existing.timeline()
                        .detectedAt()
                        .atZone(ZoneOffset.UTC)
                        .toLocalDate()
                        .equals(item.day())) {
            fields.remove("detectedAt"); // the one-liner knows the day only; the stored time is more precise
        }
        ObjectNode base = existing == null ? Json.object() : HotfixJson.editable(existing);
        ObjectNode merged = MergePatch.of(fields).applyTo(base);
        // A completed one-line entry has no Severity line: its record says the severity was not stated rather
        // than carry one nobody chose. So does one whose record details (a full export) say none, and one
        // already stored without one. Any other entry still needs a severity, as a declaration does.
        boolean mayStateNone = existing == null
                ? item.day() != null || item.fullRecord()
                : !existing.severity().isStated();
        if (existing == null && !merged.hasNonNull("severity") && item.day() != null) {
            notes.add(id + ": a completed one-line entry has no severity; recorded as not stated");
        }
        if (!item.fullRecord()) {
            dropDurationEqualToTimeline(merged); // a page's Duration line may only repeat the timeline
        }
        Status status = status(existing, item);
        // The page's notes are the record's own when it is new; on an update, only those the record lacks are
        // added (counted, since one field can hold two secrets of a kind masked at the same moment).
        List<Redaction> redactions = new ArrayList<>(existing == null ? List.of() : existing.redactions());
        List<Redaction> unmatched = new ArrayList<>(redactions);
        for (Redaction r : carried) {
            if (!unmatched.remove(r)) {
                redactions.add(r);
            }
        }
        redactions.addAll(found);
        Revision first = history.isEmpty() ? null : history.get(0);
        Revision last = history.isEmpty() ? null : history.get(history.size() - 1);
        Hotfix read = HotfixJson.read(
                merged,
                new HotfixJson.Identity(
                        id,
                        status,
                        existing == null ? (last == null ? 1 : last.version()) : existing.version() + 1,
                        existing == null ? (first == null ? now : first.at()) : existing.createdAt(),
                        last == null ? now : last.at(),
                        redactions),
                mayStateNone);
        // A box ticked on the page says "done", not when: it stays "done, time unknown", never the import's
        // time (which would count it in the import's month in every metric). The team's fields are checked like
        // an edit's: history older than a required field need not have it.
        return custom.checked(read, existing == null ? read : existing);
    }

    /**
     * A carried history numbers its versions 1, 2, 3… in time order, or it is not this record's history. Its
     * values are masked like any incoming text: a page's history is text someone could have edited.
     */
    List<Revision> carried(ImportItem item) {
        List<Revision> list = item.revisions();
        List<Revision> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Revision r = list.get(i);
            if (r.version() != i + 1
                    || (i > 0 && r.at().isBefore(list.get(i - 1).at()))) {
                throw ValidationException.of(
                        "revisions",
                        "the record details' revisions must be versions 1, 2, 3… " + "oldest first; revision " + (i + 1)
                                + " is version " + r.version() + " at " + r.at());
            }
            List<FieldChange> changes = new ArrayList<>(r.changes().size());
            for (FieldChange c : r.changes()) {
                ObjectNode both = Json.object();
                both.set("old", c.before() == null ? null : c.before().deepCopy());
                both.set("new", c.after() == null ? null : c.after().deepCopy());
                redacting.maskInPlace(both, r.at());
                changes.add(new FieldChange(c.field(), both.get("old"), both.get("new")));
            }
            out.add(new Revision(r.version(), r.actor(), r.at(), r.action(), changes));
        }
        return out;
    }

    /** Where an exported record's secrets had been masked (a full export's details block says). */
    private static List<Redaction> carriedRedactions(JsonNode list) {
        List<Redaction> out = new ArrayList<>();
        if (list == null || !list.isArray()) {
            return out;
        }
        for (JsonNode r : list) {
            if (!r.path("field").isTextual()
                    || !r.path("kind").isTextual()
                    || !r.path("at").isTextual()) {
                throw ValidationException.of("redactions", "each is {field, kind, at}, was " + r);
            }
            out.add(new Redaction(
                    r.get("field").asText(),
                    r.get("kind").asText(),
                    TimeText.parseInstant("redactions.at", r.get("at").asText())));
        }
        return out;
    }

    /** A written duration that only repeats detection → resolution (to the second) is not kept twice. */
    private static void dropDurationEqualToTimeline(ObjectNode merged) {
        JsonNode d = merged.get("duration");
        if (d == null || d.isNull() || !merged.hasNonNull("detectedAt") || !merged.hasNonNull("resolvedAt")) {
            return;
        }
        try {
            Duration between = Duration.between(
                    TimeText.parseInstant("detectedAt", merged.get("detectedAt").asText()),
                    TimeText.parseInstant("resolvedAt", merged.get("resolvedAt").asText()));
            // A page writes durations to the second; the times themselves carry milliseconds.
            if (between.getSeconds()
                    == TimeText.parseDuration("duration", d.asText()).getSeconds()) {
                merged.putNull("duration");
            }
        } catch (ValidationException e) {
            // left for HotfixJson.read to report with the field's name
        }
    }

    private static Status status(Hotfix existing, ImportItem item) {
        if (item.fullRecord() && item.status() != null) {
            return item.status();
        }
        Status page = item.status() == null ? Status.ACTIVE : item.status();
        if (existing == null) {
            return page;
        }
        // Status only moves forward: an older copy of the page does not reopen a resolved hotfix.
        return page.compareTo(existing.status()) > 0 ? page : existing.status();
    }
}
