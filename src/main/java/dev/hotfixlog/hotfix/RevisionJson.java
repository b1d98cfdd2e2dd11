package dev.hotfixlog.hotfix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A history entry as the API shows it: version, actor, at, action, and each change as field / old / new. */
public final class RevisionJson {
    private RevisionJson() {}

    public static ObjectNode write(Revision r) {
        ObjectNode o = Json.object();
        o.put("version", r.version());
        o.put("actor", r.actor());
        o.put("at", r.at().toString());
        o.put("action", r.action());
        ArrayNode changes = o.putArray("changes");
        for (FieldChange c : r.changes()) {
            ObjectNode co = changes.addObject();
            co.put("field", c.field());
            co.set("old", c.before());
            co.set("new", c.after());
        }
        return o;
    }

    /** A history as {@code GET …/history} answers it: {@code {"items":[…]}}, oldest first. */
    public static ObjectNode writeAll(List<Revision> revisions) {
        ObjectNode o = Json.object();
        ArrayNode items = o.putArray("items");
        revisions.forEach(r -> items.add(write(r)));
        return o;
    }

    public static Revision read(JsonNode o) {
        List<FieldChange> changes = new ArrayList<>();
        for (JsonNode c : o.path("changes")) {
            changes.add(new FieldChange(c.path("field").asText(), c.get("old"), c.get("new")));
        }
        return new Revision(
                o.path("version").asInt(),
                o.path("actor").asText(),
                Instant.parse(o.path("at").asText()),
                o.path("action").asText(),
                changes);
    }
}
