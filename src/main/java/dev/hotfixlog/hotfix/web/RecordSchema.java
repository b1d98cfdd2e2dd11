package dev.hotfixlog.hotfix.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.hotfix.FieldKind;
import dev.hotfixlog.hotfix.RecordField;
import dev.hotfixlog.hotfix.RecordFields;
import dev.hotfixlog.json.Json;
import java.util.Iterator;
import java.util.Map;

/**
 * The record's schemas in the OpenAPI document ({@code Hotfix}, {@code HotfixInput}), with the catalogue's plain
 * fields written in from {@link RecordFields}: a field added there is in the document without an edit to it.
 */
final class RecordSchema {
    private static final String[] SCHEMAS = {"Hotfix", "HotfixInput"};

    private RecordSchema() {}

    /** {@code openapi} with the record's schemas' properties in the catalogue's order, the plain ones generated. */
    public static ObjectNode fill(ObjectNode openapi) {
        for (String name : SCHEMAS) {
            JsonNode schema = openapi.path("components").path("schemas").path(name);
            if (!(schema instanceof ObjectNode s) || !(s.get("properties") instanceof ObjectNode given)) {
                continue;
            }
            ObjectNode props = Json.object();
            // The server's own fields first (id, status, …), then the record's in order, then what remains.
            Iterator<Map.Entry<String, JsonNode>> it = given.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!RecordFields.names().contains(e.getKey()) && !e.getKey().equals("redactions")) {
                    props.set(e.getKey(), e.getValue());
                }
            }
            for (RecordField f : RecordFields.all()) {
                if (f.isPlain()) {
                    props.set(f.name(), property(f));
                } else if (given.has(f.name())) {
                    props.set(f.name(), given.get(f.name()));
                }
            }
            if (given.has("redactions")) {
                props.set("redactions", given.get("redactions"));
            }
            s.set("properties", props);
        }
        return openapi;
    }

    private static ObjectNode property(RecordField f) {
        ObjectNode p = Json.object();
        p.putArray("type")
                .add(f.kind() == FieldKind.NUMBER ? "integer" : "string")
                .add("null");
        if (f.kind() == FieldKind.NUMBER) {
            p.put("minimum", f.min()).put("maximum", f.max());
        } else {
            p.put("maxLength", f.maxChars());
        }
        if (f.kind() == FieldKind.LINK) {
            p.put("format", "uri-reference");
        }
        if (f.formLabel() != null) {
            p.put("description", f.formLabel());
        }
        return p;
    }
}
