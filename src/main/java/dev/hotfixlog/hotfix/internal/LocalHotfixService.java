package dev.hotfixlog.hotfix.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.NotFoundException;
import dev.hotfixlog.error.StaleVersionException;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.CustomFields;
import dev.hotfixlog.hotfix.FieldChange;
import dev.hotfixlog.hotfix.FollowUpDue;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixJson;
import dev.hotfixlog.hotfix.HotfixPage;
import dev.hotfixlog.hotfix.HotfixQuery;
import dev.hotfixlog.hotfix.LifecycleEvent;
import dev.hotfixlog.hotfix.LocalHotfixes;
import dev.hotfixlog.hotfix.RecordChange;
import dev.hotfixlog.hotfix.RecordEdit;
import dev.hotfixlog.hotfix.RecordImport;
import dev.hotfixlog.hotfix.RecordListeners;
import dev.hotfixlog.hotfix.Redaction;
import dev.hotfixlog.hotfix.Revision;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.hotfix.Step;
import dev.hotfixlog.hotfix.StepKind;
import dev.hotfixlog.hotfix.Timeline;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.security.SecretRedactor;
import dev.hotfixlog.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * {@link dev.hotfixlog.hotfix.HotfixService} on the database. Input is parsed and validated before a transaction opens; each change
 * is one write transaction that stores the new row and appends its revision, or stores nothing.
 */
public final class LocalHotfixService implements LocalHotfixes {
    private final Database db;
    private final Clock clock;
    private final Redacting redacting;
    private final FollowUpDue due;
    private final RecordListeners listeners;
    private final HotfixRepository repo;
    private final RevisionRepository revisions = new RevisionRepository();
    private final IdCounterRepository counter = new IdCounterRepository();
    private final IdempotencyRepository keys = new IdempotencyRepository();
    private final CustomFields custom;
    private final LocalRecordImport bulk;
    private final RecordCache written = new RecordCache();

    public LocalHotfixService(Database db, Clock clock, SecretRedactor redactor) {
        this(db, clock, redactor, FollowUpDue.SEED, RecordListeners.NONE);
    }

    public LocalHotfixService(
            Database db, Clock clock, SecretRedactor redactor, FollowUpDue due, RecordListeners listeners) {
        this(db, clock, redactor, due, listeners, CustomFields.NONE);
    }

