package dev.hotfixlog.lesson;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.ConflictException;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.NotFoundException;
import dev.hotfixlog.error.StaleVersionException;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.security.SecretRedactor;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.store.Sequences;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/** {@link LessonService} on the database. */
public final class LocalLessonService implements LessonService {
    /** Stands in for the number a new lesson receives inside its transaction. */
    private static final LessonId PROVISIONAL = new LessonId(1);

    private final Database db;
    private final Clock clock;
    private final HotfixService hotfixes;
    private final LessonRepository repo = new LessonRepository();
    /** Lesson numbers come from the record's id counter, through its public door. */
    private final Sequences counters = new Sequences();
    /** A lesson is published to the whole company: every text of it is masked before it is read or stored. */
    private final SecretRedactor redactor;

    public LocalLessonService(Database db, Clock clock, HotfixService hotfixes, SecretRedactor redactor) {
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.hotfixes = Objects.requireNonNull(hotfixes, "hotfixes");
    }

    @Override
    public Lesson create(MergePatch fields, String actor) {
        Instant now = now();
        ObjectNode document = fields.document();
        redactor.maskInPlace(document);
        Lesson draft = LessonJson.read(document, PROVISIONAL, 1, now, now);
        if (draft.cases().isEmpty()) {
            throw ValidationException.of(
                    "cases", "name at least one hotfix the lesson was learned from, e.g. " + "[\"HOTFIX-042\"]");
        }
        return db.write(h -> {
            requireHotfixes(h, draft.cases());
            Lesson stored = draft.withIdentity(new LessonId(counters.nextLessonNumber(h)), 1, now, now);
            repo.insert(h, stored);
            return stored;
        });
    }

    @Override
    public Lesson createFrom(HotfixId id, MergePatch overrides, String actor) {
        Hotfix hotfix = hotfixes.get(id);
        if (hotfix.status() != Status.COMPLETED) {
            throw new ConflictException(id + " is " + hotfix.status().json() + ": a lesson is written from a "
                    + "completed hotfix, once its follow-through has taught something");
        }
        return create(MergePatch.of(overrides.applyTo(prefill(hotfix))), actor);
    }

    /** The hotfix's legible write-up as a lesson draft: the fields seed 000 and seed 003 share. */
    static ObjectNode prefill(Hotfix hotfix) {
        ObjectNode n = Json.object();
        n.put("title", hotfix.title());
        n.put("summary", hotfix.text("learning"));
        // A lesson's four dimensions are the record's legible write-up under the same names (seed 000).
        for (String dimension : List.of("constraint", "signal", "boundary", "operatingRule", "category")) {
            n.put(dimension, hotfix.text(dimension));
        }
        ArrayNode cases = n.putArray("cases");
        cases.add(hotfix.id().toString());
        n.putArray("tags");
        return n;
    }

    @Override
    public Lesson get(LessonId id) {
        return db.read(h -> repo.find(h, id)).orElseThrow(() -> notFound(id));
    }

    @Override
    public List<Lesson> list(LessonQuery query) {
        return db.read(h -> repo.list(h, query));
    }

    @Override
    public Lesson edit(LessonId id, int expectedVersion, MergePatch patch, String actor) {
        Lesson current = get(id);
        if (current.version() != expectedVersion) {
            throw new StaleVersionException(id.toString(), expectedVersion, current.version());
        }
        Instant now = now();
        ObjectNode document = patch.applyTo(LessonJson.editable(current));
        redactor.maskInPlace(document);
        Lesson next = LessonJson.read(document, id, current.version() + 1, current.createdAt(), now);
        if (next.cases().isEmpty() && !current.cases().isEmpty()) {
            throw ValidationException.of(
                    "cases", "a lesson keeps at least one case; add another before removing " + "the last");
        }
        return db.write(h -> {
            requireHotfixes(h, next.cases());
            if (!repo.update(h, next, expectedVersion)) {
                int now2 = repo.find(h, id).map(Lesson::version).orElseThrow(() -> notFound(id));
                throw new StaleVersionException(id.toString(), expectedVersion, now2);
            }
            return next;
        });
    }

    @Override
    public void delete(LessonId id, String actor) {
        if (!db.write(h -> repo.delete(h, id))) {
            throw notFound(id);
        }
    }

    @Override
    public Legibility check(MergePatch draft) {
        Instant now = now();
        ObjectNode fields = draft.document();
        if (!fields.hasNonNull("title")) {
            fields.put("title", "(untitled)"); // the checklist is about the write-up; a title is not part of it
        }
        fields.remove("published");
        return LessonJson.read(fields, PROVISIONAL, 1, now, now).legibility();
    }

    private void requireHotfixes(Handle h, List<HotfixId> cases) {
        List<HotfixId> missing = repo.missingHotfixes(h, cases);
        if (!missing.isEmpty()) {
            throw new ValidationException(missing.stream()
                    .map(m -> new FieldError("cases", "no hotfix " + m))
                    .toList());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static NotFoundException notFound(LessonId id) {
        return new NotFoundException(
                "no lesson " + id + "; list them with `hotfix lesson list` or GET /api/v1/lessons");
    }
}
