package dev.hotfixlog.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Search results as JSON: {@code snippet} keeps the \u0002/\u0003 match marks, {@code snippetHtml} is ready HTML. */
public final class SearchJson {
    private SearchJson() {}

    public static ObjectNode write(List<SearchHit> hits) {
        ObjectNode n = Json.object();
        ArrayNode items = n.putArray("items");
        for (SearchHit h : hits) {
            ObjectNode o = items.addObject();
            o.put("kind", h.kind())
                    .put("id", h.id())
                    .put("title", plain(h.title()))
                    .put("titleHtml", h.titleHtml())
                    .put("snippet", h.snippet())
                    .put("snippetHtml", h.snippetHtml())
                    .put("rule", h.rule())
                    .put("score", h.score())
                    .put("severity", h.severity())
                    .put("category", h.category())
                    .put("at", h.at() == null ? null : h.at().toString());
        }
        return n;
    }

    static List<SearchHit> read(ObjectNode n) {
        List<SearchHit> out = new ArrayList<>();
        for (JsonNode o : n.path("items")) {
            // asText(null): null for a JSON null and for a missing field alike.
            String at = o.path("at").asText(null);
            out.add(new SearchHit(
                    o.path("kind").asText(),
                    o.path("id").asText(),
                    o.path("title").asText(),
                    o.path("snippet").asText(null),
                    o.path("rule").asText(null),
                    o.path("score").asDouble(),
                    o.path("severity").asText(null),
                    o.path("category").asText(null),
                    at == null ? null : Instant.parse(at)));
        }
        return out;
    }

    /** The title without its match marks. */
    public static String plainTitle(SearchHit h) {
        return plain(h.title());
    }

    static String plain(String marked) {
        return marked == null
                ? null
                : marked.replace(String.valueOf(SearchHit.MARK_START), "")
                        .replace(String.valueOf(SearchHit.MARK_END), "");
    }
}
