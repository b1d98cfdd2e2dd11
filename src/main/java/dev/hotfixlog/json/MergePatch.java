package dev.hotfixlog.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON merge patch (RFC 7396): members replace, {@code null} removes, objects merge recursively, arrays replace.
 * The one edit format of the service: the REST API receives it, the CLI's {@code set} and the web forms build it.
 */
public record MergePatch(ObjectNode document) {
    public MergePatch {
        Objects.requireNonNull(document, "document");
        document = document.deepCopy();
    }

    public static MergePatch of(ObjectNode document) {
        return new MergePatch(document);
    }

    /** Applies this patch to a copy of {@code target}; the target is left unchanged. */
    public ObjectNode applyTo(ObjectNode target) {
        ObjectNode result = target.deepCopy();
        merge(result, document);
        return result;
    }

    public boolean has(String field) {
        return document.has(field);
    }

    @Override
    public ObjectNode document() {
        return document.deepCopy();
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        Iterator<Map.Entry<String, JsonNode>> it = patch.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = e.getValue();
            if (value.isNull()) {
                target.remove(e.getKey());
            } else if (value.isObject() && target.get(e.getKey()) instanceof ObjectNode existing) {
                merge(existing, (ObjectNode) value);
            } else if (value.isObject()) {
                ObjectNode fresh = target.objectNode();
                merge(fresh, (ObjectNode) value);
                target.set(e.getKey(), fresh);
            } else {
                target.set(e.getKey(), value.deepCopy());
            }
        }
    }
}
