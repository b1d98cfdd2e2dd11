package dev.hotfixlog.hotfix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.security.SecretRedactor;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.jdbi.v3.core.Handle;

/**
 * The record feature's bulk operations for whole-log import and export. They run inside a transaction the
 * caller opens, so an import of records and of what else the page holds commits together or not at all.
 */
public final class HotfixBulk {
    private static final int PAGE = 500;
    private final HotfixRepository repo = new HotfixRepository();
    private final Redacting redacting;

    public HotfixBulk(SecretRedactor redactor) {
        this.redacting = new Redacting(redactor);
    }

    /** Every record, oldest number first. */
    public List<Hotfix> all(Handle h) {
        List<Hotfix> out = new ArrayList<>();
        Long before = null;
        while (true) {
            List<Hotfix> page = repo.page(h, new HotfixQuery(null, null, PAGE, before));
            out.addAll(page.subList(0, Math.min(PAGE, page.size())));
            if (page.size() <= PAGE) {
                break;
            }
            before = page.get(PAGE - 1).id().number();
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /** Every record's history, by id, in version order. */
    public Map<HotfixId, List<Revision>> histories(Handle h) {
        return repo.allHistories(h);
    }

    /**
     * Creates the records the page has and the log does not, updates those that differ (one revision
     * {@code imported} each), and leaves equal ones alone. With {@code write} false nothing is written: the
     * outcome says what would happen. Any error leaves the outcome's lists as they would be, and nothing written.
     */
    public ImportOutcome apply(Handle h, List<ImportItem> items, String actor, Instant now, boolean write,
                               IntConsumer progress) {
        List<HotfixId> ids = new ArrayList<>();
        List<HotfixId> created = new ArrayList<>();
        List<HotfixId> updated = new ArrayList<>();
        List<HotfixId> unchanged = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        if (write) {
            // Hold the id counter until the import commits: a hotfix declared meanwhile waits instead of taking a
            // number this import is about to use.
            repo.lockNumbers(h);
        }
        long next = Math.max(repo.lastNumber(h), items.stream().filter(i -> i.id() != null)
                .mapToLong(i -> i.id().number()).max().orElse(0));
        Set<HotfixId> seen = new HashSet<>();
        Set<String> stored = repo.ids(h);
        HotfixRepository.Inserts inserts = new HotfixRepository.Inserts(h);
        long highest = 0;
        int done = 0;
        for (ImportItem item : items) {
            HotfixId id = item.id() != null ? item.id() : new HotfixId(++next);
            ids.add(id);
            if (!seen.add(id)) {
                errors.add(new FieldError("line " + item.line(), id + " appears twice in the page"));
                continue;
            }
            try {
                Hotfix existing = stored.contains(id.toString()) ? repo.find(h, id).orElse(null) : null;
                Hotfix result = merge(existing, item, id, actor, now, notes);
                highest = Math.max(highest, id.number());
                if (existing != null && same(existing, result)) {
                    unchanged.add(id);
                } else if (existing == null) {
                    created.add(id);
                    if (write && errors.isEmpty()) {
                        inserts.add(result);
                        inserts.addRevision(id, new Revision(1, actor, now, "imported", HotfixJson.diff(null, result)));
                    }
                } else {
                    updated.add(id);
                    if (write && errors.isEmpty()) {
                        if (!repo.update(h, result, existing.version())) {
                            // Edited while the import ran: undo the whole import rather than overwrite that edit.
                            throw new dev.hotfixlog.error.StaleVersionException(id.toString(), existing.version(),
                                    repo.find(h, id).map(Hotfix::version).orElse(-1));
                        }
                        repo.appendRevision(h, id, new Revision(result.version(), actor, now, "imported",
                                HotfixJson.diff(existing, result)));
                    }
                }
            } catch (ValidationException e) {
                for (FieldError fe : e.errors()) {
                    errors.add(new FieldError("line " + item.line(), id + " " + fe.field() + ": " + fe.message()));
                }
            }
            if (++done % 100 == 0) {
                progress.accept(done);
            }
        }
        progress.accept(done);
        if (write && errors.isEmpty()) {
            inserts.execute();
            repo.raiseLastNumber(h, highest);
        }
        return new ImportOutcome(ids, created, updated, unchanged, notes, errors);
    }

    private Hotfix merge(Hotfix existing, ImportItem item, HotfixId id, String actor, Instant now,
                         List<String> notes) {
        ObjectNode fields = item.fields().deepCopy();
        List<Redaction> found = redacting.maskInPlace(fields, now);
        if (item.day() != null && existing != null && existing.timeline().detectedAt() != null
                && existing.timeline().detectedAt().atZone(ZoneOffset.UTC).toLocalDate().equals(item.day())) {
            fields.remove("detectedAt"); // the one-liner knows the day only; the stored time is more precise
        }
        ObjectNode base = existing == null ? dev.hotfixlog.json.Json.object() : HotfixJson.editable(existing);
        ObjectNode merged = MergePatch.of(fields).applyTo(base);
        if (existing == null && !merged.hasNonNull("severity") && item.day() != null) {
            merged.put("severity", "medium");
            notes.add(id + ": a completed one-line entry has no severity; recorded as Medium");
        }
        if (!item.fullRecord()) {
            dropDurationEqualToTimeline(merged); // a page's Duration line may only repeat the timeline
        }
        Status status = status(existing, item);
        List<Redaction> redactions = new ArrayList<>(existing == null ? List.of() : existing.redactions());
        redactions.addAll(found);
        Hotfix read = HotfixJson.read(merged, new HotfixJson.Identity(id, status,
                existing == null ? 1 : existing.version() + 1, existing == null ? now : existing.createdAt(), now,
                redactions));
        return Stamps.stampNewlyDone(existing, read, now, actor);
    }

    /** A written duration that only repeats detection → resolution (to the second) is not kept twice. */
    private static void dropDurationEqualToTimeline(ObjectNode merged) {
        JsonNode d = merged.get("duration");
        if (d == null || d.isNull() || !merged.hasNonNull("detectedAt") || !merged.hasNonNull("resolvedAt")) {
            return;
        }
        try {
            Duration between = Duration.between(TimeText.parseInstant("detectedAt", merged.get("detectedAt").asText()),
                    TimeText.parseInstant("resolvedAt", merged.get("resolvedAt").asText()));
            // A page writes durations to the second; the times themselves carry milliseconds.
            if (between.getSeconds() == TimeText.parseDuration("duration", d.asText()).getSeconds()) {
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
