package dev.hotfixlog.hotfix;

/**
 * One input of a page form: the API field it edits, its visible label and the kind of input.
 *
 * @param name  the API field name (also the input's id and name)
 * @param label the label shown above the input, in the template's words
 * @param kind  {@code input} (one line), {@code area} (several lines), {@code list} (one item per line or comma),
 *              {@code severity} (a select), {@code rating} (a whole number 1–5), {@code time} (a moment, UTC,
 *              in any form the API reads)
 */
public record FormField(String name, String label, String kind) {
    public boolean isArea() {
        return kind.equals("area") || kind.equals("list");
    }
}
