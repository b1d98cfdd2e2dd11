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

    /** The values the four parts of the template hold, by their fields' names. */
    static FieldValues of(Emergency e, TheFix f, TheContext c, WriteUp w) {
        Map<String, Object> m = new HashMap<>();
        if (e != null) {
            m.put("problem", e.problem());
            m.put("impact", e.impact());
            m.put("whyEmergency", e.whyEmergency());
        }
        if (f != null) {
            m.put("changeMade", f.changeMade());
            m.put("rollbackPlan", f.rollbackPlan());
        }
        if (c != null) {
            m.put("rootCause", c.rootCause());
            m.put("riskAccepted", c.riskAccepted());
            m.put("monitoring", c.monitoring());
        }
        if (w != null) {
            m.put("category", w.category());
            m.put("constraint", w.constraint());
            m.put("signal", w.signal());
            m.put("boundary", w.boundary());
            m.put("operatingRule", w.operatingRule());
            m.put("learning", w.learning());
            m.put("postmortemUrl", w.postmortemUrl());
            m.put("confidence", w.confidence());
        }
        return new FieldValues(m);
    }
}
