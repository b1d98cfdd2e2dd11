package dev.hotfixlog.attachment;

import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.lesson.LessonId;
import java.util.Locale;

/** What an attachment is evidence for: a hotfix or a lesson, by its id ({@code HOTFIX-012}, {@code LESSON-003}). */
public record Owner(Kind kind, String id) {
    public enum Kind {
        HOTFIX,
        LESSON;

        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Owner {
        if (kind == null || id == null) {
            throw new IllegalArgumentException("an owner needs a kind and an id");
        }
    }

    public static Owner hotfix(HotfixId id) {
        return new Owner(Kind.HOTFIX, id.toString());
    }

    public static Owner lesson(LessonId id) {
        return new Owner(Kind.LESSON, id.toString());
    }

    /** {@code HOTFIX-12}, {@code 12} (a hotfix) or {@code LESSON-3}; anything else is a bad id naming the input. */
    public static Owner parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.regionMatches(true, 0, "LESSON", 0, 6)) {
            return lesson(LessonId.parse(t));
        }
        return hotfix(HotfixId.parse(t));
    }

    /** The page the attachment is shown on. */
    public String page() {
        return (kind == Kind.HOTFIX ? "/hotfixes/" : "/lessons/") + id;
    }

    /** The API collection of its attachments. */
    public String api() {
        return (kind == Kind.HOTFIX ? "/hotfixes/" : "/lessons/") + id + "/attachments";
    }

    @Override
    public String toString() {
        return id;
    }
}
