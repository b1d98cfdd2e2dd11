package dev.hotfixlog.migrate;

import static dev.hotfixlog.migrate.SourceText.first;
import static dev.hotfixlog.migrate.SourceText.instant;
import static dev.hotfixlog.migrate.SourceText.join;
import static dev.hotfixlog.migrate.SourceText.list;
import static dev.hotfixlog.migrate.SourceText.nonEmpty;
import static dev.hotfixlog.migrate.SourceText.notes;
import static dev.hotfixlog.migrate.SourceText.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.time.TimeText;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Opsgenie's alerts (Alert API v2, {@link OpsgenieSource}), or pages saved from it. */
public final class OpsgenieAlertsTool extends OpsgenieTool {
    static final String NAME = "opsgenie";

    public OpsgenieAlertsTool() {
        super(false);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String thing() {
        return "alert";
    }

    @Override
    public List<MappingRow> rows() {
        return List.of(
                new MappingRow("title", "alert.message"),
                new MappingRow("severity", "priority (P1–P5), by the severity table"),
                new MappingRow("owner", "report.closedBy, else report.acknowledgedBy, else owner"),
                new MappingRow(
                        "systemsAffected",
                        "tags system:X / service:X, else details.system / details.service, " + "else entity"),
                new MappingRow("category", "tag category:X, else details.category"),
                new MappingRow("detectedAt", "createdAt"),
                new MappingRow("alertedAt", "createdAt (Opsgenie notifies when the alert is created)"),
                new MappingRow("resolvedAt", "createdAt + report.closeTime (a duration in ms), when closed"),
                new MappingRow("fixDeployedAt", "not recorded (Opsgenie does not say)"),
                new MappingRow("status", "closed → completed; open → active"),
                new MappingRow(
                        "problem",
                        "description; how often it fired, when it was acknowledged (createdAt + " + "report.ackTime)"),
                new MappingRow("changeMade", "the notes, each with its owner and time"),
                new MappingRow("triage", "not recorded"));
    }

    @Override
    public void map(ObjectNode doc, Draft r, MigrationRequest request) {
        JsonNode a = doc.path("alert");
        r.title(text(a, "message"));
        r.severity(list(text(a, "priority")));
        JsonNode report = a.path("report");
        r.owner(first(text(report, "closedBy"), text(report, "acknowledgedBy"), text(a, "owner")));
        List<String> systems = tagged(a.path("tags"), "system", "service");
        JsonNode details = a.path("details");
        r.systems(
                !systems.isEmpty()
                        ? systems
                        : first(
                                nonEmpty(list(text(details, "system"), text(details, "service"))),
                                list(text(a, "entity"))));
        List<String> category = tagged(a.path("tags"), "category");
        r.put("category", category.isEmpty() ? text(a.path("details"), "category") : category.get(0));
        Instant created = instant(text(a, "createdAt"));
        boolean closed = "closed".equals(text(a, "status"));
        Instant resolved = null;
        if (closed && created != null && report.path("closeTime").canConvertToLong()) {
            resolved = created.plusMillis(report.path("closeTime").asLong());
        } else if (closed) {
            r.note("closed, but report.closeTime is missing; resolved time not recorded");
        }
        r.times(created, created, resolved, closed);
        StringBuilder problem = new StringBuilder();
        if (a.path("count").asInt(1) > 1) {
            problem.append("Fired ").append(a.path("count").asInt()).append(" times.");
        }
        if (created != null && report.path("ackTime").canConvertToLong()) {
            problem.append(problem.length() > 0 ? " " : "")
                    .append("Acknowledged at ")
                    .append(created.plusMillis(report.path("ackTime").asLong()))
                    .append(" (")
                    .append(TimeText.human(
                            Duration.ofMillis(report.path("ackTime").asLong())))
                    .append(" after it was raised)")
                    .append(text(report, "acknowledgedBy") != null ? " by " + text(report, "acknowledgedBy") : "")
                    .append('.');
        }
        r.put("problem", join("\n\n", text(a, "description"), problem.toString()));
        r.put("changeMade", notes(doc.path("notes"), "note", n -> text(n, "owner"), "createdAt"));
    }
}
