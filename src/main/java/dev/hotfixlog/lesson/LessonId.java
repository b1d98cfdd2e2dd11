package dev.hotfixlog.lesson;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.hotfixlog.error.NotFoundException;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.security.SecretRedactor;

/** {@code LESSON-001}: the number padded to three digits at least, like a hotfix's. */
public record LessonId(long number) implements Comparable<LessonId> {
    private static final Pattern FORM = Pattern.compile("(?i)\\s*(?:LESSON-?)?0*(\\d{1,12})\\s*");

    public LessonId {
        if (number < 1) {
            throw ValidationException.of("id", "must be LESSON-001 or above, was number " + number);
        }
    }

    /** Reads {@code LESSON-7}, {@code lesson-007} or {@code 7}. */
    public static LessonId parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw ValidationException.of(
                    "id",
                    SecretRedactor.quoted(text) + " is not a lesson id; expected LESSON-NNN, e.g. " + "LESSON-001");
        }
        return new LessonId(Long.parseLong(m.group(1)));
    }

    /** An id from a URL path: anything else is a page that does not exist (404), not bad input. */
    public static LessonId fromPath(String text) {
        try {
            return parse(text);
        } catch (ValidationException e) {
            throw new NotFoundException("no lesson " + SecretRedactor.quoted(text) + "; ids look like LESSON-001");
        }
    }

    @Override
    public String toString() {
        return String.format("LESSON-%03d", number);
    }

    @Override
    public int compareTo(LessonId o) {
        return Long.compare(number, o.number);
    }
}
