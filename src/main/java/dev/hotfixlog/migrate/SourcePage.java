package dev.hotfixlog.migrate;

import java.util.List;

/**
 * One page of a source: its records, what on it could not be read (each with why), and where the next page
 * starts ({@code next}, null after the last). The cursor is the source's own position, saved with the page's
 * records in one transaction, so a run killed after a page resumes at the next one.
 */
public record SourcePage(List<SourceDoc> docs, List<Skipped> skipped, String next) {
    public SourcePage {
        docs = List.copyOf(docs);
        skipped = List.copyOf(skipped);
    }
}
