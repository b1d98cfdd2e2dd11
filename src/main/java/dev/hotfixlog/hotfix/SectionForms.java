package dev.hotfixlog.hotfix;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The page's inputs of each section of a record: the catalogue's ({@link RecordSection#fields()}) and, after them,
 * the team's own fields of that section ({@code fields.<name>}), so declaring, viewing and editing in place treat
 * both alike.
 */
public final class SectionForms {
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
            case MULTI_CHOICE -> new FormField(name, label + ", one per line: " + String.join(", ", f.choices()),
                    "list", f.choices());
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
        return RecordSection.values(h, fields(s));
    }

    /** What the user typed into the section's inputs. */
    public Map<String, String> read(RecordSection s, Function<String, String> form) {
        return RecordSection.read(form, fields(s));
    }

    /** The merge patch that makes the record say what the form says ({@link RecordSection#patch}). */
    public ObjectNode patch(Map<String, String> values, boolean onlyFilled) {
        return RecordSection.patch(values, onlyFilled, all);
    }

    /** True when an input of the section is {@code field}, or lies within it. */
    public boolean has(RecordSection s, String field) {
        return fields(s).stream().anyMatch(f -> f.name().equals(field) || f.name().startsWith(field + "."));
    }
}
