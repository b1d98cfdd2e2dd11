package dev.hotfixlog.migrate;

/** A tool's history, read a page at a time from a cursor (null: the beginning). */
public interface Source extends AutoCloseable {
    SourcePage page(String cursor);

    /** Requests made, answers that were rate limits, malformed answers retried; zero for a database. */
    default Fetcher.Counts counts() {
        return new Fetcher.Counts(0, 0, 0);
    }

    @Override
    default void close() {}
}
