package dev.hotfixlog.hotfix.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hotfixlog.hotfix.FieldChange;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixJson;
import dev.hotfixlog.hotfix.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What changed between two versions of a record, field path by field path: each revision's list of changes, for
 * a create, an edit, a lifecycle event and an import alike. It compares the records' JSON ({@link HotfixJson}), so
 * a change is named the way the API names the field.
 */
public final class RecordDiff {
    /** Each field's place in the template, looked up at every comparison of a diff's sort. */
    private static final Map<String, Integer> POSITIONS = IntStream.range(0, HotfixJson.EDITABLE_FIELDS.size())
            .boxed()
            .collect(Collectors.toUnmodifiableMap(HotfixJson.EDITABLE_FIELDS::get, i -> i));

    private RecordDiff() {}

    /** The fields that differ between two versions of a record, in a stable order. */
    public static List<FieldChange> diff(Hotfix before, Hotfix after) {
        return fromFlattened(before == null ? null : flatten(before), after);
    }

    /**
     * As {@link #diff(Hotfix, Hotfix)}, with the earlier version already flattened ({@link #flatten(ObjectNode,
     * Status)}): an edit computes the record's editable view once, for the patch, the read-only check and this.
     */
    public static List<FieldChange> fromFlattened(Map<String, JsonNode> before, Hotfix after) {
        Map<String, JsonNode> a = before == null ? Map.of() : before;
        Map<String, JsonNode> b = flatten(after);
        List<FieldChange> out = new ArrayList<>();
        Set<String> union = new LinkedHashSet<>(b.keySet());
        union.addAll(a.keySet());
        List<String> keys = new ArrayList<>(union);
        // Template order: a cleared field is listed where it stands in the record, not after the others.
        keys.sort(Comparator.comparingInt(RecordDiff::templatePosition));
        for (String k : keys) {
            JsonNode x = a.getOrDefault(k, NullNode.getInstance());
            JsonNode y = b.getOrDefault(k, NullNode.getInstance());
            // An unticked box on a new record is not news; a "no" answered in the triage is.
            boolean unsetOnCreation = before == null && y.isBoolean() && !y.booleanValue() && k.endsWith(".done");
            if (!x.equals(y) && !(isEmpty(x) && isEmpty(y)) && !unsetOnCreation) {
                out.add(new FieldChange(k, x, y));
            }
        }
        return out;
    }

    /** Field path → value for every editable field and the status: what a diff compares. */
    public static Map<String, JsonNode> flatten(Hotfix h) {
        return flatten(HotfixJson.editable(h), h.status());
    }

    /** The same from a record's editable view ({@link HotfixJson#editable}), which is left as it is. */
    public static Map<String, JsonNode> flatten(ObjectNode editable, Status status) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        flatten("", editable, out);
        out.put("status", TextNode.valueOf(status.json()));
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix + e.getKey() + ".", e.getValue(), out));
        } else {
            out.put(prefix.substring(0, prefix.length() - 1), node);
        }
    }

    private static int templatePosition(String path) {
        int dot = path.indexOf('.');
        return POSITIONS.getOrDefault(dot < 0 ? path : path.substring(0, dot), HotfixJson.EDITABLE_FIELDS.size());
    }

    private static boolean isEmpty(JsonNode n) {
        return n.isNull() || (n.isArray() && n.isEmpty());
    }
}
