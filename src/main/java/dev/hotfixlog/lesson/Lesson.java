package dev.hotfixlog.lesson;

import com.google.re2j.Pattern;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.TextRules;
import dev.hotfixlog.security.SecretRedactor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * A lesson from production (seed 003): a title and a one-paragraph summary, the four dimensions of a legible fix
 * (seed 000: constraint, signal, boundary, operating rule), its failure-mode category and lesson bucket, tags,
 * and the hotfixes it was learned from. Holds no person: authors and owners stay on the hotfix records, which
 * is what lets the field-notes site be blameless.
 *
 * <p>Immutable; every rule is checked here and all broken ones are listed at once. How legible the write-up is
 * ({@link Legibility}) is advice, never a rule: a half-written lesson can always be saved. Publishing needs a
 * summary, because the site's index is made of them.
 */
public record Lesson(
        LessonId id,
        String title,
        String summary,
        String constraint,
        String signal,
        String boundary,
        String operatingRule,
        String category,
        Bucket bucket,
        List<String> tags,
        List<HotfixId> cases,
        boolean published,
        int version,
        Instant createdAt,
        Instant updatedAt) {
    public static final int SUMMARY_MAX_CHARS = 2_000;
    public static final int TAGS_MAX = 20;
    public static final int CASES_MAX = 50;
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._+#-]{0,49}");

    public Lesson {
        title = trimmed(title);
        summary = trimmed(summary);
        constraint = trimmed(constraint);
        signal = trimmed(signal);
        boundary = trimmed(boundary);
        operatingRule = trimmed(operatingRule);
        category = trimmed(category);
        List<FieldError> errors = new ArrayList<>();
        if (title == null) {
            errors.add(new FieldError("title", "is required"));
        }
        TextRules.check(errors, "title", title, TextRules.TITLE_MAX_CHARS);
        TextRules.check(errors, "summary", summary, SUMMARY_MAX_CHARS);
        TextRules.check(errors, "constraint", constraint, TextRules.TEXT_MAX_CHARS);
        TextRules.check(errors, "signal", signal, TextRules.TEXT_MAX_CHARS);
        TextRules.check(errors, "boundary", boundary, TextRules.TEXT_MAX_CHARS);
        TextRules.check(errors, "operatingRule", operatingRule, TextRules.TEXT_MAX_CHARS);
        TextRules.check(errors, "category", category, TextRules.NAME_MAX_CHARS);
        tags = tags(tags, errors);
        cases = cases == null ? List.of() : List.copyOf(new LinkedHashSet<>(cases));
        if (cases.size() > CASES_MAX) {
            errors.add(new FieldError("cases", "at most " + CASES_MAX + " hotfixes, was " + cases.size()));
        }
        if (published && summary == null) {
            errors.add(new FieldError("summary", "is required to publish: the field notes' index shows it"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Lower case, each once, in the order given. */
    private static List<String> tags(List<String> given, List<FieldError> errors) {
        if (given == null) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String t : given) {
            String tag = t == null ? "" : t.strip().toLowerCase(Locale.ROOT);
            if (!TAG.matcher(tag).matches()) {
                errors.add(new FieldError(
                        "tags",
                        SecretRedactor.quoted(t)
                                + " is not a tag: 1-50 letters, digits, spaces or . _ + # -,"
                                + " starting with a letter or digit"));
            } else {
                out.add(tag);
            }
        }
        if (out.size() > TAGS_MAX) {
            errors.add(new FieldError("tags", "at most " + TAGS_MAX + " tags, was " + out.size()));
        }
        return List.copyOf(out);
    }

    public Legibility legibility() {
        return Legibility.of(summary, constraint, signal, boundary, operatingRule, category, bucket);
    }

    /** The same lesson under its stored identity. */
    Lesson withIdentity(LessonId newId, int newVersion, Instant created, Instant updated) {
        return new Lesson(
                newId,
                title,
                summary,
                constraint,
                signal,
                boundary,
                operatingRule,
                category,
                bucket,
                tags,
                cases,
                published,
                newVersion,
                created,
                updated);
    }
}
