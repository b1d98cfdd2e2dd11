package dev.hotfixlog.migrate;

import java.util.List;
import java.util.Map;

/**
 * What a migration did (or, dry, would do): each source record created, updated or unchanged here (with the
 * hotfix it is; a dry run names none for records it would create), each skipped with why, the notes the mapping
 * made, the mapping and severity table it used, and what the fetching cost.
 *
 * @param resumedFrom the saved position the run began at when an earlier run had stopped halfway, else null
 * @param finished    true when the source's last page was read (a run that stops on an error says false)
 */
public record MigrationReport(
        String source,
        String origin,
        boolean dryRun,
        String resumedFrom,
        boolean finished,
        int pages,
        int requests,
        int rateLimited,
        int malformedRetried,
        List<Entry> created,
        List<Entry> updated,
        List<Entry> unchanged,
        List<Skipped> skipped,
        List<String> notes,
        List<FieldMap> mapping,
        Map<String, String> severity) {
    public MigrationReport {
        created = List.copyOf(created);
        updated = List.copyOf(updated);
        unchanged = List.copyOf(unchanged);
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
        mapping = List.copyOf(mapping);
        severity = Map.copyOf(severity);
    }

    /** A source record and the hotfix it is here. */
    public record Entry(String sourceKey, String hotfixId, String title) {}

    /** One line of the mapping: our field, and what of the source fills it. */
    public record FieldMap(String field, String from) {}
}
