package dev.hotfixlog.markdown;

import com.google.re2j.Pattern;
import dev.hotfixlog.hotfix.RecordField;
import dev.hotfixlog.hotfix.RecordFields;
import dev.hotfixlog.hotfix.RecordSection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The template's bold labels ({@code **Problem:**}) and the API field each fills, from the record's field
 * catalogue ({@link RecordFields}): its label, placeholder and aliases. Reading accepts the label with or without
 * bold, in any case, and the aliases people use instead; writing uses the template's words.
 */
final class Label {
    private static final Pattern SPACES = Pattern.compile("[[:space:]]+");
    private static final Map<String, Label> BY_FIELD = new HashMap<>();
    private static final Map<String, Label> BY_NAME = new HashMap<>();

    static {
        for (RecordField f : RecordFields.all()) {
            if (f.label() != null) {
                Label l = new Label(f);
                BY_FIELD.put(f.name(), l);
                BY_NAME.put(key(l.text), l);
                for (String a : f.aliases()) {
                    BY_NAME.put(key(a), l);
                }
            }
        }
    }

    static final Label DATE_TIME = BY_FIELD.get("detectedAt");
    static final Label SEVERITY = BY_FIELD.get("severity");
    static final Label DURATION = BY_FIELD.get("duration");
    static final Label WHO = BY_FIELD.get("owner");
    static final Label SYSTEMS = BY_FIELD.get("systemsAffected");
    static final Label LEARNING = BY_FIELD.get("learning");

    /** The template's sections as the page shows them: the header lines, then the catalogue's sections. */
    private static final List<RecordSection> SECTIONS =
            List.of(RecordSection.EMERGENCY, RecordSection.FIX, RecordSection.CONTEXT, RecordSection.WRITE_UP);
    /** The template sections, in order, with the labels each holds. */
    static final List<List<Label>> GROUPS;

    static final List<String> HEADINGS;

    static {
        List<List<Label>> groups = new ArrayList<>();
        List<String> headings = new ArrayList<>();
        groups.add(List.of(DATE_TIME, SEVERITY, DURATION, WHO));
        headings.add("");
        for (RecordSection section : SECTIONS) {
            List<Label> group = new ArrayList<>();
            for (RecordField f : RecordFields.all()) {
                if (f.section() == section && BY_FIELD.containsKey(f.name())) {
                    group.add(BY_FIELD.get(f.name()));
                }
            }
            groups.add(List.copyOf(group));
            headings.add(section.heading());
        }
        GROUPS = List.copyOf(groups);
        HEADINGS = List.copyOf(headings);
    }

    final String text;
    final String field;
    final String placeholder;

    private Label(RecordField f) {
        this.text = f.label();
        this.field = f.name();
        this.placeholder = f.placeholder();
    }

    static Label find(String name) {
        return BY_NAME.get(key(name));
    }

    private static String key(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        return t.contains("  ") || t.indexOf('\t') >= 0 ? SPACES.matcher(t).replaceAll(" ") : t;
    }

    @Override
    public String toString() {
        return text;
    }
}
