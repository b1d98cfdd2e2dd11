package dev.hotfixlog.migrate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a migration run and each of its pages did, kept apart from how it does it. */
final class MigrationTally {
    /** A report lists at most this many notes, then how many more there were. */
    static final int MAX_NOTES = 1_000;

    private MigrationTally() {}

    /** What one page did; made inside the transaction, added to the run only once it committed. */
    static final class PageResult {
        final List<MigrationReport.Entry> created = new ArrayList<>();
        final List<MigrationReport.Entry> updated = new ArrayList<>();
        final List<MigrationReport.Entry> unchanged = new ArrayList<>();
        final List<Skipped> skipped = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
    }

    /** One run's tally. */
    static final class Run {
        final MigrationTool kind;
        final String origin;
        final boolean dryRun;
        final String actor;
        final Set<String> seen = new HashSet<>();
        final List<MigrationReport.Entry> created = new ArrayList<>();
        final List<MigrationReport.Entry> updated = new ArrayList<>();
        final List<MigrationReport.Entry> unchanged = new ArrayList<>();
        final List<Skipped> skipped = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        int moreNotes;
        int pages;
        int read;
        boolean finished;
        String resumedFrom;
        Fetcher.Counts counts = new Fetcher.Counts(0, 0, 0);

        Run(MigrationTool kind, String origin, boolean dryRun, String actor) {
            this.kind = kind;
            this.origin = origin;
            this.dryRun = dryRun;
            this.actor = actor;
        }

        void add(PageResult r) {
            created.addAll(r.created);
            updated.addAll(r.updated);
            unchanged.addAll(r.unchanged);
            skipped.addAll(r.skipped);
            r.notes.forEach(this::note);
        }

        void note(String n) {
            if (notes.size() < MAX_NOTES) {
                notes.add(n);
            } else {
                moreNotes++;
            }
        }

        /** The report, with the tool's mapping table and the severity lines the run used. */
        MigrationReport report(Map<String, String> severityLines) {
            List<String> all = new ArrayList<>(notes);
            if (moreNotes > 0) {
                all.add("… and " + moreNotes + " more notes");
            }
            return new MigrationReport(
                    kind.name(),
                    origin,
                    dryRun,
                    resumedFrom,
                    finished,
                    pages,
                    counts.requests(),
                    counts.rateLimited(),
                    counts.malformedRetried(),
                    created,
                    updated,
                    unchanged,
                    skipped,
                    all,
                    kind.rows().stream()
                            .map(x -> new MigrationReport.FieldMap(x.field(), x.from()))
                            .toList(),
                    severityLines);
        }
    }
}
