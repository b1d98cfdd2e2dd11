package dev.hotfixlog.hotfix.internal;

import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.StaleVersionException;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.CustomFields;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixJson;
import dev.hotfixlog.hotfix.HotfixQuery;
import dev.hotfixlog.hotfix.ImportItem;
import dev.hotfixlog.hotfix.ImportOutcome;
import dev.hotfixlog.hotfix.RecordChange;
import dev.hotfixlog.hotfix.RecordListeners;
import dev.hotfixlog.hotfix.Revision;
import dev.hotfixlog.security.SecretRedactor;
import dev.hotfixlog.store.MultiRowInsert;
import dev.hotfixlog.work.ImportWorkers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
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
    private final ImportMerge merging;
    private final RecordListeners listeners;

    HotfixBulk(SecretRedactor redactor, RecordListeners listeners, CustomFields custom) {
        this.merging = new ImportMerge(new Redacting(redactor), custom);
        this.listeners = listeners;
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
        Collections.reverse(out);
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
        Plan plan = plan(h, items, renumber);
        if (!plan.conflicts().isEmpty() && !renumber) {
            return refused(plan, write);
        }
        Outcome outcome = run(h, plan.slots(), actor, now, write, progress);
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
                plan.conflicts(),
                plan.renumbered(),
                outcome.versions);
    }

    /**
     * The page's entries with their ids, in page order, on this thread (it owns the handle): ids, repeated ids, the
     * records entries update, and the entries that are another incident under a stored record's id.
     */
    private Plan plan(Handle h, List<ImportItem> items, boolean renumber) {
        long next = Math.max(
                counter.lastNumber(h),
                items.stream()
                        .filter(i -> i.id() != null)
                        .mapToLong(i -> i.id().number())
                        .max()
                        .orElse(0));
        Set<HotfixId> seen = new HashSet<>();
        Set<String> stored = repo.ids(
                h,
                items.stream()
                        .filter(i -> i.id() != null)
                        .map(i -> i.id().toString())
                        .collect(Collectors.toSet()));
        List<Slot> slots = new ArrayList<>(items.size());
        List<String> conflicts = new ArrayList<>();
        Map<HotfixId, HotfixId> renumbered = new LinkedHashMap<>();
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
        return new Plan(slots, conflicts, renumbered);
    }

    /** Not a silent merge: say which entries collide and how to bring them in, and change nothing. */
    private static ImportOutcome refused(Plan plan, boolean write) {
        return new ImportOutcome(
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                write
                        ? plan.conflicts().stream()
                                .map(c -> new FieldError(
                                        c.substring(0, c.indexOf(':')),
                                        c.substring(c.indexOf(':') + 2)
                                                + "; import with --renumber (API: ?renumber=true) to give it a new id"))
                                .toList()
                        : List.of(),
                plan.conflicts(),
                plan.renumbered(),
                Map.of());
    }

    /** Prepares the slots in chunks on the other cores while this thread writes them, in page order. */
    private Outcome run(Handle h, List<Slot> slots, String actor, Instant now, boolean write, IntConsumer progress) {
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
        return outcome;
    }

    /** Records per task: enough to keep the other cores busy, few enough that the first rows are written early. */
    private static final int CHUNK = 250;

    /** The page's entries as {@link #plan} placed them, the collisions it found and the new ids it gave. */
    private record Plan(List<Slot> slots, List<String> conflicts, Map<HotfixId, HotfixId> renumbered) {}

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
            List<FieldError> errors) {
        /** An entry refused: nothing of it is written, its errors say why. */
        static Prepared failed(HotfixId id, List<String> notes, List<FieldError> errors) {
            return new Prepared(id, Kind.FAILED, null, null, null, notes, errors);
        }
    }

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
                out.add(Prepared.failed(
                        id, List.of(), List.of(new FieldError("line " + line, id + " appears twice in the page"))));
                continue;
            }
            List<String> notes = new ArrayList<>(0);
            try {
                Hotfix existing = slot.existing();
                List<Revision> carried = existing == null ? merging.carried(slot.item()) : List.of();
                Hotfix result = merging.merge(existing, slot.item(), carried, id, actor, now, notes);
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
                out.add(Prepared.failed(
                        id,
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
                throw new StaleVersionException(
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
        final Map<HotfixId, Integer> versions = new HashMap<>();
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

    private static boolean same(Hotfix a, Hotfix b) {
        return a.status() == b.status() && HotfixJson.editable(a).equals(HotfixJson.editable(b));
    }
}
