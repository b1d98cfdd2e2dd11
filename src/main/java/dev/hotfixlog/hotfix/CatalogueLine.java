package dev.hotfixlog.hotfix;

import static dev.hotfixlog.hotfix.TextRules.TEXT_MAX_CHARS;
import static dev.hotfixlog.hotfix.TextRules.URL_MAX_CHARS;

import java.util.List;

/**
 * One line of {@link RecordFields}' catalogue, said by name rather than by position: a field's ten-odd properties
 * as fifteen positional arguments had to be read by counting commas. Ends in {@link #plain} (a text, link or number
 * the catalogue alone handles) or {@link #structured} (a field with code of its own in each layer).
 */
final class CatalogueLine {
    private final String name;
    private String column;
    private String label;
    private String placeholder;
    private RecordSection section;
    private String formLabel;
    private FieldKind kind = FieldKind.STRUCTURED;
    /** Unset: a plain field takes the longest text of its kind, a structured one none. */
    private int maxChars = -1;

    private int min;
    private int max;
    private String range;
    private boolean searched;
    private boolean onBoard;
    private List<String> aliases = List.of();

    private CatalogueLine(String name) {
        this.name = name;
    }

    /** The field's API name ({@link RecordField#name}). */
    static CatalogueLine field(String name) {
        return new CatalogueLine(name);
    }

    /** The {@code hotfix} table's column holding it; none for a field with tables of its own. */
    CatalogueLine column(String column) {
        this.column = column;
        return this;
    }

    /** The Markdown template's bold label and the bracketed hint written for an empty value. */
    CatalogueLine template(String label, String placeholder) {
        this.label = label;
        this.placeholder = placeholder;
        return this;
    }

    /** The page section that edits it, and the label above its input (none for a section's own list). */
    CatalogueLine form(RecordSection section, String formLabel) {
        this.section = section;
        this.formLabel = formLabel;
        return this;
    }

    CatalogueLine kind(FieldKind kind) {
        this.kind = kind;
        return this;
    }

    CatalogueLine maxChars(int maxChars) {
        this.maxChars = maxChars;
        return this;
    }

    /** A number's bounds, and the same in words for the message that refuses one outside them. */
    CatalogueLine between(int min, int max, String range) {
        this.min = min;
        this.max = max;
        this.range = range;
        return this;
    }

    /** Full-text search finds a record by it. */
    CatalogueLine searched() {
        this.searched = true;
        return this;
    }

    /** The board's rows show it. */
    CatalogueLine onBoard() {
        this.onBoard = true;
        return this;
    }

    /** Other labels a hand-kept log uses for it. */
    CatalogueLine aliases(String... aliases) {
        this.aliases = List.of(aliases);
        return this;
    }

    /** A text, link or number in its own column: the catalogue alone handles it. */
    RecordField plain() {
        int chars = maxChars >= 0 ? maxChars : kind == FieldKind.LINK ? URL_MAX_CHARS : TEXT_MAX_CHARS;
        return build(chars, true);
    }

    /** A field with code of its own in each layer (title, severity, times, steps…). */
    RecordField structured() {
        return build(Math.max(0, maxChars), false);
    }

    private RecordField build(int chars, boolean plain) {
        return new RecordField(
                name,
                column,
                label,
                placeholder,
                aliases,
                section,
                formLabel,
                kind,
                chars,
                min,
                max,
                range,
                searched,
                onBoard,
                plain);
    }
}
