package dev.hotfixlog.markdown;

import dev.hotfixlog.work.ImportWorkers;
import dev.hotfixlog.work.Threads;
import java.util.Objects;
import java.util.concurrent.FutureTask;

/**
 * A Markdown log page to import: its text, and its reading (parsing), which is done once, when first needed or
 * ahead of time. The CLI reads a page ahead while it opens the database. On two cores both compete, and the
 * 10,000-entry import took 0.94-1.03x of the time without it (bench/compare.sh, docs/PERFORMANCE.md); on more
 * cores they overlap. Reading needs no database, so it is safe on any thread.
 */
public final class LogPage {
    private final String text;
    private final FutureTask<ParsedLog> reading;
    private final LogEvidence.Files files;

    private LogPage(String text, LogEvidence.Files files) {
        this.text = Objects.requireNonNull(text, "text");
        this.files = Objects.requireNonNull(files, "files");
        this.reading = new FutureTask<>(() -> LogReader.read(text));
    }

    public static LogPage of(String text) {
        return new LogPage(text, LogEvidence.Files.NONE);
    }

    /** A page with the files beside it (a full export's evidence folder), read by their relative paths. */
    public static LogPage of(String text, LogEvidence.Files files) {
        return new LogPage(text, files);
    }

    LogEvidence.Files files() {
        return files;
    }

    /** Starts reading the page on a thread of its own; returns at once. */
    public LogPage readAhead() {
        Threads.startDaemon("hotfix-read-page", reading);
        return this;
    }

    public String text() {
        return text;
    }

    /** The page, read: on this thread if nobody has started, else when the reading ahead is done. */
    ParsedLog parsed() {
        reading.run(); // returns at once when the reading has started elsewhere or is done
        return ImportWorkers.await(reading);
    }
}
