package dev.hotfixlog.hotfix.internal;

import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.CustomField;
import dev.hotfixlog.hotfix.CustomFields;
import dev.hotfixlog.hotfix.FieldValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/** The SQL of a team's own fields: their values (hotfix_field) and the definitions the log has known. */
public final class CustomFieldRepository {
    /**
     * Records the definitions this log has not seen, and refuses a start whose definition changes a known field's
     * type: the stored values were written for the old one.
     */
    public static void reconcile(Handle h, CustomFields fields, String setting, long now) {
        Map<String, String> known = known(h);
        List<FieldError> errors = new ArrayList<>();
        for (CustomField f : fields.all()) {
            String was = known.get(f.name());
            if (was == null) {
                h.createUpdate("INSERT INTO field_definition (name, type, first_seen) VALUES (:n, :t, :now)")
                        .bind("n", f.name())
                        .bind("t", f.type().json())
                        .bind("now", now)
                        .execute();
            } else if (!was.equals(f.type().json())) {
                errors.add(new FieldError(
                        setting,
                        "field '" + f.name() + "' was a " + was + " field and is now "
                                + f.type().json() + ": its stored values were written as " + was
                                + ". Put its type back, or"
                                + " give the new field another name (the old values stay, hidden, under '" + f.name()
                                + "')"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** Whether {@link #reconcile} has anything to record or refuse: a definition not seen, or a changed type. */
    public static boolean unknownOrChanged(Handle h, CustomFields fields) {
        Map<String, String> known = known(h);
        return fields.all().stream().anyMatch(f -> !f.type().json().equals(known.get(f.name())));
    }

    private static Map<String, String> known(Handle h) {
        Map<String, String> known = new HashMap<>();
        h.createQuery("SELECT name, type FROM field_definition")
                .map((rs, ctx) -> known.put(rs.getString(1), rs.getString(2)))
                .list();
        return known;
    }

    /** The defined fields' values of these records: id → name → value. Hidden fields are not read. */
    public static Map<String, Map<String, Object>> load(Handle h, CustomFields fields, List<String> ids) {
        Map<String, Map<String, Object>> out = new HashMap<>();
        if (fields.isEmpty()) {
            return out;
        }
        List<String> names = fields.all().stream().map(CustomField::name).toList();
        h.createQuery("""
                        SELECT hotfix_id, name, text_value, number_value, bool_value FROM hotfix_field
                        WHERE hotfix_id IN (<ids>) AND name IN (<names>)
                        ORDER BY hotfix_id, name, ordinal""")
                .bindList("ids", ids)
                .bindList("names", names)
                .map((rs, ctx) -> {
                    CustomField f = fields.get(rs.getString(2)).orElseThrow();
                    Map<String, Object> values = out.computeIfAbsent(rs.getString(1), k -> new HashMap<>());
                    switch (f.type()) {
                        case NUMBER -> values.put(f.name(), rs.getDouble(4));
                        case YES_NO -> values.put(f.name(), rs.getBoolean(5));
                        case MULTI_CHOICE -> {
                            @SuppressWarnings("unchecked")
                            List<String> list = (List<String>) values.computeIfAbsent(f.name(), k -> new ArrayList<>());
                            list.add(rs.getString(3));
                        }
                        default -> values.put(f.name(), rs.getString(3));
                    }
                    return f;
                })
                .list();
        return out;
    }

    /** The rows of a record's values: {hotfix_id, name, ordinal, text, number, yes/no}. */
    public static List<Object[]> rows(String id, FieldValues values) {
        List<Object[]> out = new ArrayList<>();
        new TreeMap<>(values.map()).forEach((name, v) -> {
            if (v instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    out.add(new Object[] {id, name, i, list.get(i), null, null});
                }
            } else if (v instanceof Double d) {
                out.add(new Object[] {id, name, 0, null, d, null});
            } else if (v instanceof Boolean b) {
                out.add(new Object[] {id, name, 0, null, null, b});
            } else {
                out.add(new Object[] {id, name, 0, v.toString(), null, null});
            }
        });
        return out;
    }

    /** Forgets a record's values of the defined fields (before they are written again); hidden ones stay. */
    public static void clear(Handle h, CustomFields fields, String id) {
        if (!fields.isEmpty()) {
            h.createUpdate("DELETE FROM hotfix_field WHERE hotfix_id = :id AND name IN (<names>)")
                    .bind("id", id)
                    .bindList(
                            "names",
                            fields.all().stream().map(CustomField::name).toList())
                    .execute();
        }
    }

    /** The condition that keeps records whose field {@code name} holds {@code value}, with its arguments. */
    public static String filter(int k, String name, Object value, Map<String, Object> args) {
        String column =
                value instanceof Double ? "number_value" : value instanceof Boolean ? "bool_value" : "text_value";
        args.put("fieldName" + k, name);
        args.put("fieldValue" + k, value);
        return " AND EXISTS (SELECT 1 FROM hotfix_field f WHERE f.hotfix_id = hotfix.id AND f.name = :fieldName" + k
                + " AND f." + column + " = :fieldValue" + k + ")";
    }
}
