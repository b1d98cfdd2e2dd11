package dev.hotfixlog.incoming;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.ConflictException;
import dev.hotfixlog.error.NotFoundException;
import dev.hotfixlog.error.StaleVersionException;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.hotfix.RecordEdit;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.security.Integration;
import dev.hotfixlog.security.SecretRedactor;
import dev.hotfixlog.security.Sha256;
import dev.hotfixlog.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link IncomingService} and {@link AlertIntake} on the database. One delivery is one write transaction:
 * find (or open) the group's live incoming alert, merge its alerts by fingerprint, recount, keep the body. The
 * record is changed only through {@link HotfixService}: declaring creates it, and "alerts cleared at" is an edit
 * by the integration, after the delivery's own transaction.
 */
public final class LocalIncomingService implements IncomingService, AlertIntake {
    private static final Logger LOG = LoggerFactory.getLogger(LocalIncomingService.class);
    private final Database db;
    private final Clock clock;
    private final SecretRedactor redactor;
    private final HotfixService hotfixes;
    private final IncomingRepository repo = new IncomingRepository();
    private final Map<String, AlertFormat> formats = new LinkedHashMap<>();

    /** Takes deliveries in these formats, each from an integration of the format's kind. */
    public LocalIncomingService(
            Database db, Clock clock, SecretRedactor redactor, HotfixService hotfixes, List<AlertFormat> formats) {
        formats.forEach(f -> this.formats.put(f.name(), f));
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.hotfixes = Objects.requireNonNull(hotfixes, "hotfixes");
    }

    /** What one delivery left behind, for what follows its transaction. */
    private record Filed(
            long id, IncomingAlert.State state, boolean opened, String hotfixId, String repeatOf, Long clearedAt) {}

    @Override
    public Receipt receive(Integration from, String body) {
        // Every text of the delivery is masked before anything is read from it: titles, labels, annotations,
        // links, the group key. The body is kept as that masked document: masking the JSON text itself would miss
        // a pasted key whose line breaks are escapes (\n) in a JSON string.
        AlertFormat format = formats.get(from.kind().name());
        if (format == null) {
            throw new IllegalArgumentException(
                    "no alert format is named " + from.kind().name());
        }
        ObjectNode document = Json.parseObject(body);
        redactor.maskInPlace(document);
        AlertBatch batch = format.read(document);
        String kept = Json.write(document);
        String groupHash = Sha256.hex(batch.groupKey());
        String liveGroup = from.path() + ":" + groupHash;
        String bodyHash = Sha256.hex(kept);
        AlertDrafts.Summary summary = AlertDrafts.Summary.of(batch, from.systemLabels());
        long now = clock.millis();
        Filed f = db.write(h -> file(h, from, batch, groupHash, liveGroup, summary, kept, bodyHash, now));
        if (f.state() == IncomingAlert.State.DECLARED && f.hotfixId() != null) {
            try {
                stampCleared(f.hotfixId(), f.clearedAt(), "alerts:" + from.path());
            } catch (RuntimeException e) {
                // The delivery is filed; the stamp is tried again by the group's next delivery. A failure here must
                // not answer the sender with an error it would not retry (or would retry for nothing).
                LOG.warn("could not stamp alerts cleared on {}: {}", f.hotfixId(), e.toString());
            }
        }
        return new Receipt(f.id(), f.state(), f.opened(), f.hotfixId(), f.repeatOf());
    }

    private Filed file(
            Handle h,
            Integration from,
            AlertBatch batch,
            String groupHash,
            String liveGroup,
            AlertDrafts.Summary summary,
            String kept,
            String bodyHash,
            long now) {
        IncomingRepository.Live live = repo.live(h, liveGroup);
        String repeatOf = null;
        if (live != null && live.state() == IncomingAlert.State.DECLARED) {
            IncomingRepository.RecordState record = live.hotfixId() == null ? null : repo.record(h, live.hotfixId());
            if (record == null) {
                // Its hotfix was deleted: the group starts over.
                repo.release(h, live.id());
                live = null;
            } else if (record.completed()
                    && batch.anyFiring()
                    && (live.clearedAt() != null || firedAfter(batch, record.resolvedAt()))) {
                // Completed, and firing anew (it had cleared, or an alert started after completion): a repeat.
                repo.release(h, live.id());
                repeatOf = live.hotfixId();
                live = null;
            }
        }
        boolean late = false;
        if (live == null && !batch.anyFiring() && repeatOf == null) {
            // Only resolutions, for a group that is over (dismissed and cleared, or its hotfix completed): a late
            // or repeated resolution belongs to the group's last incoming alert, not to a new question.
            live = repo.latest(h, from.path(), groupHash);
            late = live != null;
        }
        long id = live != null
                ? live.id()
                : repo.open(h, from.path(), groupHash, liveGroup, batch.groupKey(), summary.title(), now, repeatOf);
        repo.lock(h, id);
        Map<String, IncomingRepository.Known> known = repo.known(h, id);
        for (AlertBatch.Item a : batch.alerts()) {
            IncomingRepository.Known k = known.get(a.fingerprint());
            if (k == null || newer(a, k)) {
                repo.putItem(h, id, a, k != null);
                known.put(a.fingerprint(), new IncomingRepository.Known(a.status(), millis(a.startsAt())));
            }
        }
        IncomingRepository.Counts counts = repo.counts(h, id);
        Long cleared = null;
        if (counts.firing() == 0 && counts.alerts() > 0) {
            cleared = live != null && live.clearedAt() != null
                    ? live.clearedAt()
                    : Math.min(now, counts.lastEnd() != null ? counts.lastEnd() : now);
        }
        repo.update(
                h, id, summary.title(), summary.severity(), summary.systems(), summary.links(), counts, cleared, now);
        repo.keep(h, id, bodyHash, batch.status(), kept, now);
        IncomingAlert.State state = live == null ? IncomingAlert.State.OPEN : live.state();
        if (state == IncomingAlert.State.DISMISSED && cleared != null && !late) {
            // A dismissed group that cleared is over: its next firing is a new question.
            repo.release(h, id);
        }
        return new Filed(id, state, live == null, live == null ? null : live.hotfixId(), repeatOf, cleared);
    }

