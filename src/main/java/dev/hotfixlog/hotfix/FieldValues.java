package dev.hotfixlog.hotfix;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The values of a record's plain fields ({@link RecordField#isPlain()}), by API name: texts as strings, numbers as
 * integers; a field without a value is absent. Immutable.
 */
public record FieldValues(Map<String, Object> map) {
    public static final FieldValues EMPTY = new FieldValues(Map.of());

    public FieldValues {
        Map<String, Object> copy = new HashMap<>();
        if (map != null) {
            map.forEach((k, v) -> {
                if (v != null) {
                    copy.put(k, v);
                }
            });
        }
        map = Collections.unmodifiableMap(copy);
    }

    public Object get(String name) {
        return map.get(name);
    }

    public String text(String name) {
        Object v = map.get(name);
        return v == null ? null : v.toString();
    }

    public Integer number(String name) {
        Object v = map.get(name);
        return v instanceof Integer i ? i : null;
    }

    /** The same values with one set (or cleared, for null). */
    public FieldValues with(String name, Object value) {
        Map<String, Object> m = new HashMap<>(map);
        m.put(name, value);
        return new FieldValues(m);
    }
}
