package dev.hotfixlog.hotfix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The parts of a record the web page edits in place, in the template's order. Each maps its form fields to
 * the API's field names, so a page edit is the same merge patch the REST API and the CLI send.
 */
public enum RecordSection {
    SUMMARY("summary", "Summary"),
    // Declaring late: when it was detected and when the team was alerted, if not just now. Times are UTC; any
    // form the API reads is taken ("2026-10-04 02:17").
    WHEN("when", "When"),
    EMERGENCY("emergency", "The Emergency"),
    FIX("fix", "The Fix"),
    CONTEXT("context", "The Context"),
    WRITE_UP("writeup", "Legible Fix"),
    // Who owns each follow-up, by when, and where the work lives: the checklist ticks them, this edits them.
    FOLLOW_UPS("followups", "Follow-up details",
            new FormField("followUps.postmortem.owner", "Post-mortem: owner", "input"),
            new FormField("followUps.postmortem.dueAt", "Post-mortem: due (UTC)", "time"),
            new FormField("followUps.postmortem.link", "Post-mortem: link", "input"),
            new FormField("followUps.properFix.description", "Proper fix: what", "input"),
            new FormField("followUps.properFix.owner", "Proper fix: owner", "input"),
            new FormField("followUps.properFix.dueAt", "Proper fix: due (UTC)", "time"),
            new FormField("followUps.properFix.link", "Proper fix: tracker link", "input"),
            new FormField("followUps.processImprovement.description", "Process improvement: what", "input"),
            new FormField("followUps.processImprovement.owner", "Process improvement: owner", "input"),
            new FormField("followUps.processImprovement.dueAt", "Process improvement: due (UTC)", "time"),
            new FormField("followUps.processImprovement.link", "Process improvement: link", "input"),
            new FormField("followUps.documentation.description", "Documentation: what", "input"),
            new FormField("followUps.documentation.owner", "Documentation: owner", "input"),
            new FormField("followUps.documentation.dueAt", "Documentation: due (UTC)", "time"),
            new FormField("followUps.documentation.link", "Documentation: link", "input"));

    /** The sections the new-hotfix form shows: the template's own, without the later write-up. */
    public static final List<RecordSection> DECLARE = List.of(SUMMARY, WHEN, EMERGENCY, FIX, CONTEXT);

    private final String key;
    private final String heading;
    private final List<FormField> fields;

    /** A section whose inputs are the catalogue's fields of it ({@link RecordFields}), in its order. */
    RecordSection(String key, String heading) {
        this.key = key;
        this.heading = heading;
        this.fields = null;
    }

    /** A section of sub-fields the catalogue describes as one (the follow-ups' details). */
    RecordSection(String key, String heading, FormField... fields) {
        this.key = key;
        this.heading = heading;
        this.fields = List.of(fields);
    }

    /** The catalogue's inputs per section, made once both enums exist. */
    private static final class FromCatalogue {
        static final java.util.Map<RecordSection, List<FormField>> FIELDS = new java.util.EnumMap<>(RecordSection.class);

        static {
            for (RecordSection s : RecordSection.values()) {
                FIELDS.put(s, s.fields != null ? s.fields
                        : RecordFields.inSection(s).stream().map(RecordField::formField).toList());
            }
        }
    }

    public String key() {
        return key;
    }

    public String heading() {
        return heading;
    }

    public List<FormField> fields() {
        return FromCatalogue.FIELDS.get(this);
    }

    /** True when a field of this section is {@code field}, or lies within it ("followUps" holds the follow-ups'). */
    public boolean has(String field) {
        return fields().stream().anyMatch(f -> f.name().equals(field) || f.name().startsWith(field + "."));
    }

    /** The form field of this API name in any section, or null. */
    public static FormField field(String name) {
        for (RecordSection s : values()) {
            for (FormField f : s.fields()) {
                if (f.name().equals(name)) {
                    return f;
                }
            }
        }
        return null;
    }