    /**
     * Whether a delivery's word on an alert replaces the stored one: a later start always does (it fired again);
     * with the same start, resolved replaces firing but never the reverse, so a late re-send from an HA peer or
     * a retry cannot re-open what resolved.
     */
    private static boolean newer(AlertBatch.Item a, IncomingRepository.Known k) {
        Long starts = millis(a.startsAt());
        if (starts != null && k.startsAt() != null && !starts.equals(k.startsAt())) {
            return starts > k.startsAt();
        }
        return !(a.firing() && k.status().equals("resolved"));
    }

    private static boolean firedAfter(AlertBatch batch, Long resolvedAt) {
        return resolvedAt != null
                && batch.alerts().stream()
                        .anyMatch(a -> a.firing()
                                && a.startsAt() != null
                                && a.startsAt().toEpochMilli() > resolvedAt);
    }

    /** Keeps the hotfix's "alerts cleared at" what its group says; a stale version is read again. */
    private void stampCleared(String hotfixId, Long clearedAt, String actor) {
        HotfixId id = HotfixId.parse(hotfixId);
        RecordEdit cleared = RecordEdit.set(
                RecordEdit.Moment.ALERTS_CLEARED, clearedAt == null ? null : Instant.ofEpochMilli(clearedAt));
        for (int attempt = 0; attempt < 3; attempt++) {
            Hotfix h = hotfixes.get(id);
            if (cleared.isHeldBy(h)) {
                return;
            }
            try {
                hotfixes.edit(id, h.version(), cleared, actor);
                return;
            } catch (StaleVersionException e) {
                // Someone edited it meanwhile: read it again.
            }
        }
    }

    @Override
    public List<IncomingAlert> list(IncomingAlert.State state, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ValidationException.of("limit", "must be 1.." + MAX_LIMIT + ", was " + limit);
        }
        return db.read(h -> repo.list(h, state, limit));
    }

    @Override
    public IncomingAlert get(long id) {
        IncomingAlert a = db.read(h -> repo.find(h, id, true));
        if (a == null) {
            throw new NotFoundException("no incoming alert ALERT-" + id);
        }
        return a;
    }

    @Override
    public ObjectNode draft(long id) {
        return AlertDrafts.draft(get(id));
    }

    @Override
    public Hotfix declare(long id, MergePatch fields, String actor, String idempotencyKey) {
        IncomingAlert a = get(id);
        if (a.state() == IncomingAlert.State.DECLARED && a.hotfixId() != null) {
            return hotfixes.get(HotfixId.parse(a.hotfixId()));
        }
        if (a.state() == IncomingAlert.State.DISMISSED) {
            throw new ConflictException(a.ref() + " was dismissed as "
                    + a.outcome().label() + " by " + a.decidedBy() + "; it cannot be declared now");
        }
        ObjectNode record = fields.applyTo(AlertDrafts.draft(a));
        // One key per incoming alert: two responders declaring it at once get one hotfix.
        Hotfix h = hotfixes.create(
                MergePatch.of(record), actor, idempotencyKey == null ? "incoming-" + a.id() : idempotencyKey);
        boolean linked = db.write(t -> repo.decide(
                t,
                id,
                IncomingAlert.State.DECLARED,
                Outcome.DECLARED,
                null,
                h.id().toString(),
                actor,
                clock.millis(),
                false));
        if (!linked) {
            IncomingAlert now = get(id);
            if (!h.id().toString().equals(now.hotfixId())) {
                throw new ConflictException(a.ref() + " was decided by " + now.decidedBy() + " meanwhile ("
                        + now.outcome().label() + "); " + h.id() + " was declared from it and stands on its own");
            }
        }
        return h;
    }

    @Override
    public IncomingAlert dismiss(long id, Outcome outcome, String note, String actor) {
        if (outcome == null || outcome == Outcome.DECLARED) {
            throw ValidationException.of("outcome", "is required: not-a-hotfix, noise or duplicate");
        }
        String n = note == null || note.isBlank()
                ? null
                : AlertDrafts.printable(redactor.redact(note).text(), 500);
        if (outcome == Outcome.DUPLICATE && n == null) {
            throw ValidationException.of("note", "says what it duplicates: ALERT-12 or HOTFIX-007");
        }
        IncomingAlert a = get(id);
        if (a.state() != IncomingAlert.State.OPEN) {
            throw new ConflictException(a.ref() + " was already decided by " + a.decidedBy() + " ("
                    + a.outcome().label() + ")");
        }
        // A dismissed group that already cleared is over now; one still firing keeps its deliveries until it clears.
        boolean done = db.write(h -> repo.decide(
                h, id, IncomingAlert.State.DISMISSED, outcome, n, null, actor, clock.millis(), a.cleared()));
        if (!done) {
            IncomingAlert now = get(id);
            throw new ConflictException(a.ref() + " was decided by " + now.decidedBy() + " meanwhile ("
                    + now.outcome().label() + ")");
        }
        return get(id);
    }

    @Override
    public List<IncomingAlert> ofHotfix(String hotfixId) {
        return db.read(h -> repo.ofHotfix(h, hotfixId));
    }

    private static Long millis(Instant i) {
        return i == null ? null : i.toEpochMilli();
    }
}
