package dev.hotfixlog.markdown;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.hotfixlog.hotfix.ImportItem;
import java.util.List;

/**
 * One hotfix entry as read from a page: the record's part, what the page holds beyond it, and where its lines
 * stood.
 */
record PageEntry(
        ImportItem item,
        String followUpStatus,
        List<UnplacedText> extras,
        List<String> history,
        ArrayNode evidence,
        EntryLines lines) {}