    /** Null when no section has that key (a hand-typed URL). */
    public static RecordSection byKey(String key) {
        for (RecordSection s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        return null;
    }

    /** The record's current values of this section as form text ("" for empty; a list one item per line). */
    public Map<String, String> values(Hotfix h) {
        return values(h, fields());
    }

    /** The record's current values of these inputs as form text (yes/no for a team's yes-or-no field). */
    static Map<String, String> values(Hotfix h, List<FormField> inputs) {
        ObjectNode json = HotfixJson.write(h);
        Map<String, String> out = new LinkedHashMap<>();
        for (FormField f : inputs) {
            JsonNode v = json.at("/" + f.name().replace('.', '/'));
            if (v == null || v.isNull() || v.isMissingNode()) {
                out.put(f.name(), "");
            } else if (v.isArray()) {
                List<String> items = new ArrayList<>();
                v.forEach(i -> items.add(i.asText()));
                out.put(f.name(), String.join("\n", items));
            } else if (v.isBoolean()) {
                out.put(f.name(), v.asBoolean() ? "yes" : "no");
            } else {
                out.put(f.name(), v.asText());
            }
        }
        return out;
    }

    /** What the user typed, read from a form: every field of the section, "" when left empty. */
    public Map<String, String> read(Function<String, String> form) {
        return read(form, fields());
    }

    static Map<String, String> read(Function<String, String> form, List<FormField> inputs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FormField f : inputs) {
            String v = form.apply(f.name());
            out.put(f.name(), v == null ? "" : v.replace("\r\n", "\n"));
        }
        return out;
    }

    /**
     * The merge patch that makes the record say what the form says: an empty input clears its field, a list is
     * split on lines only (a name may hold a comma, and opening an editor and saving must change nothing).
     * {@code onlyFilled} leaves empty inputs out (declaring: nothing to clear yet).
     */
    public static ObjectNode patch(Map<String, String> values, boolean onlyFilled) {
        List<FormField> all = new ArrayList<>();
        for (RecordSection s : values()) {
            all.addAll(s.fields());
        }
        return patch(values, onlyFilled, all);
    }

    static ObjectNode patch(Map<String, String> values, boolean onlyFilled, List<FormField> inputs) {
        ObjectNode top = Json.object();
        for (FormField f : inputs) {
            if (!values.containsKey(f.name())) {
                continue;
            }
            // A dotted name ("followUps.postmortem.owner") is a member of nested objects in the patch.
            String[] path = f.name().split("\\.");
            ObjectNode body = top;
            for (int k = 0; k < path.length - 1; k++) {
                body = body.get(path[k]) instanceof ObjectNode o ? o : body.putObject(path[k]);
            }
            String name = path[path.length - 1];
            String v = values.get(f.name());
            boolean blank = v == null || v.isBlank();
            if (blank && onlyFilled) {
                continue;
            }
            if (f.kind().equals("list")) {
                ArrayNode list = body.putArray(name);
                if (!blank) {
                    for (String item : v.split("\n")) {
                        if (!item.isBlank()) {
                            list.add(item.strip());
                        }
                    }
                }
            } else if (blank) {
                body.putNull(name);
            } else if (f.kind().equals("rating") && v.strip().matches("\\d{1,2}")) {
                // A number typed into a text input; anything else goes as text and is refused by name.
                body.put(name, Integer.parseInt(v.strip()));
            } else if (f.kind().equals("number") && v.strip().matches("-?\\d{1,15}(\\.\\d{1,15})?")) {
                body.put(name, Double.parseDouble(v.strip()));
            } else if (f.kind().equals("yesno") && (v.strip().equals("yes") || v.strip().equals("no"))) {
                body.put(name, v.strip().equals("yes"));
            } else {
                body.put(name, v);
            }
        }
        return top;
    }

    /** The API fields a revision touched, by top-level name ({@code followUps.postmortem.done} → followUps). */
    public static Set<String> topLevel(List<FieldChange> changes) {
        Set<String> out = new java.util.HashSet<>();
        for (FieldChange c : changes) {
            out.add(HotfixJson.topLevel(c.field()));
        }
        return out;
    }
}
