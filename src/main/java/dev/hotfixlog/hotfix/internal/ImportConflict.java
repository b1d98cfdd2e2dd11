package dev.hotfixlog.hotfix.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.ImportItem;
import dev.hotfixlog.text.Spaces;
import dev.hotfixlog.time.TimeText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * An imported entry that names an id a record here already has is normally that record, updated. It is plainly
 * another incident when both its title and its detection time differ: two logs that numbered their hotfixes
 * independently, merged into one. Then it must not overwrite the record silently.
 */
final class ImportConflict {
    /** Detection times this close are the same moment written twice (a page keeps minutes, a record millis). */
    private static final Duration SAME_MOMENT = Duration.ofMinutes(1);

    private ImportConflict() {}

    public static boolean isAnotherIncident(Hotfix existing, ImportItem item) {
        JsonNode title = item.fields().get("title");
        if (title == null || !title.isTextual() || normal(title.asText()).equals(normal(existing.title()))) {
            return false;
        }
        Instant stored = existing.timeline().detectedAt();
        if (stored == null) {
            return false;
        }
        if (item.day() != null) {
            return !stored.atZone(ZoneOffset.UTC).toLocalDate().equals(item.day());
        }
        JsonNode detected = item.fields().get("detectedAt");
        if (detected == null || !detected.isTextual()) {
            return false;
        }
        try {
            Instant page = TimeText.parseInstant("detectedAt", detected.asText());
            return Duration.between(page, stored).abs().compareTo(SAME_MOMENT) >= 0;
        } catch (ValidationException e) {
            return false; // reported with its line when the entry is read
        }
    }

    private static String normal(String s) {
        return Spaces.collapse(s).toLowerCase(Locale.ROOT);
    }
}
