package dev.hotfixlog.markdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.hotfixlog.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The SQL of what a page holds beyond the records: extras per record, emergency types, warning signs. */
final class MarkdownRepository {
    Map<String, LogWriter.Beyond> beyond(Handle h) {
        Map<String, LogWriter.Beyond> out = new HashMap<>();
        h.createQuery("SELECT hotfix_id, followup_status, extras, history FROM hotfix_markdown")
                .map((rs, ctx) -> Map.entry(
                        rs.getString(1),
                        new LogWriter.Beyond(rs.getString(2), extras(rs.getString(3)), strings(rs.getString(4)))))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    LogWriter.Beyond beyond(Handle h, String id) {
        return h.createQuery("SELECT followup_status, extras, history FROM hotfix_markdown WHERE hotfix_id = :id")
                .bind("id", id)
                .map((rs, ctx) ->
                        new LogWriter.Beyond(rs.getString(1), extras(rs.getString(2)), strings(rs.getString(3))))
                .findOne()
                .orElse(LogWriter.Beyond.NONE);
    }

    /** Replaces what the page says beyond each of these records (the page is the source for them). */
    void saveBeyond(Handle h, Map<String, LogWriter.Beyond> byId) {
        if (byId.isEmpty()) {
            return;
        }
        PreparedBatch delete = h.prepareBatch("DELETE FROM hotfix_markdown WHERE hotfix_id = :id");
        PreparedBatch insert = h.prepareBatch("INSERT INTO hotfix_markdown (hotfix_id, followup_status, extras,"
                + " history) VALUES (:id, :status, :extras, :history)");
        byId.forEach((id, b) -> {
            delete.bind("id", id).add();
            if (b.followUpStatus() != null
                    || !b.extras().isEmpty()
                    || !b.history().isEmpty()) {
                insert.bind("id", id)
                        .bind("status", b.followUpStatus())
                        .bind("extras", writeExtras(b.extras()))
                        .bind("history", writeStrings(b.history()))
                        .add();
            }
        });
        delete.execute();
        if (insert.size() > 0) {
            insert.execute();
        }
    }

    List<EmergencyType> types(Handle h) {
        return h.createQuery("SELECT name, prevention FROM emergency_type ORDER BY ordinal")
                .map((rs, ctx) -> new EmergencyType(rs.getString(1), rs.getString(2)))
                .list();
    }

    List<WarningSign> signs(Handle h) {
        return h.createQuery("SELECT signal_text, threshold FROM warning_sign ORDER BY ordinal")
                .map((rs, ctx) -> new WarningSign(rs.getString(1), rs.getString(2)))
                .list();
    }

    void replaceTypes(Handle h, List<EmergencyType> types) {
        h.execute("DELETE FROM emergency_type");
        for (int i = 0; i < types.size(); i++) {
            h.createUpdate("INSERT INTO emergency_type (ordinal, name, prevention) VALUES (:o, :n, :p)")
                    .bind("o", i + 1)
                    .bind("n", types.get(i).name())
                    .bind("p", types.get(i).prevention())
                    .execute();
        }
    }

    void replaceSigns(Handle h, List<WarningSign> signs) {
        h.execute("DELETE FROM warning_sign");
        for (int i = 0; i < signs.size(); i++) {
            h.createUpdate("INSERT INTO warning_sign (ordinal, signal_text, threshold) VALUES (:o, :s, :t)")
                    .bind("o", i + 1)
                    .bind("s", signs.get(i).signal())
                    .bind("t", signs.get(i).threshold())
                    .execute();
        }
    }

    /** The page's own text outside its entries, in page order. */
    List<PageBlock> blocks(Handle h) {
        return h.createQuery("SELECT place, text FROM markdown_page ORDER BY ordinal")
                .map((rs, ctx) -> new PageBlock(rs.getString(1), rs.getString(2)))
                .list();
    }

    void replaceBlocks(Handle h, List<PageBlock> blocks) {
        h.execute("DELETE FROM markdown_page");
        for (int i = 0; i < blocks.size(); i++) {
            h.createUpdate("INSERT INTO markdown_page (place, ordinal, text) VALUES (:p, :o, :t)")
                    .bind("p", blocks.get(i).place())
                    .bind("o", i + 1)
                    .bind("t", blocks.get(i).text())
                    .execute();
        }
    }

    private static String writeExtras(List<UnplacedText> extras) {
        ArrayNode a = Json.mapper().createArrayNode();
        extras.forEach(e -> a.addObject().put("section", e.section()).put("text", e.text()));
        return Json.write(a);
    }

    private static List<UnplacedText> extras(String json) {
        List<UnplacedText> out = new ArrayList<>();
        if (json != null) {
            for (JsonNode n : read(json)) {
                out.add(new UnplacedText(
                        n.path("section").isNull() ? null : n.path("section").asText(),
                        n.path("text").asText()));
            }
        }
        return out;
    }

    private static String writeStrings(List<String> items) {
        ArrayNode a = Json.mapper().createArrayNode();
        items.forEach(a::add);
        return Json.write(a);
    }

    private static List<String> strings(String json) {
        List<String> out = new ArrayList<>();
        if (json != null) {
            read(json).forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("stored Markdown extras are not JSON", e);
        }
    }
}
