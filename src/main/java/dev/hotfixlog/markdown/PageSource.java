package dev.hotfixlog.markdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole page a log was last imported from, as written, and which record each of its entries became at which
 * version: what {@link FaithfulPage} gives back while nothing changed. Kept beside the page's other text as two
 * {@link PageBlock}s, which the writer never writes itself.
 */
record PageSource(String text, List<Imported> entries) {
    static final String TEXT = "source";
    static final String ENTRIES = "source:entries";

    /** One entry of the page: the record it became and that record's version after the import. */
    record Imported(HotfixId id, int version) {}

    PageSource {
        entries = List.copyOf(entries);
    }

    List<PageBlock> blocks() {
        ArrayNode list = Json.mapper().createArrayNode();
        entries.forEach(e -> list.addArray().add(e.id().toString()).add(e.version()));
        return List.of(new PageBlock(TEXT, text), new PageBlock(ENTRIES, Json.write(list)));
    }

    /** The stored page, or null when the log was not imported from a whole page. */
    static PageSource of(List<PageBlock> blocks) {
        String text = null;
        String list = null;
        for (PageBlock b : blocks) {
            if (b.place().equals(TEXT)) {
                text = b.text();
            } else if (b.place().equals(ENTRIES)) {
                list = b.text();
            }
        }
        if (text == null || list == null) {
            return null;
        }
        List<Imported> entries = new ArrayList<>();
        try {
            for (JsonNode n : Json.mapper().readTree(list)) {
                entries.add(
                        new Imported(HotfixId.parse(n.get(0).asText()), n.get(1).asInt()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("the stored page's entries are not JSON", e);
        }
        return new PageSource(text, entries);
    }
}
