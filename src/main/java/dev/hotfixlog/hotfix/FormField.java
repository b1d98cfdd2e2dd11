package dev.hotfixlog.hotfix;

import java.util.List;

/**
 * One input of a page form: the API field it edits, its visible label and the kind of input.
 *
 * @param name  the API field name (also the input's id and name)
 * @param label the label shown above the input, in the template's words
 * @param kind  {@code input} (one line), {@code area} (several lines), {@code list} (one item per line or comma),
 *              {@code severity} (a select), {@code rating} (a whole number 1–5), {@code time} (a moment, UTC,
 *              in any form the API reads), and for a team's own fields: {@code number}, {@code date},
 *              {@code yesno} (a select of yes and no), {@code choice} (a select of {@code options})
 * @param options the choices of a {@code choice} input
 */
public record FormField(String name, String label, String kind, List<String> options) {
    public FormField {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public FormField(String name, String label, String kind) {
        this(name, label, kind, List.of());
    }

    public boolean isArea() {
        return kind.equals("area") || kind.equals("list");
    }
}
