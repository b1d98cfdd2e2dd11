package dev.hotfixlog.migrate;

import static dev.hotfixlog.migrate.SourceText.first;
import static dev.hotfixlog.migrate.SourceText.instant;
import static dev.hotfixlog.migrate.SourceText.notes;
import static dev.hotfixlog.migrate.SourceText.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Grafana OnCall's alert groups (its public API, {@link OnCallSource}), self-hosted or in Grafana Cloud, or pages saved
 * from it.
 */
public final class GrafanaOnCallTool implements MigrationTool {
    static final String NAME = "grafana-oncall";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> aliases() {
        return List.of("oncall");
    }

    @Override
    public String label() {
        return "Grafana OnCall";
    }

    @Override
    public String thing() {
        return "alert group";
    }

    @Override
    public String fromRequired() {
        return "is required: your Grafana OnCall's address (https://oncall.example.com or the cloud "
                + "stack's …/oncall), or a saved JSON page or folder";
    }

    @Override
    public Source open(MigrationRequest request, Instant now, Fetcher.Sleeper sleeper) {
        return request.overHttp()
                ? new OnCallSource(request, sleeper)
                : new SavedPages(request.from(), "results", OnCallSource::saved);
    }

    @Override
    public String severities() {
        return "critical=critical,high=high,major=high,warning=medium,*=medium";
    }

    @Override
    public List<MappingRow> rows() {
        return List.of(
                new MappingRow("title", "alert_group.title (else \"Alert group ID\")"),
                new MappingRow("severity", "label severity, by the severity table"),
                new MappingRow("owner", "resolved_by, else acknowledged_by (the user's username, looked up by its id)"),
                new MappingRow("systemsAffected", "labels service / system / app"),
                new MappingRow("category", "label category / type"),
                new MappingRow("detectedAt", "created_at"),
                new MappingRow("alertedAt", "created_at (OnCall pages when the group is created)"),
                new MappingRow("resolvedAt", "resolved_at, when resolved"),
                new MappingRow("fixDeployedAt", "not recorded (OnCall does not say)"),
                new MappingRow("status", "resolved → completed; firing, acknowledged, silenced → active"),
                new MappingRow("problem", "alerts_count and when it was acknowledged (acknowledged_at)"),
                new MappingRow("changeMade", "the resolution notes, each with its author (username) and time"),
                new MappingRow("triage", "not recorded"));
    }

    @Override
    public void map(ObjectNode doc, Draft r, MigrationRequest request) {
        JsonNode g = doc.path("alert_group");
        r.title(text(g, "title"), "Alert group " + r.key());
        r.severity(labels(g, "severity"));
        r.owner(r.named(doc, first(text(g, "resolved_by"), text(g, "acknowledged_by")), "user"));
        r.systems(labels(g, "service", "system", "app"));
        List<String> category = labels(g, "category", "type");
        r.put("category", category.isEmpty() ? null : category.get(0));
        Instant created = instant(text(g, "created_at"));
        boolean resolved = "resolved".equals(text(g, "state"));
        r.times(created, created, resolved ? instant(text(g, "resolved_at")) : null, resolved);
        StringBuilder problem = new StringBuilder();
        if (g.path("alerts_count").asInt(0) > 0) {
            problem.append(g.path("alerts_count").asInt())
                    .append(g.path("alerts_count").asInt() == 1 ? " alert." : " alerts.");
        }
        Instant ack = instant(text(g, "acknowledged_at"));
        if (ack != null) {
            problem.append(problem.length() > 0 ? " " : "")
                    .append("Acknowledged at ")
                    .append(ack)
                    .append('.');
        }
        r.put("problem", problem.length() == 0 ? null : problem.toString());
        r.put(
                "changeMade",
                notes(
                        doc.path("resolution_notes"),
                        "text",
                        n -> r.named(doc, text(n, "author"), "user"),
                        "created_at"));
    }

    /** OnCall labels ({@code [{"key": {"name": …}, "value": {"name": …}}]}) under any of the names. */
    private static List<String> labels(JsonNode group, String... keys) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode l : group.path("labels")) {
            String key = text(l.path("key"), "name");
            String value = text(l.path("value"), "name");
            for (String k : keys) {
                if (k.equalsIgnoreCase(key) && value != null) {
                    out.add(value);
                }
            }
        }
        return new ArrayList<>(out);
    }
}
