package dev.hotfixlog.hotfix.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.CustomFields;
import dev.hotfixlog.hotfix.FieldChange;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixJson;
import dev.hotfixlog.hotfix.HotfixQuery;
import dev.hotfixlog.hotfix.ImportItem;
import dev.hotfixlog.hotfix.ImportOutcome;
import dev.hotfixlog.hotfix.RecordChange;
import dev.hotfixlog.hotfix.RecordListeners;
import dev.hotfixlog.hotfix.Redaction;
import dev.hotfixlog.hotfix.Revision;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.security.SecretRedactor;
import dev.hotfixlog.store.MultiRowInsert;
import dev.hotfixlog.time.TimeText;
import dev.hotfixlog.work.ImportWorkers;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.jdbi.v3.core.Handle;

/**
 * The record feature's bulk operations for whole-log import and export, inside the transaction
 * {@link LocalRecordImport} opened, so an import of records and of what else the page holds commits together or
 * not at all.
 */
final class HotfixBulk {
    private static final int PAGE = 500;
    private final HotfixRepository repo;
    private final RevisionRepository revisions = new RevisionRepository();
    private final IdCounterRepository counter = new IdCounterRepository();
    private final Redacting redacting;
    private final RecordListeners listeners;
    private final CustomFields custom;

    HotfixBulk(SecretRedactor redactor, RecordListeners listeners, CustomFields custom) {
        this.redacting = new Redacting(redactor);
        this.listeners = listeners;
        this.custom = custom;
        this.repo = new HotfixRepository(custom);
    }

