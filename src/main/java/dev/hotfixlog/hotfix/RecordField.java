package dev.hotfixlog.hotfix;

import java.util.List;
import java.util.Objects;

/**
 * One field of the record as every layer knows it, said once in {@link RecordFields}.
 *
 * @param name        the API's JSON name, the form's input name, the history's field path
 * @param column      the column of the {@code hotfix} table holding it; null for those with tables of their own
 * @param label       the Markdown template's bold label ({@code **Risk Accepted:**}); null when the template has none
 * @param placeholder the template's bracketed hint, written for an empty value
 * @param aliases     other labels a hand-kept log uses for it, read as this field
 * @param section     the page section it is edited in; null when no form edits it (lifecycle times)
 * @param formLabel   the label above its input on the page
 * @param kind        what it holds
 * @param maxChars    the longest text it takes (0 for no text)
 * @param min         the smallest number it takes (numbers only)
 * @param max         the largest number it takes (numbers only)
 * @param range       the bounds in words, for the message that refuses a number outside them
 * @param searched    whether full-text search finds a record by it
 * @param onBoard     whether the board's rows show it
 * @param plain       stored in its own column and handled by the catalogue alone (texts, links, numbers): adding
 *                    such a field to {@link RecordFields} and its column in a migration is the whole change; the
 *                    others (title, severity, times, steps…) have code of their own in each layer
 */
public record RecordField(
        String name,
        String column,
        String label,
        String placeholder,
        List<String> aliases,
        RecordSection section,
        String formLabel,
        FieldKind kind,
        int maxChars,
        int min,
        int max,
        String range,
        boolean searched,
        boolean onBoard,
        boolean plain) {
    public RecordField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        if (plain
                && (column == null
                        || !(kind == FieldKind.TEXT
                                || kind == FieldKind.LONG_TEXT
                                || kind == FieldKind.LINK
                                || kind == FieldKind.NUMBER))) {
            throw new IllegalArgumentException(name + ": a plain field is a text, link or number with a column");
        }
    }

    public boolean isPlain() {
        return plain;
    }

    /** Every text the log stores is masked for secrets on its way in; numbers hold none. */
    public boolean isText() {
        return kind == FieldKind.TEXT || kind == FieldKind.LONG_TEXT || kind == FieldKind.LINK;
    }

    public FormField formField() {
        return new FormField(name, formLabel, kind.input());
    }
}
