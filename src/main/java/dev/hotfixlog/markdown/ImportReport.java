package dev.hotfixlog.markdown;

import java.util.List;

/**
 * What an import did, or with {@code dryRun} would do. Nothing is applied when the page has errors; they come as
 * a {@code ValidationException} naming each line instead. {@code emergencyTypes} and {@code warningSigns} say,
 * item by item, how the page's lists were merged into the log's ({@link PageListMerge}).
 */
public record ImportReport(
        boolean dryRun,
        List<String> created,
        List<String> updated,
        List<String> unchanged,
        List<String> skipped,
        ListChanges emergencyTypes,
        ListChanges warningSigns,
        List<String> conflicts) {
    public ImportReport {
        conflicts = List.copyOf(conflicts);
        created = List.copyOf(created);
        updated = List.copyOf(updated);
        unchanged = List.copyOf(unchanged);
        skipped = List.copyOf(skipped);
    }
}
