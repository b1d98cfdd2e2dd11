package dev.hotfixlog.markdown;

/**
 * Text of an entry the template has no place for, kept verbatim and written back where it was.
 *
 * @param section the template section it stood in ("The Fix", …), or null for a section of its own (then
 *                {@code text} starts with its own {@code ####} heading)
 * @param text    the lines, joined with {@code \n}
 */
public record Extra(String section, String text) {
}