    /** {@code custom}: the team's own fields; their definitions must have been reconciled with the log. */
    public LocalHotfixService(
            Database db,
            Clock clock,
            SecretRedactor redactor,
            FollowUpDue due,
            RecordListeners listeners,
            CustomFields custom) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.redacting = new Redacting(Objects.requireNonNull(redactor, "redactor"));
        this.due = Objects.requireNonNull(due, "due");
        this.listeners = Objects.requireNonNull(listeners, "listeners");
        this.custom = Objects.requireNonNull(custom, "custom");
        this.repo = new HotfixRepository(custom);
        this.bulk = new LocalRecordImport(db, redactor, listeners, custom);
    }

    @Override
    public Hotfix create(MergePatch fields, String actor, String idempotencyKey) {
        ObjectNode body = fields.document();
        Idempotency once = Idempotency.of(idempotencyKey, actor, body);
        List<FieldError> readOnly = new ArrayList<>();
        for (String f : HotfixJson.READ_ONLY_FIELDS) {
            if (body.has(f)) {
                readOnly.add(new FieldError(f, "is set by the server and cannot be given on create"));
            }
        }
        if (!readOnly.isEmpty()) {
            throw new ValidationException(readOnly);
        }
        Instant now = now();
        List<Redaction> redactions = redacting.maskInPlace(body, now);
        Hotfix draft = withCreationDefaults(
                custom.checked(
                        HotfixJson.read(
                                body, new HotfixJson.Identity(new HotfixId(1), Status.ACTIVE, 1, now, now, redactions)),
                        null),
                now,
                actor);
        // Everything that does not need the database happens before the write lock is taken.
        TimelineOrder.check(Timeline.EMPTY, draft.timeline());
        Revision created = new Revision(1, actor, now, "created", RecordDiff.diff(null, draft));
        try {
            return written.remember(db.write(h -> {
                if (once != null) {
                    Optional<Hotfix> earlier = earlierCreate(h, once);
                    if (earlier.isPresent()) {
                        return earlier.get();
                    }
                }
                Hotfix stored = draft.withIdentity(new HotfixId(counter.nextNumber(h)), 1, now, now);
                repo.insert(h, stored);
                revisions.appendRevision(h, stored.id(), created);
                listeners.tell(h, new RecordChange(RecordChange.Kind.CREATED, null, stored, actor));
                if (once != null) {
                    keys.rememberIdempotent(h, once.principal(), once.keyHash(), once.bodyHash(), stored.id(), now);
                }
                return stored;
            }));
        } catch (RuntimeException e) {
            // Two requests with one key at the same moment on PostgreSQL: the loser's key row collides, its
            // whole transaction is undone, and it answers with what the winner made.
            if (once != null && Idempotency.isDuplicateKey(e)) {
                return db.read(h -> earlierCreate(h, once)).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private Optional<Hotfix> earlierCreate(Handle h, Idempotency once) {
        Optional<String[]> row = keys.findIdempotent(h, once.principal(), once.keyHash());
        if (row.isEmpty()) {
            return Optional.empty();
        }
        if (!row.get()[1].equals(once.bodyHash())) {
            throw ValidationException.of(
                    "Idempotency-Key",
                    "was already used for a different request; send a " + "new key for a new hotfix");
        }
        return repo.find(h, HotfixId.parse(row.get()[0]));
    }

    /** Detected now unless said otherwise; the log entry was started now; ticked boxes get their time. */
    private static Hotfix withCreationDefaults(Hotfix draft, Instant now, String actor) {
        Hotfix.Builder b = draft.toBuilder();
        Timeline t = draft.timeline();
        if (t.detectedAt() == null) {
            Instant alerted = t.alertedAt();
            t = t.withDetectedAt(alerted != null && alerted.isBefore(now) ? alerted : now);
            b.timeline(t);
        }
        if (t.alertedAt() != null && !draft.steps().get(StepKind.ALERT_TEAM).done()) {
            b.step(StepKind.ALERT_TEAM, Step.doneAt(t.alertedAt(), actor));
        }
        if (!draft.steps().get(StepKind.START_LOG).done()) {
            b.step(StepKind.START_LOG, Step.doneAt(now, actor));
        }
        return TickStamps.stampNewlyDone(null, b.build(), now, actor);
    }

    @Override
    public Hotfix get(HotfixId id) {
        return db.read(h -> repo.find(h, id)).orElseThrow(() -> notFound(id));
    }

    @Override
    public HotfixPage list(HotfixQuery query) {
        Map<String, Object> byField = custom.filters(query.fields());
        List<Hotfix> rows = db.read(h -> repo.page(h, query, byField));
        if (rows.size() <= query.limit()) {
            return new HotfixPage(rows, null);
        }
        List<Hotfix> page = rows.subList(0, query.limit());
        return new HotfixPage(
                page, HotfixPage.cursorBefore(page.get(page.size() - 1).id().number()));
    }

    @Override
    public Hotfix edit(HotfixId id, int expectedVersion, MergePatch patch, String actor) {
        Instant now = now();
        ObjectNode masked = patch.document();
        List<Redaction> found = redacting.maskInPlace(masked, now);
        // The write's UPDATE … WHERE version = the version read is what makes the edit atomic (every write of a
        // record and its rows raises its version, in save), so the read may run before the write's transaction
        // (SQLite's one writer then holds only the statements that write): a write that lands in between is this
        // edit's 409, as if it had come first.
        return edited(id, expectedVersion, (h, current) -> {
            HotfixJson.checkReadOnly(masked, current);
            Planned planned = planned(current, masked, found, now, actor);
            return save(h, current, planned.next(), planned.changes(), RecordChange.Kind.EDITED, "edited", actor, now);
        });
    }

    /**
     * Runs an edit's {@code write} from the record at {@code expectedVersion}: the copy this instance stored last if
     * it is at that version ({@link RecordCache}: no read), else the stored record. A copy that the write finds out of
     * date (the row moved on without its version, which no write does; or a restore) is forgotten, and the edit is
     * worked out again from a read.
     */
    private Hotfix edited(HotfixId id, int expectedVersion, Database.ThenWrite<Hotfix, Hotfix> write) {
        Optional<Hotfix> copy = written.at(id, expectedVersion);
        if (copy.isPresent()) {
            try {
                return written.remember(db.write(h -> write.withHandle(h, copy.get())));
            } catch (StaleVersionException e) {
                written.forget(id);
                if (e.currentVersion() != expectedVersion) {
                    throw e;
                }
            }
        }
        return written.remember(db.readThenWrite(h -> current(h, id, expectedVersion), write));
    }

    /** An edit worked out: the record as it will be, and what changed. */
    private record Planned(Hotfix next, List<FieldChange> changes) {}

    private Planned planned(Hotfix current, ObjectNode masked, List<Redaction> found, Instant now, String actor) {
        HotfixId id = current.id();
        // The record's editable view, made once: the base the patch applies to and the "before" of the diff.
        ObjectNode view = HotfixJson.editable(current);
        Map<String, JsonNode> before = RecordDiff.flatten(view, current.status());
        ObjectNode merged = MergePatch.of(masked).applyTo(view);
        List<Redaction> redactions = new ArrayList<>(current.redactions());
        redactions.addAll(found);
        Hotfix next = HotfixJson.read(
                merged,
                new HotfixJson.Identity(
                        id, current.status(), current.version() + 1, current.createdAt(), now, redactions),
                // An imported record that states no severity may be edited without choosing one; a stated
                // severity can be changed, never taken away.
                !current.severity().isStated());
        next = AlertStep.keepInStep(
                current, TickStamps.stampNewlyDone(current, custom.checked(next, current), now, actor));
        return new Planned(next, RecordDiff.fromFlattened(before, next));
    }

    /** The typed edit: set on the record itself, then the same checks, stamps and history as a patch's. */
    @Override
    public Hotfix edit(HotfixId id, int expectedVersion, RecordEdit edit, String actor) {
        Instant now = now();
        // As the patch's edit: the version guard makes it atomic, so the read may run before the write.
        return edited(id, expectedVersion, (h, current) -> {
            Hotfix built = current.toBuilder()
                    .timeline(edit.applyTo(current.timeline()))
                    .version(current.version() + 1)
                    .updatedAt(now)
                    .build();
            Hotfix next = AlertStep.keepInStep(
                    current, TickStamps.stampNewlyDone(current, custom.checked(built, current), now, actor));
            return save(
                    h, current, next, RecordDiff.diff(current, next), RecordChange.Kind.EDITED, "edited", actor, now);
        });
    }

    /** The stored record, if it is still at the version the edit was based on. */
    private Hotfix current(Handle h, HotfixId id, int expectedVersion) {
        Hotfix current = repo.find(h, id).orElseThrow(() -> notFound(id));
        if (current.version() != expectedVersion) {
            throw new StaleVersionException(id.toString(), expectedVersion, current.version());
        }
        return current;
    }

    @Override
    public Hotfix record(HotfixId id, LifecycleEvent event, String actor) {
        Instant now = now();
        Instant at = event.at() == null ? now : event.at().truncatedTo(ChronoUnit.MILLIS);
        // An event names no version (it is a fact with its time): a write that lands between its read and its write
        // is not its conflict, so it is applied again to what is then stored (PostgreSQL reads committed data, so
        // another instance's edit can commit in between).
        for (int attempt = 1; ; attempt++) {
            try {
                return recorded(id, event, actor, now, at);
            } catch (StaleVersionException raced) {
                if (attempt == EVENT_RACES) {
                    throw raced;
                }
            }
        }
    }

    /** How many writes in a row an event may lose to others before its client is told (a 412, to try again). */
    private static final int EVENT_RACES = 8;

    private Hotfix recorded(HotfixId id, LifecycleEvent event, String actor, Instant now, Instant at) {
        return written.remember(db.write(h -> {
            Hotfix current = repo.find(h, id).orElseThrow(() -> notFound(id));
            Hotfix next = Lifecycle.apply(current, event, at, actor, due).toBuilder()
                    .version(current.version() + 1)
                    .updatedAt(now)
                    .build();
            String action = event.type().json();
            return save(h, current, next, RecordDiff.diff(current, next), RecordChange.Kind.EVENT, action, actor, now);
        }));
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    private Hotfix save(
            Handle h,
            Hotfix current,
            Hotfix next,
            List<FieldChange> changes,
            RecordChange.Kind kind,
            String action,
            String actor,
            Instant now) {
        if (changes.isEmpty()) {
            return current;
        }
        TimelineOrder.check(current.timeline(), next.timeline());
        if (!repo.update(h, current, next)) {
            // Read before the write (readThenWrite): the record may have been deleted in between, a 404, not a 409.
            int stored = repo.find(h, current.id()).map(Hotfix::version).orElseThrow(() -> notFound(current.id()));
            throw new StaleVersionException(current.id().toString(), current.version(), stored);
        }
        revisions.appendRevision(h, next.id(), new Revision(next.version(), actor, now, action, changes));
        listeners.tell(h, new RecordChange(kind, current, next, actor));
        return next;
    }

    @Override
    public List<Revision> history(HotfixId id) {
        return db.read(h -> {
            if (repo.find(h, id).isEmpty()) {
                throw notFound(id);
            }
            return revisions.history(h, id);
        });
    }

    @Override
    public void delete(HotfixId id, String actor) {
        db.write(h -> {
            Hotfix gone = repo.find(h, id).orElseThrow(() -> notFound(id));
            repo.delete(h, id);
            listeners.tell(h, new RecordChange(RecordChange.Kind.DELETED, gone, null, actor));
            return null;
        });
        written.forget(id);
    }

    @Override
    public CustomFields customFields() {
        return custom;
    }

    @Override
    public RecordImport recordImport() {
        return bulk;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static NotFoundException notFound(HotfixId id) {
        return new NotFoundException("no hotfix " + id + "; list them with `hotfix list` or GET /api/v1/hotfixes");
    }
}
