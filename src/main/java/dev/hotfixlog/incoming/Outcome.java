package dev.hotfixlog.incoming;

import dev.hotfixlog.error.ValidationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a responder decided an incoming alert: the decision tree's answer, counted by the metrics. {@link #DECLARED}
 * is set by declaring a hotfix; the others by dismissing.
 */
public enum Outcome {
    DECLARED("declared", "declared a hotfix"),
    NOT_A_HOTFIX("not-a-hotfix", "normal change, not a hotfix"),
    NOISE("noise", "noise"),
    DUPLICATE("duplicate", "duplicate");

    private final String json;
    private final String label;

    Outcome(String json, String label) {
        this.json = json;
        this.label = label;
    }

    public String json() {
        return json;
    }

    public String label() {
        return label;
    }

    public static Outcome parse(String field, String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Outcome o : values()) {
            if (o.json.equals(t)) {
                return o;
            }
        }
        throw ValidationException.of(
                field,
                "'" + text + "' is not an outcome; use one of "
                        + Arrays.stream(values()).map(Outcome::json).collect(Collectors.joining(", ")));
    }

    /** A dismissal's outcome: every one but {@link #DECLARED}. */
    public static Outcome parseDismissal(String field, String text) {
        Outcome o = parse(field, text);
        if (o == DECLARED) {
            throw ValidationException.of(
                    field,
                    "declare a hotfix to decide it that way; dismiss with not-a-hotfix, " + "noise or duplicate");
        }
        return o;
    }
}
