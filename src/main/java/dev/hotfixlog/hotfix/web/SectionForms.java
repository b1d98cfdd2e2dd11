package dev.hotfixlog.hotfix.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Pattern;
import dev.hotfixlog.hotfix.CustomField;
import dev.hotfixlog.hotfix.CustomFields;
import dev.hotfixlog.hotfix.FormField;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixJson;
import dev.hotfixlog.hotfix.RecordSection;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.text.Split;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The page's inputs of each section of a record: the catalogue's ({@link RecordSection#fields()}) and, after them,
 * the team's own fields of that section ({@code fields.<name>}), so declaring, viewing and editing in place treat
 * both alike.
 */
public final class SectionForms {
    private static final Pattern RATING = Pattern.compile("\\d{1,2}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d{1,15})?");
    private final Map<RecordSection, List<FormField>> inputs = new EnumMap<>(RecordSection.class);
    private final List<FormField> all = new ArrayList<>();

    public SectionForms(CustomFields team) {
        for (RecordSection s : RecordSection.values()) {
            List<FormField> fields = new ArrayList<>(s.fields());
            for (CustomField f : team.all()) {
                if (f.section() == s) {
                    fields.add(input(f));
                }
            }
            inputs.put(s, List.copyOf(fields));
            all.addAll(fields);
        }
    }

    private static FormField input(CustomField f) {
        String label = f.label() + (f.required() ? " (required)" : "");
        String name = "fields." + f.name();
        return switch (f.type()) {
            case LONG_TEXT -> new FormField(name, label, "area");
            case MULTI_CHOICE ->
                new FormField(name, label + ", one per line: " + String.join(", ", f.choices()), "list", f.choices());
            case CHOICE -> new FormField(name, label, "choice", f.choices());
            case YES_NO -> new FormField(name, label, "yesno", List.of("yes", "no"));
            case NUMBER -> new FormField(name, label, "number");
            case DATE -> new FormField(name, label, "date");
            default -> new FormField(name, label, "input");
        };
    }

    public List<FormField> fields(RecordSection s) {
        return inputs.get(s);
    }

    /** The record's values of the section's inputs, as form text. */
    public Map<String, String> values(RecordSection s, Hotfix h) {
        return values(h, fields(s));
    }

    /** What the user typed into the section's inputs. */
    public Map<String, String> read(RecordSection s, Function<String, String> form) {
        return read(form, fields(s));
    }

    /**
     * The merge patch that makes the record say what the form says: an empty input clears its field, a list is
     * split on lines only (a name may hold a comma, and opening an editor and saving must change nothing).
     * {@code onlyFilled} leaves empty inputs out (declaring: nothing to clear yet).
     */
    public ObjectNode patch(Map<String, String> values, boolean onlyFilled) {
        return patch(values, onlyFilled, all);
    }

    /** True when an input of the section is {@code field}, or lies within it. */
    public boolean has(RecordSection s, String field) {
        return fields(s).stream()
                .anyMatch(f -> f.name().equals(field) || f.name().startsWith(field + "."));
    }

    /** The record's current values of these inputs as form text (yes/no for a team's yes-or-no field). */
    private static Map<String, String> values(Hotfix h, List<FormField> inputs) {
        return values(HotfixJson.write(h), inputs);
    }

    /** A record's JSON (or a draft of one, in the API's names) as the section's form text. */
    public Map<String, String> values(RecordSection s, ObjectNode json) {
        return values(json, fields(s));
    }

    private static Map<String, String> values(ObjectNode json, List<FormField> inputs) {
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

    /** What the user typed into these inputs, "" when left empty. */
    private static Map<String, String> read(Function<String, String> form, List<FormField> inputs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FormField f : inputs) {
            String v = form.apply(f.name());
            out.put(f.name(), v == null ? "" : v.replace("\r\n", "\n"));
        }
        return out;
    }

    private static ObjectNode patch(Map<String, String> values, boolean onlyFilled, List<FormField> inputs) {
        ObjectNode top = Json.object();
        for (FormField f : inputs) {
            if (!values.containsKey(f.name())) {
                continue;
            }
            // A dotted name ("followUps.postmortem.owner") is a member of nested objects in the patch.
            String[] path = Split.on(f.name(), ".");
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
                    for (String item : Split.on(v, "\n")) {
                        if (!item.isBlank()) {
                            list.add(item.strip());
                        }
                    }
                }
            } else if (blank) {
                body.putNull(name);
            } else if (f.kind().equals("rating") && RATING.matcher(v.strip()).matches()) {
                // A number typed into a text input; anything else goes as text and is refused by name.
                body.put(name, Integer.parseInt(v.strip()));
            } else if (f.kind().equals("number") && NUMBER.matcher(v.strip()).matches()) {
                body.put(name, Double.parseDouble(v.strip()));
            } else if (f.kind().equals("yesno")
                    && (v.strip().equals("yes") || v.strip().equals("no"))) {
                body.put(name, v.strip().equals("yes"));
            } else {
                body.put(name, v);
            }
        }
        return top;
    }
}
