package dev.hotfixlog.markdown;

/**
 * Text of a whole page outside its entries, kept verbatim and written back where it stood.
 *
 * @param place {@link #TITLE} (the page's own "# " line), {@link #TOP} (the lines under it), or
 *              {@code after:active}, {@code after:completed}, {@code after:patterns} (a section the log does not
 *              read, after the part it followed), or {@code in:patterns}, {@code in:types}, {@code in:signs} (lines
 *              of the patterns part that are not rows, written back under their heading)
 * @param text  the lines, joined with {@code \n}
 */
record PageBlock(String place, String text) {
    static final String TITLE = "title";
    static final String TOP = "top";

    static String after(String part) {
        return "after:" + part;
    }

    /** Lines of the patterns part ("patterns"), or of its "types" or "signs" list, that are not rows. */
    static String in(String part) {
        return "in:" + part;
    }
}
