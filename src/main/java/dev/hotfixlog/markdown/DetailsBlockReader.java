package dev.hotfixlog.markdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An entry's "Record Details" section ({@link LogWriter}'s full form): its JSON block holds the record's fields
 * the template has no label for, merged into the entry's, and what the page keeps beyond the record, each key
 * read by its own handler ({@link #byKey}). Other lines of the section are kept verbatim.
 */
final class DetailsBlockReader {
    /** Reads one key of the block (present, of any JSON type) into the entry; {@code i}: the block's line. */
    @FunctionalInterface
    private interface KeyReader {
        void read(EntryDraft entry, int i, JsonNode value);
    }

    private final PageLines page;
    private final EntryFields values;
    /** The keys that are not record fields, in the order they are read (and their errors reported). */
    private final Map<String, KeyReader> byKey = new LinkedHashMap<>();

    DetailsBlockReader(PageLines page, EntryFields values) {
        this.page = page;
        this.values = values;
        byKey.put("status", this::status);
        byKey.put("pageDate", (entry, i, v) -> {
            if (v.isTextual()) {
                entry.pageDate = v.asText();
            }
        });
        byKey.put("followUpStatus", (entry, i, v) -> {
            if (v.isTextual()) {
                entry.followUpStatus = v.asText();
            }
        });
        byKey.put("attachments", (entry, i, v) -> {
            if (v instanceof ArrayNode a) {
                entry.evidence = a;
            }
        });
        byKey.put("revisions", (entry, i, v) -> {
            if (v instanceof ArrayNode a) {
                entry.revisions = values.revisions(i, a);
            }
        });
        byKey.put("history", (entry, i, v) -> {
            if (v instanceof ArrayNode a) {
                entry.history = new ArrayList<>();
                for (JsonNode n : a) {
                    entry.history.add(n.asText());
                }
            }
        });
    }

    /** The line at {@code i} of the section, or the code block it opens; returns the index after. */
    int read(EntryDraft entry, int i) {
        String line = page.lines[i];
        if (!ValueText.isFenceOpen(line)) {
            if (!line.isBlank()) {
                entry.keep(LogReader.DETAILS, line);
            }
            return i + 1;
        }
        int end = page.fenceEnd(i);
        JsonNode block = values.details(i, page.joined(i + 1, end));
        if (block != null) {
            byKey.forEach((key, reader) -> {
                JsonNode value = block.get(key);
                if (value != null) {
                    reader.read(entry, i, value);
                }
            });
            EntryFields.mergeDetails(entry.fields, (ObjectNode) block);
        }
        return end + 1;
    }

    private void status(EntryDraft entry, int i, JsonNode value) {
        if (!value.isTextual()) {
            return;
        }
        try {
            entry.status = Status.parse("status", value.asText());
            entry.exact = true;
        } catch (ValidationException e) {
            page.error(i, "status: " + e.errors().get(0).message());
        }
    }
}
