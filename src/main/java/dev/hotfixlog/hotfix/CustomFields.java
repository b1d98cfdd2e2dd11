package dev.hotfixlog.hotfix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.internal.CustomFieldRepository;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.store.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A team's own fields ({@code HOTFIX_FIELDS}): a JSON list of definitions, given inline or as the path of a file
 * holding it. A field removed from the list is hidden, its values kept; put back, they show again. Changing a
 * field's type is refused at start ({@link CustomFieldRepository#reconcile}).
 */
public final class CustomFields {
    public static final CustomFields NONE = new CustomFields(List.of());
    private final List<CustomField> fields;
    private final Map<String, CustomField> byName = new LinkedHashMap<>();

    public CustomFields(List<CustomField> fields) {
        this.fields = List.copyOf(fields);
        this.fields.forEach(f -> byName.put(f.name(), f));
    }

    /**
     * The definitions of {@code text}: a JSON list, or the path of a file holding one; empty means none. A bad
     * definition stops the start with the setting's name, the field and what to fix.
     */
    public static CustomFields parse(String setting, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return NONE;
        }
        if (!t.startsWith("[")) {
            try {
                t = Files.readString(Path.of(t), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                throw ValidationException.of(setting, "is neither a JSON list of fields nor a readable file: " + e);
            }
        }
        JsonNode list;
        try {
            list = Json.mapper().readTree(t);
        } catch (IOException e) {
            throw ValidationException.of(
                    setting,
                    "is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(list instanceof ArrayNode array)) {
            throw ValidationException.of(
                    setting,
                    "must be a JSON list of fields, e.g. [{\"name\":\"region\","
                            + "\"type\":\"choice\",\"choices\":[\"eu\",\"us\"]}]");
        }
        List<CustomField> out = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode d = array.get(i);
            String where = setting + "[" + i + "]";
            String name = d.path("name").asText("");
            CustomField.Type type = CustomField.Type.parse(d.path("type").asText(""));
            if (type == null) {
                errors.add(new FieldError(
                        where,
                        "field '" + name + "' has type '" + d.path("type").asText("")
                                + "'; use text, longText, number, yesNo, choice, multiChoice, date or link"));
                continue;
            }
            RecordSection section =
                    d.has("section") ? RecordSection.byKey(d.path("section").asText()) : null;
            if (d.has("section") && (section == null || section == RecordSection.FOLLOW_UPS)) {
                errors.add(new FieldError(
                        where,
                        "field '" + name + "' has section '" + d.path("section").asText()
                                + "'; use summary, when, emergency, fix, context or writeup"));
                continue;
            }
            List<String> choices = new ArrayList<>();
            d.path("choices").forEach(c -> choices.add(c.asText()));
            CustomField f = new CustomField(
                    name, d.path("label").asText(null), type, d.path("required").asBoolean(false), choices, section);
            f.problems().forEach(p -> errors.add(new FieldError(where, p)));
            if (seen.put(name, true) != null) {
                errors.add(new FieldError(where, "field '" + name + "' is defined twice"));
            }
            // The log reads a field back by its label: two fields of one label would be one line.
            if (seen.put("label:" + f.label().toLowerCase(Locale.ROOT), true) != null) {
                errors.add(new FieldError(where, "the label '" + f.label() + "' is another field's too"));
            }
            out.add(f);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new CustomFields(out);
    }

    /**
     * Records in the log the definitions it has not seen, and refuses a definition that changes a known field's
     * type (a {@link ValidationException} naming {@code setting}, the field and the fix).
     */
    public void reconcile(Database db, String setting, long now) {
        if (fields.isEmpty()) {
            return;
        }
        // Read first: every command opens the log, and a write (the lock, a commit) is only needed the first time
        // a definition is seen.
        if (db.read(h -> CustomFieldRepository.unknownOrChanged(h, this))) {
            db.write(h -> {
                CustomFieldRepository.reconcile(h, this, setting, now);
                return null;
            });
        }
    }

    /** A value as people read it: a list with commas, a yes/no as yes or no, a whole number without a fraction. */
    public static String text(Object v) {
        if (v instanceof List<?> list) {
            return String.join(", ", list.stream().map(Object::toString).toList());
        }
        if (v instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(v);
    }

    public List<CustomField> all() {
        return fields;
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    public Optional<CustomField> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The definitions as {@code GET /api/v1/fields} answers them. */
    public ArrayNode toJson() {
        ArrayNode out = Json.mapper().createArrayNode();
        for (CustomField f : fields) {
            ObjectNode o = out.addObject();
            o.put("name", f.name())
                    .put("label", f.label())
                    .put("type", f.type().json())
                    .put("required", f.required())
                    .put("section", f.section().key());
            if (!f.choices().isEmpty()) {
                ArrayNode c = o.putArray("choices");
                f.choices().forEach(c::add);
            }
        }
        return out;
    }

    /** Definitions read back from {@link #toJson()} (the CLI's remote mode asks the server for them). */
    public static CustomFields fromJson(JsonNode list) {
        return parse("fields", list == null ? "" : list.toString());
    }

    /**
     * The record with its {@code fields} checked against the definitions and made canonical; every problem at once,
     * each named {@code fields.<name>}. {@code before}: the stored record on an edit, null on a create. A required
     * field must be given on a create and cannot be cleared later (a record older than the field need not have it).
     */
    public Hotfix checked(Hotfix h, Hotfix before) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> out = new HashMap<>();
        for (Map.Entry<String, Object> e : h.fields().map().entrySet()) {
            String path = "fields." + e.getKey();
            CustomField f = byName.get(e.getKey());
            if (f == null) {
                errors.add(new FieldError(
                        path,
                        "is not a field of this log; its fields are: "
                                + (fields.isEmpty()
                                        ? "none (HOTFIX_FIELDS is empty)"
                                        : String.join(", ", byName.keySet()))));
                continue;
            }
            try {
                out.put(f.name(), f.read(Json.mapper().valueToTree(e.getValue())));
            } catch (IllegalArgumentException bad) {
                errors.add(new FieldError(path, bad.getMessage()));
            }
        }
        for (CustomField f : fields) {
            boolean had = before != null && before.fields().get(f.name()) != null;
            if (f.required() && out.get(f.name()) == null && (before == null || had)) {
                errors.add(new FieldError(
                        "fields." + f.name(),
                        "is required: " + f.label()
                                + (f.choices().isEmpty() ? "" : ", one of " + String.join(", ", f.choices()))));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return h.withFields(new FieldValues(out));
    }

    /** {@code ?field.<name>=<text>} filters checked against the definitions: name → the value to compare. */
    public Map<String, Object> filters(Map<String, String> given) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        given.forEach((name, text) -> {
            CustomField f = byName.get(name);
            if (f == null) {
                errors.add(new FieldError("field." + name, "is not a field of this log"));
                return;
            }
            try {
                out.put(name, f.filterValue(text));
            } catch (IllegalArgumentException bad) {
                errors.add(new FieldError("field." + name, bad.getMessage()));
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return out;
    }
}
