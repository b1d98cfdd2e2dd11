package dev.hotfixlog.hotfix;

import dev.hotfixlog.error.FieldError;
import java.util.List;

/**
 * Limits on user text. They keep a pasted megabyte of logs from turning into a slow page or a failed write, and
 * they refuse the two things a database cannot store (a NUL character, broken UTF-16) with a message instead of
 * a 500.
 */
public final class TextRules {
    public static final int TITLE_MAX_CHARS = 200;
    public static final int NAME_MAX_CHARS = 200;
    public static final int TEXT_MAX_CHARS = 20_000;
    public static final int URL_MAX_CHARS = 2_000;
    public static final int SYSTEMS_MAX_COUNT = 100;

    private TextRules() {}

    public static void check(List<FieldError> out, String field, String value, int maxChars) {
        if (value == null) {
            return;
        }
        if (value.length() > maxChars) {
            out.add(new FieldError(field, "must be at most " + maxChars + " characters, was " + value.length()));
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                out.add(new FieldError(field, "contains a NUL character (\\u0000) at position " + i + "; remove it"));
                return;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                out.add(new FieldError(field, "is not valid Unicode (a lone surrogate at position " + i + ")"));
                return;
            }
            if (Character.isLowSurrogate(c)) {
                out.add(new FieldError(field, "is not valid Unicode (a lone surrogate at position " + i + ")"));
                return;
            }
        }
    }
}