    /** Every record, oldest number first. */
    List<Hotfix> all(Handle h) {
        List<Hotfix> out = new ArrayList<>();
        Long before = null;
        while (true) {
            List<Hotfix> page = repo.page(h, new HotfixQuery(null, null, PAGE, before), Map.of());
            out.addAll(page.subList(0, Math.min(PAGE, page.size())));
            if (page.size() <= PAGE) {
                break;
            }
            before = page.get(PAGE - 1).id().number();
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /**
     * Creates the records the page has and the log does not, updates those that differ (one revision
     * {@code imported} each), and leaves equal ones alone. With {@code write} false nothing is written: the
     * outcome says what would happen. Any error leaves the outcome's lists as they would be, and nothing written.
     */
    ImportOutcome apply(
            Handle h,
            List<ImportItem> items,
            String actor,
            Instant now,
            boolean write,
            boolean renumber,
            IntConsumer progress) {
        if (write) {
            // Hold the id counter until the import commits: a hotfix declared meanwhile waits instead of taking a
            // number this import is about to use.
            counter.lockNumbers(h);
        }
        long next = Math.max(
                counter.lastNumber(h),
                items.stream()
                        .filter(i -> i.id() != null)
                        .mapToLong(i -> i.id().number())
                        .max()
                        .orElse(0));
        // In page order, on this thread (it owns the handle): ids, repeated ids, and the records entries update.
        Set<HotfixId> seen = new HashSet<>();
        Set<String> stored = repo.ids(
                h,
                items.stream()
                        .filter(i -> i.id() != null)
                        .map(i -> i.id().toString())
                        .collect(java.util.stream.Collectors.toSet()));
        List<Slot> slots = new ArrayList<>(items.size());
        List<String> conflicts = new ArrayList<>();
        Map<HotfixId, HotfixId> renumbered = new java.util.LinkedHashMap<>();
        for (ImportItem item : items) {
            HotfixId id = item.id() != null ? item.id() : new HotfixId(++next);
            boolean repeated = !seen.add(id);
            Hotfix existing = !repeated && stored.contains(id.toString())
                    ? repo.find(h, id).orElse(null)
                    : null;
            if (existing != null && !item.sameIncident() && ImportConflict.isAnotherIncident(existing, item)) {
                String what = "line " + item.line() + ": " + id + " here is \"" + existing.title() + "\" (detected "
                        + existing.timeline().detectedAt() + "); the page's " + id + " is another incident, \""
                        + item.fields().path("title").asText("") + "\"";
                if (!renumber) {
                    conflicts.add(what);
                } else {
                    HotfixId fresh = new HotfixId(++next);
                    renumbered.put(fresh, id);
                    conflicts.add(what + "; imported as " + fresh);
                    seen.add(fresh);
                    id = fresh;
                    existing = null;
                }
            }
            slots.add(new Slot(item, id, repeated, existing));
        }
        if (!conflicts.isEmpty() && !renumber) {
            // Not a silent merge: say which entries collide and how to bring them in, and change nothing.
            return new ImportOutcome(
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    write
                            ? conflicts.stream()
                                    .map(
                                            c -> new FieldError(
                                                    c.substring(0, c.indexOf(':')),
                                                    c.substring(c.indexOf(':') + 2)
                                                            + "; import with --renumber (API: ?renumber=true) to give it a new id"))
                                    .toList()
                            : List.of(),
                    conflicts,
                    renumbered,
                    Map.of());
        }
        Outcome outcome = new Outcome();
        int chunkCount = (slots.size() + CHUNK - 1) / CHUNK;
        // This thread writes on one core, the others prepare. One chunk is prepared here: this thread would only
        // wait for it. On two cores, two helpers were no faster than one in hand-timed runs: the writer is the
        // critical path, and a second helper only takes its core.
        int helpers = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        try (ImportWorkers workers = new ImportWorkers(chunkCount > 1 ? Math.min(chunkCount, helpers) : 0);
                MultiRowInsert.Statements statements = new MultiRowInsert.Statements(h)) {
            List<Future<Chunk>> chunks = new ArrayList<>();
            for (int from = 0; from < slots.size(); from += CHUNK) {
                List<Slot> part = slots.subList(from, Math.min(slots.size(), from + CHUNK));
                chunks.add(workers.submit(() -> prepare(part, actor, now)));
            }
            // The checks, masking and rows of later chunks are made on the other cores while this thread writes.
            for (int c = 0; c < chunks.size(); c++) {
                Future<Chunk> future = chunks.set(c, null); // written rows need not stay in memory
                Chunk chunk = ImportWorkers.await(future);
                outcome.add(chunk);
                if (write && outcome.errors.isEmpty()) {
                    write(h, chunk, statements, actor);
                }
                progress.accept(outcome.ids.size());
            }
        }
        if (write && outcome.errors.isEmpty()) {
            counter.raiseLastNumber(h, outcome.highest);
        }
        return new ImportOutcome(
                outcome.ids,
                outcome.created,
                outcome.updated,
                outcome.unchanged,
                outcome.notes,
                outcome.errors,
                conflicts,
                renumbered,
                outcome.versions);
    }

    /** Records per task: enough to keep the other cores busy, few enough that the first rows are written early. */
    private static final int CHUNK = 250;

    /** One entry of the page with what only the transaction's thread can know about it. */
    private record Slot(ImportItem item, HotfixId id, boolean repeated, Hotfix existing) {}

    private enum Kind {
        CREATED,
        UPDATED,
        UNCHANGED,
        FAILED
    }

    /** One entry, checked and merged; for an update, the record it replaces and the revision it adds. */
    private record Prepared(
            HotfixId id,
            Kind kind,
            Hotfix result,
            Hotfix existing,
            Revision revision,
            List<String> notes,
            List<FieldError> errors) {}

    /** Entries in page order, and the rows of the new records among them. */
    private record Chunk(List<Prepared> entries, RecordRowsRepository.Inserts inserts) {}

    /** Needs no handle, so it may run on any thread. */
    private Chunk prepare(List<Slot> slots, String actor, Instant now) {
        List<Prepared> out = new ArrayList<>(slots.size());
        RecordRowsRepository.Inserts inserts = new RecordRowsRepository.Inserts();
        for (Slot slot : slots) {
            HotfixId id = slot.id();
            int line = slot.item().line();
            if (slot.repeated()) {
                out.add(new Prepared(
                        id,
                        Kind.FAILED,
                        null,
                        null,
                        null,
                        List.of(),
                        List.of(new FieldError("line " + line, id + " appears twice in the page"))));
                continue;
            }
            List<String> notes = new ArrayList<>(0);
            try {
                Hotfix existing = slot.existing();
                List<Revision> carried = existing == null ? carried(slot.item()) : List.of();
                Hotfix result = merge(existing, slot.item(), carried, id, actor, now, notes);
                if (existing == null) {
                    inserts.add(result);
                    if (carried.isEmpty()) {
                        inserts.addRevision(id, new Revision(1, actor, now, "imported", RecordDiff.diff(null, result)));
                    } else {
                        carried.forEach(r -> inserts.addRevision(id, r)); // its history as it was, not one import
                    }
                    out.add(new Prepared(id, Kind.CREATED, result, null, null, notes, List.of()));
                } else if (same(existing, result)) {
                    out.add(new Prepared(id, Kind.UNCHANGED, result, existing, null, notes, List.of()));
                } else {
                    Revision revision =
                            new Revision(result.version(), actor, now, "imported", RecordDiff.diff(existing, result));
                    out.add(new Prepared(id, Kind.UPDATED, result, existing, revision, notes, List.of()));
                }
            } catch (ValidationException e) {
                out.add(new Prepared(
                        id,
                        Kind.FAILED,
                        null,
                        null,
                        null,
                        notes,
                        e.errors().stream()
                                .map(fe -> new FieldError("line " + line, id + " " + fe.field() + ": " + fe.message()))
                                .toList()));
            }
        }
        return new Chunk(out, inserts);
    }

    private void write(Handle h, Chunk chunk, MultiRowInsert.Statements statements, String actor) {
        chunk.inserts().execute(statements);
        for (Prepared p : chunk.entries()) {
            if (p.kind() == Kind.CREATED) {
                listeners.tell(h, new RecordChange(RecordChange.Kind.IMPORTED, null, p.result(), actor));
            }
            if (p.kind() != Kind.UPDATED) {
                continue;
            }
            if (!repo.update(h, p.existing(), p.result())) {
                // Edited while the import ran: undo the whole import rather than overwrite that edit.
                throw new dev.hotfixlog.error.StaleVersionException(
                        p.id().toString(),
                        p.existing().version(),
                        repo.find(h, p.id()).map(Hotfix::version).orElse(-1));
            }
            revisions.appendRevision(h, p.id(), p.revision());
            listeners.tell(h, new RecordChange(RecordChange.Kind.IMPORTED, p.existing(), p.result(), actor));
        }
    }

    /** What the import did, gathered in page order from the chunks. */
    private static final class Outcome {
        final List<HotfixId> ids = new ArrayList<>();
        final List<HotfixId> created = new ArrayList<>();
        final List<HotfixId> updated = new ArrayList<>();
        final List<HotfixId> unchanged = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final List<FieldError> errors = new ArrayList<>();
        final Map<HotfixId, Integer> versions = new java.util.HashMap<>();
        long highest;

        void add(Chunk chunk) {
            for (Prepared p : chunk.entries()) {
                ids.add(p.id());
                notes.addAll(p.notes());
                errors.addAll(p.errors());
                if (p.kind() != Kind.FAILED) {
                    versions.put(
                            p.id(),
                            p.kind() == Kind.UNCHANGED
                                    ? p.existing().version()
                                    : p.result().version());
                }
                switch (p.kind()) {
                    case CREATED -> created.add(p.id());
                    case UPDATED -> updated.add(p.id());
                    case UNCHANGED -> unchanged.add(p.id());
                    case FAILED -> {
                        continue;
                    }
                }
                highest = Math.max(highest, p.id().number());
            }
        }
    }

    private Hotfix merge(
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
        ObjectNode base = existing == null ? dev.hotfixlog.json.Json.object() : HotfixJson.editable(existing);
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
    private List<Revision> carried(ImportItem item) {
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
                ObjectNode both = dev.hotfixlog.json.Json.object();
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

    private static boolean same(Hotfix a, Hotfix b) {
        return a.status() == b.status() && HotfixJson.editable(a).equals(HotfixJson.editable(b));
    }
}
