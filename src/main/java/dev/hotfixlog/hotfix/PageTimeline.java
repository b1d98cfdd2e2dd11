package dev.hotfixlog.hotfix;

import java.util.List;

/**
 * The timeline a hand-kept log page gave a record (the lines of its "#### Timeline" section), shown in the
 * record's JSON as {@code pageTimeline}. The Markdown feature keeps those lines with the page; the record feature
 * only asks, as with {@link RecordMarkdown}, so the two stay one-way.
 */
@FunctionalInterface
public interface PageTimeline {
    PageTimeline NONE = id -> List.of();

    /**
     * One line of the page's timeline.
     *
     * @param time the time the line starts with as written ("02:17", "2026-10-04 02:17"), or null when it has none
     * @param text the rest of the line
     */
    record Line(String time, String text) {}

    /** The record's timeline lines in page order; empty when its page had none. */
    List<Line> lines(HotfixId id);
}
