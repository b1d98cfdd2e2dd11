package dev.hotfixlog.markdown;

/**
 * Text of an entry the template has no place for, kept verbatim and written back where it was.
 *
 * @param section the template section it stood in ("The Fix", …), or null for a section of its own (then
 *                {@code text} starts with its own {@code ####} heading)
 * @param text    the lines, joined with {@code \n}
 */
public record UnplacedText(String section, String text) {
    /**
     * The section of a completed one-line entry's date ("Login loop - 2026-09-21"): a day, not a time, so it is
     * kept as the page wrote it rather than invented into a detection time at midnight.
     */
    public static final String PAGE_DATE = "Date on the page";
}
