package dev.hotfixlog.hotfix.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.hotfix.FieldChange;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.Revision;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.store.MultiRowInsert;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * A record's history: one row a version, appended and never changed (the database refuses it, V3). Its changes
 * are kept as JSON text, so a revision reads back exactly as it was written.
 */
public final class RevisionRepository {
    static final String COLUMNS = "hotfix_id, version, actor, changed_at, action, changes";

    public void appendRevision(Handle h, HotfixId id, Revision rev) {
        MultiRowInsert one = new MultiRowInsert("hotfix_revision", COLUMNS);
        one.add(row(id, rev));
        one.execute(h);
    }

    static Object[] row(HotfixId id, Revision rev) {
        return new Object[] {
            id.toString(), rev.version(), rev.actor(), rev.at().toEpochMilli(), rev.action(), changesJson(rev.changes())
        };
    }

    /**
     * {@code [{"field": …, "old": …, "new": …}, …]}, written straight to text, with a null value left out (it
     * reads back as null). A record's first revision lists every field it has, none with an old value, and an
     * import writes 10,000 of them: without the tree in between, the whole import took 0.84-1.17x, faster in
     * 7 runs of 8 (bench/compare.sh, docs/PERFORMANCE.md).
     */
    private static String changesJson(List<FieldChange> changes) {
        StringWriter text = new StringWriter(64 * changes.size() + 2);
        try (JsonGenerator g = Json.mapper().createGenerator(text)) {
            g.writeStartArray();
            for (FieldChange c : changes) {
                g.writeStartObject();
                g.writeStringField("field", c.field());
                writeUnlessNull(g, "old", c.before());
                writeUnlessNull(g, "new", c.after());
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("a revision could not be written as JSON", e);
        }
        return text.toString();
    }

    private static void writeUnlessNull(JsonGenerator g, String name, JsonNode value) throws IOException {
        if (!value.isNull()) {
            g.writeFieldName(name);
            g.writeTree(value);
        }
    }

    public List<Revision> history(Handle h, HotfixId id) {
        return h.createQuery("SELECT version, actor, changed_at, action, changes FROM hotfix_revision"
                        + " WHERE hotfix_id = :id ORDER BY version")
                .bind("id", id.toString())
                .map((rs, ctx) -> new Revision(
                        rs.getInt(1),
                        rs.getString(2),
                        Instant.ofEpochMilli(rs.getLong(3)),
                        rs.getString(4),
                        changes(rs.getString(5))))
                .list();
    }

    public Map<HotfixId, List<Revision>> allHistories(Handle h) {
        Map<HotfixId, List<Revision>> out = new HashMap<>();
        h.createQuery("SELECT hotfix_id, version, actor, changed_at,"
                        + " action, changes FROM hotfix_revision ORDER BY hotfix_id, version")
                .map((rs, ctx) -> Map.entry(
                        HotfixId.parse(rs.getString(1)),
                        new Revision(
                                rs.getInt(2),
                                rs.getString(3),
                                Instant.ofEpochMilli(rs.getLong(4)),
                                rs.getString(5),
                                changes(rs.getString(6)))))
                .forEach(e ->
                        out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    private static List<FieldChange> changes(String json) {
        try {
            List<FieldChange> out = new ArrayList<>();
            for (JsonNode n : Json.mapper().readTree(json)) {
                out.add(new FieldChange(n.path("field").asText(), n.get("old"), n.get("new")));
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored revision is not JSON: " + json, e);
        }
    }
}
