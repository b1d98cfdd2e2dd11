package dev.hotfixlog.migrate;

import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.Severity;
import dev.hotfixlog.text.Split;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How each tool's priority, urgency or severity becomes ours: lines {@code source.value=severity}, each tool's built-in
 * ones ({@link MigrationTool#severities}, documented in the README) overridden by {@code HOTFIX_MIGRATE_SEVERITY} and
 * then by the run's own. {@code source.*} is the severity of a record whose value has no line, or that has none.
 */
public final class SeverityTable {
    private final MigrationTools tools;
    private final Map<String, Severity> lines;

    private SeverityTable(MigrationTools tools, Map<String, Severity> lines) {
        this.tools = tools;
        this.lines = Map.copyOf(lines);
    }

    /** Each tool's own lines ({@link MigrationTool#severities}), under its name. */
    public static SeverityTable builtIn(MigrationTools tools) {
        Map<String, Severity> m = new LinkedHashMap<>();
        tools.all().forEach(t -> t.severityLines().forEach((k, v) -> m.put(key(k), Severity.parse("severity", v))));
        return new SeverityTable(tools, m);
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

    /** This table with other lines over it; every line names a tool of the log and one of our severities. */
    public SeverityTable with(String field, Map<String, String> more) {
        List<FieldError> errors = new ArrayList<>(formErrors(field, more));
        Map<String, Severity> m = new LinkedHashMap<>(lines);
        more.forEach((k, v) -> {
            int dot = k.indexOf('.');
            if (dot <= 0 || dot == k.length() - 1) {
                return; // said by formErrors
            }
            try {
                tools.named(field, k.substring(0, dot));
            } catch (ValidationException e) {
                errors.add(new FieldError(
                        field, k + "=" + v + ": " + e.errors().get(0).message()));
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        more.forEach((k, v) -> m.put(key(k), Severity.parse(field, v)));
        return new SeverityTable(tools, m);
    }

    /**
     * What is wrong with the lines whatever tools the log knows: a line that is not {@code source.value}, or
     * whose severity is not one of ours.
     */
    public static List<FieldError> formErrors(String field, Map<String, String> more) {
        List<FieldError> errors = new ArrayList<>();
        more.forEach((k, v) -> {
            int dot = k.indexOf('.');
            if (dot <= 0 || dot == k.length() - 1) {
                errors.add(new FieldError(field, "'" + k + "' is not source.value (pagerduty.P3)"));
                return;
            }
            try {
                Severity.parse(field, v);
            } catch (ValidationException e) {
                errors.add(new FieldError(
                        field, k + "=" + v + ": " + e.errors().get(0).message()));
            }
        });
        return errors;
    }

    /** The lines in effect for one source, as the dry run shows them. */
    public Map<String, String> linesOf(MigrationTool source) {
        Map<String, String> out = new LinkedHashMap<>();
        String prefix = source.name() + ".";
        lines.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.put(e.getKey(), e.getValue().json()));
        return out;
    }

    /** What a record is: the first of its values (priority before urgency) that has a line, else the default. */
    public Severity of(MigrationTool source, List<String> values, List<String> notes, String key) {
        for (String v : values) {
            if (v == null || v.isBlank()) {
                continue;
            }
            Severity s = lines.get(key(source.name() + "." + v.strip()));
            if (s != null) {
                return s;
            }
        }
        Severity fallback = lines.getOrDefault(key(source.name() + ".*"), Severity.MEDIUM);
        List<String> given =
                values.stream().filter(v -> v != null && !v.isBlank()).toList();
        notes.add(key + ": "
                + (given.isEmpty()
                        ? "no priority or severity in " + source.label()
                        : "no line for " + String.join(" / ", given) + " in the severity table")
                + "; recorded as "
                + fallback.json() + " (" + source.name() + ".*)");
        return fallback;
    }

    private static String key(String k) {
        return k.strip().toLowerCase(Locale.ROOT);
    }
}
