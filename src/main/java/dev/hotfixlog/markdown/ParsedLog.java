package dev.hotfixlog.markdown;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.hotfixlog.error.FieldError;
import java.util.List;

/**
 * A whole page, read. {@code blocks}: the page's own text outside its entries, in page order. {@code types} and {@code signs} are null when the page has no such section (then the
 * stored ones stay); {@code skipped} names what was left out and why; {@code errors} name their lines.
 */
record ParsedLog(
        List<PageEntry> entries,
        List<EmergencyType> types,
        List<WarningSign> signs,
        List<String> skipped,
        List<FieldError> errors,
        List<PageBlock> blocks,
        boolean isLog,
        ArrayNode register) {
    /** A whole page (it has its own "# " title): what it holds outside its entries replaces what was kept. */
    boolean wholePage() {
        return blocks.stream().anyMatch(b -> b.place().equals(PageBlock.TITLE));
    }

    /**
     * A {@code full} export (its entries carry "Record Details" blocks, or it has the register's details): the
     * whole log, so its page-level lists are the log's and what they leave out is removed ({@link PageListMerge}).
     */
    boolean fullExport() {
        return register != null || entries.stream().anyMatch(e -> e.history() != null);
    }
}
