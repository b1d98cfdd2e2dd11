package dev.hotfixlog.migrate;

import dev.hotfixlog.error.ValidationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The tools a team moves in from, by the name the command and the API take. */
public enum SourceKind {
    ONCALL("grafana-oncall", "Grafana OnCall", "alert group", null),
    OPSGENIE("opsgenie", "Opsgenie", "alert", "https://api.opsgenie.com"),
    OPSGENIE_INCIDENTS("opsgenie-incidents", "Opsgenie", "incident", "https://api.opsgenie.com"),
    PAGERDUTY("pagerduty", "PagerDuty", "incident", "https://api.pagerduty.com"),
    MORGUE("morgue", "Morgue", "postmortem", null);

    private final String json;
    private final String label;
    private final String thing;
    private final String defaultOrigin;

    SourceKind(String json, String label, String thing, String defaultOrigin) {
        this.json = json;
        this.label = label;
        this.thing = thing;
        this.defaultOrigin = defaultOrigin;
    }

    public String json() {
        return json;
    }

    /** The tool's own name, for people. */
    public String label() {
        return label;
    }

    /** What the tool calls one of its records. */
    public String thing() {
        return thing;
    }

    /** Where its API is when no {@code --from} is given, or null when it must be named (self-hosted, a database). */
    public String defaultOrigin() {
        return defaultOrigin;
    }

    public static SourceKind parse(String field, String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (SourceKind k : values()) {
            if (k.json.equals(t) || k.name().toLowerCase(Locale.ROOT).equals(t)) {
                return k;
            }
        }
        throw ValidationException.of(field, "'" + text + "' is not a source; use one of "
                + Arrays.stream(values()).map(SourceKind::json).collect(Collectors.joining(", ")));
    }
}
