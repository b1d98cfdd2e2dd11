package dev.hotfixlog.hotfix;

/**
 * What a field of the record holds, which says how every layer treats it: the JSON type, the column's SQL type,
 * the page's input, the rules it is checked by.
 */
public enum FieldKind {
    /** One line of text (an input). */
    TEXT("input"),
    /** Several lines of text (a text area). */
    LONG_TEXT("area"),
    /** A link (an input). */
    LINK("input"),
    /** A whole number within the field's bounds. */
    NUMBER("rating"),
    /** A list of short texts, one per line (the systems affected). */
    LIST("list"),
    /** A moment, ISO-8601 UTC. */
    TIME("time"),
    /** A length of time, ISO-8601. */
    DURATION("input"),
    /** One of fixed choices (the severity). */
    CHOICE("severity"),
    /** Structured: read and written by the record's own code (the triage, the steps, the follow-ups). */
    STRUCTURED("input");

    private final String input;

    FieldKind(String input) {
        this.input = input;
    }

    /** The page's kind of input for it ({@link FormField#kind()}). */
    public String input() {
        return input;
    }
}
