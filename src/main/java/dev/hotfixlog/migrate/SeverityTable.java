package dev.hotfixlog.migrate;

import dev.hotfixlog.text.Split;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How each tool's priority, urgency or severity becomes ours: lines {@code source.value=severity}, the built-in
 * ones (documented in the README) overridden by {@code HOTFIX_MIGRATE_SEVERITY} and then by the run's own.
 * {@code source.*} is the severity of a record whose value has no line, or that has none.
 */
public final class SeverityTable {
    private static final Map<String, String> BUILT_IN = builtInLines();
    private final Map<String, Severity> lines;

    private SeverityTable(Map<String, Severity> lines) {
        this.lines = Map.copyOf(lines);
    }

    private static Map<String, String> builtInLines() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("pagerduty.P1", "critical");
        m.put("pagerduty.P2", "high");
        m.put("pagerduty.P3", "medium");
        m.put("pagerduty.P4", "medium");
        m.put("pagerduty.P5", "medium");
        m.put("pagerduty.urgency:high", "high");
        m.put("pagerduty.urgency:low", "medium");
        m.put("pagerduty.*", "medium");
        m.put("opsgenie.P1", "critical");
        m.put("opsgenie.P2", "high");
        m.put("opsgenie.P3", "medium");
        m.put("opsgenie.P4", "medium");
        m.put("opsgenie.P5", "medium");
        m.put("opsgenie.*", "medium");
        m.put("opsgenie-incidents.P1", "critical");
        m.put("opsgenie-incidents.P2", "high");
        m.put("opsgenie-incidents.P3", "medium");
        m.put("opsgenie-incidents.P4", "medium");
        m.put("opsgenie-incidents.P5", "medium");
        m.put("opsgenie-incidents.*", "medium");
        m.put("grafana-oncall.critical", "critical");
        m.put("grafana-oncall.high", "high");
        m.put("grafana-oncall.major", "high");
        m.put("grafana-oncall.warning", "medium");
        m.put("grafana-oncall.*", "medium");
        m.put("morgue.1", "critical");
        m.put("morgue.2", "high");
        m.put("morgue.3", "medium");
        m.put("morgue.4", "medium");
        m.put("morgue.5", "medium");
        m.put("morgue.*", "medium");
        return m;
    }

    public static SeverityTable builtIn() {
        Map<String, Severity> m = new LinkedHashMap<>();
        BUILT_IN.forEach((k, v) -> m.put(key(k), Severity.parse("severity", v)));
        return new SeverityTable(m);
    }

    /** {@code pagerduty.P3=high,morgue.3=high}: the form of HOTFIX_MIGRATE_SEVERITY. */
    public static Map<String, String> parseLines(String field, String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : Split.on(text, ",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw ValidationException.of(field, "'" + p + "' is not source.value=severity (pagerduty.P3=high)");
            }
            out.put(p.substring(0, eq).strip(), p.substring(eq + 1).strip());
        }
        return out;
    }

    /** This table with other lines over it; every line names a source and one of our severities. */
    public SeverityTable with(String field, Map<String, String> more) {
        Map<String, Severity> m = new LinkedHashMap<>(lines);
        List<FieldError> errors = new ArrayList<>();
        more.forEach((k, v) -> {
            int dot = k.indexOf('.');
            if (dot <= 0 || dot == k.length() - 1) {
                errors.add(new FieldError(field, "'" + k + "' is not source.value (pagerduty.P3)"));
                return;
            }
            try {
                SourceKind.parse(field, k.substring(0, dot));
                m.put(key(k), Severity.parse(field, v));
            } catch (ValidationException e) {
                errors.add(new FieldError(field, k + "=" + v + ": " + e.errors().get(0).message()));
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new SeverityTable(m);
    }

    /** The lines in effect for one source, as the dry run shows them. */
    public Map<String, String> linesOf(SourceKind source) {
        Map<String, String> out = new LinkedHashMap<>();
        String prefix = source.json() + ".";
        lines.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.put(e.getKey(), e.getValue().json()));
        return out;
    }

    /** What a record is: the first of its values (priority before urgency) that has a line, else the default. */
    public Severity of(SourceKind source, List<String> values, List<String> notes, String key) {
        for (String v : values) {
            if (v == null || v.isBlank()) {
                continue;
            }
            Severity s = lines.get(key(source.json() + "." + v.strip()));
            if (s != null) {
                return s;
            }
        }
        Severity fallback = lines.getOrDefault(key(source.json() + ".*"), Severity.MEDIUM);
        List<String> given = values.stream().filter(v -> v != null && !v.isBlank()).toList();
        notes.add(key + ": " + (given.isEmpty() ? "no priority or severity in " + source.label()
                : "no line for " + String.join(" / ", given) + " in the severity table") + "; recorded as "
                + fallback.json() + " (" + source.json() + ".*)");
        return fallback;
    }

    private static String key(String k) {
        return k.strip().toLowerCase(Locale.ROOT);
    }
}
