package dev.hotfixlog.hotfix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.google.re2j.Pattern;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.text.Split;
import dev.hotfixlog.time.TimeText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A field a team adds to its records ({@code HOTFIX_FIELDS}): a region, a change ticket, whether customers saw
 * it. Typed as incident tools type theirs (incident.io, PagerDuty): text, long text, number, yes/no, one of
 * choices, many of choices, a date, a link. Its values live under {@code fields} in the API.
 */
public record CustomField(
        String name, String label, Type type, boolean required, List<String> choices, RecordSection section) {
    /** The significant digits a double holds exactly, so a number field gives back what was sent. */
    static final int NUMBER_MAX_DIGITS = 15;

    private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");
    static final int TEXT_MAX_CHARS = 200;
    static final int CHOICES_MAX = 100;
    static final int LABEL_MAX_CHARS = 60;

    /** What a custom field holds; {@link #json()} is the word a definition uses. */
    public enum Type {
        TEXT("text"),
        LONG_TEXT("longText"),
        NUMBER("number"),
        YES_NO("yesNo"),
        CHOICE("choice"),
        MULTI_CHOICE("multiChoice"),
        DATE("date"),
        LINK("link");

        private final String json;

        Type(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }

        static Type parse(String text) {
            for (Type t : values()) {
                if (t.json.equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return t;
                }
            }
            return null;
        }
    }

    public CustomField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        label = label == null || label.isBlank() ? name : label.strip();
        choices = choices == null ? List.of() : List.copyOf(choices);
        section = section == null ? RecordSection.SUMMARY : section;
    }

    /** What is wrong with this definition, in words for the one who wrote it; empty when nothing is. */
    List<String> problems() {
        List<String> out = new ArrayList<>();
        if (!NAME.matcher(name).matches()) {
            out.add("its name '" + name + "' must be a letter then letters or digits (camelCase), at most 64");
        }
        if (RecordFields.names().contains(name)) {
            out.add("'" + name + "' is a built-in field of every record; choose another name");
        }
        // The log writes it as **Label:** and reads back a bold label of at most 60 characters (LabelLine).
        if (label.length() > LABEL_MAX_CHARS) {
            out.add("its label is longer than " + LABEL_MAX_CHARS + " characters");
        }
        if (label.contains("*") || label.contains("\n") || label.contains("\r")) {
            out.add("its label may not hold * or a line break (the log writes it in bold)");
        }
        for (RecordField f : RecordFields.all()) {
            if (f.label() != null
                    && (f.label().equalsIgnoreCase(label)
                            || f.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(label)))) {
                out.add("its label '" + label + "' is the template's own (" + f.name() + "); a log would read it as"
                        + " that field, so choose another");
            }
        }
        boolean choiceType = type == Type.CHOICE || type == Type.MULTI_CHOICE;
        if (choiceType && (choices.isEmpty() || choices.size() > CHOICES_MAX)) {
            out.add("a " + type.json() + " field needs 1 to " + CHOICES_MAX + " choices");
        }
        if (!choiceType && !choices.isEmpty()) {
            out.add("only choice and multiChoice fields have choices");
        }
        Set<String> seen = new HashSet<>();
        for (String c : choices) {
            if (c == null || c.isBlank() || c.length() > TEXT_MAX_CHARS) {
                out.add("a choice must be 1 to " + TEXT_MAX_CHARS + " characters");
            } else if (c.contains(",")) {
                out.add("the choice '" + c + "' has a comma: many choices are written with commas between them");
            } else if (!seen.add(c.toLowerCase(Locale.ROOT))) {
                out.add("the choice '" + c + "' is listed twice");
            }
        }
        return out;
    }

    /**
     * A value as the API gave it ({@code null}: none), checked and made canonical: a choice in the definition's
     * spelling, a date as yyyy-mm-dd, a number as a double. Throws {@link IllegalArgumentException} with the words
     * for the 422.
     */
    Object read(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        switch (type) {
            case NUMBER -> {
                if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                    throw new IllegalArgumentException("must be a number");
                }
                // Kept as a double: past 15 significant digits it would be stored as another number, silently.
                if (v.decimalValue().stripTrailingZeros().precision() > NUMBER_MAX_DIGITS) {
                    throw new IllegalArgumentException("must be a number of at most " + NUMBER_MAX_DIGITS
                            + " significant digits, which it is kept to exactly");
                }
                return v.asDouble();
            }
            case YES_NO -> {
                if (!v.isBoolean()) {
                    throw new IllegalArgumentException("must be true or false");
                }
                return v.asBoolean();
            }
            case MULTI_CHOICE -> {
                if (!v.isArray()) {
                    throw new IllegalArgumentException("must be a list of: " + String.join(", ", choices));
                }
                Set<String> picked = new LinkedHashSet<>();
                for (JsonNode item : v) {
                    picked.add(choice(item));
                }
                return picked.isEmpty() ? null : List.copyOf(picked);
            }
            case CHOICE -> {
                return choice(v);
            }
            default -> {
                if (!v.isTextual()) {
                    throw new IllegalArgumentException("must be text");
                }
                String t = v.asText().strip();
                if (t.isEmpty()) {
                    return null;
                }
                return text(t);
            }
        }
    }

    private String text(String t) {
        switch (type) {
            case DATE -> {
                try {
                    return TimeText.parseDate(name, t).toString();
                } catch (ValidationException e) {
                    throw new IllegalArgumentException("must be a date from -9999-01-01 to 9999-12-31, yyyy-mm-dd; "
                            + "was '" + (t.length() > 100 ? t.substring(0, 100) + "…" : t) + "'");
                }
            }
            case LINK -> {
                String lower = t.toLowerCase(Locale.ROOT);
                if (t.length() > TextRules.URL_MAX_CHARS
                        || !(lower.startsWith("https://") || lower.startsWith("http://"))) {
                    throw new IllegalArgumentException(
                            "must be a link (http:// or https://), at most " + TextRules.URL_MAX_CHARS + " characters");
                }
                return t;
            }
            default -> {
                int max = type == Type.LONG_TEXT ? TextRules.TEXT_MAX_CHARS : TEXT_MAX_CHARS;
                if (t.length() > max) {
                    throw new IllegalArgumentException("is longer than " + max + " characters");
                }
                return t;
            }
        }
    }

    private String choice(JsonNode v) {
        if (v.isTextual()) {
            for (String c : choices) {
                if (c.equalsIgnoreCase(v.asText().strip())) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException(
                "'" + (v.isTextual() ? v.asText() : v.toString()) + "' is not one of: " + String.join(", ", choices));
    }

    /**
     * A value as people type it on a command line or in a log ({@code region=eu}, {@code **Customer facing:** yes}),
     * as the API carries it: yes or no (y, n, true, false) for a yes-or-no field, a number for a number, many choices
     * between commas, anything else as text; empty is none. A text that does not fit goes on as text, so that
     * {@link #read} refuses it by the field's name like any bad value.
     */
    public JsonNode fromText(String text) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return json.nullNode();
        }
        switch (type) {
            case YES_NO -> {
                switch (t.toLowerCase(Locale.ROOT)) {
                    case "y", "yes", "true" -> {
                        return json.booleanNode(true);
                    }
                    case "n", "no", "false" -> {
                        return json.booleanNode(false);
                    }
                    default -> {
                        return json.textNode(t);
                    }
                }
            }
            case NUMBER -> {
                try {
                    return json.numberNode(Double.parseDouble(t));
                } catch (NumberFormatException e) {
                    return json.textNode(t);
                }
            }
            case MULTI_CHOICE -> {
                ArrayNode list = json.arrayNode();
                for (String s : Split.on(t, ",")) {
                    if (!s.isBlank()) {
                        list.add(s.strip());
                    }
                }
                return list;
            }
            default -> {
                return json.textNode(t);
            }
        }
    }

    /** A filter's text ({@code ?field.region=eu}) as the value it compares with: one value, checked like any. */
    Object filterValue(String text) {
        Object value = type == Type.MULTI_CHOICE
                ? choice(JsonNodeFactory.instance.textNode(text.strip()))
                : read(fromText(text));
        if (value == null) {
            throw new IllegalArgumentException("needs a value");
        }
        return value;
    }
}
