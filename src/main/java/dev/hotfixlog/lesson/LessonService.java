package dev.hotfixlog.lesson;

import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.json.MergePatch;
import java.util.List;

/**
 * Lessons from production: the CLI, the REST API and the pages all call this. {@link LocalLessonService} runs it
 * on the database, {@link LessonApiClient} against a server. Errors: {@code ValidationException} (every bad
 * field), {@code NotFoundException}, {@code ConflictException} (a lesson from a hotfix that is not completed),
 * {@code StaleVersionException}. Each change is one transaction.
 */
public interface LessonService {
    /** A new lesson from the given fields ({@code title} and at least one case are required). */
    Lesson create(MergePatch fields, String actor);

    /**
     * A new lesson from a completed hotfix in one step: title, write-up, category and the hotfix as its case
     * come from the record; {@code overrides} (may be empty) set or replace any field.
     */
    Lesson createFrom(HotfixId hotfix, MergePatch overrides, String actor);

    Lesson get(LessonId id);

    List<Lesson> list(LessonQuery query);

    /** Applies {@code patch} if the lesson is still at {@code expectedVersion}. */
    Lesson edit(LessonId id, int expectedVersion, MergePatch patch, String actor);

    void delete(LessonId id, String actor);

    /** The legibility checklist of a draft (any subset of the editable fields); saves nothing. */
    Legibility check(MergePatch draft);
}
