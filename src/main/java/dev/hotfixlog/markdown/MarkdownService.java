package dev.hotfixlog.markdown;

import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.PageTimeline;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The log as Markdown, in the seed template's own format: the CLI, the REST API and the pages all call this.
 * {@link LocalMarkdownService} runs on the database; {@link MarkdownApiClient} against a server's REST API.
 */
public interface MarkdownService {
    /** The whole log; {@code log} is the seed page, {@code full} keeps every field. */
    String export(LogFormat format);

    /** One record in full template form. */
    String exportOne(HotfixId id);

    /**
     * Imports a page: creates, updates (each change in the record's history) and leaves equal records alone,
     * all in one transaction; {@code dryRun} only reports. Errors name their lines, and nothing is applied.
     *
     * <p>An entry whose id a record here has, but which is plainly another incident (another title and
     * detection time), is a conflict: listed in the report, and nothing is imported; with {@code renumber} such
     * entries get new ids, the old one kept as a note on the record.
     *
     * @param progress told the number of entries handled so far (for a terminal's progress line)
     */
    ImportReport importLog(LogPage page, boolean dryRun, boolean renumber, String actor, IntConsumer progress);

    /** Without renumbering. */
    default ImportReport importLog(LogPage page, boolean dryRun, String actor, IntConsumer progress) {
        return importLog(page, dryRun, false, actor, progress);
    }

    /** {@link #importLog(LogPage, boolean, String, IntConsumer)} of a page's text. */
    default ImportReport importLog(String markdown, boolean dryRun, String actor, IntConsumer progress) {
        return importLog(LogPage.of(markdown), dryRun, false, actor, progress);
    }

    /**
     * The timeline lines the record's page gave it (its "#### Timeline" section), for the record's JSON; empty
     * when it had none, or where the log is not at hand.
     */
    default List<PageTimeline.Line> pageTimeline(HotfixId id) {
        return List.of();
    }
}
