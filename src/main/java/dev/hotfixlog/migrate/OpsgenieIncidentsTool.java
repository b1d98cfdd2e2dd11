package dev.hotfixlog.migrate;

import static dev.hotfixlog.migrate.SourceText.instant;
import static dev.hotfixlog.migrate.SourceText.join;
import static dev.hotfixlog.migrate.SourceText.list;
import static dev.hotfixlog.migrate.SourceText.notes;
import static dev.hotfixlog.migrate.SourceText.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.time.TimeText;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Opsgenie's incidents (Incident API v1, {@link OpsgenieSource}), kept apart from its alerts, or pages saved from it.
 */
public final class OpsgenieIncidentsTool extends OpsgenieTool {
    static final String NAME = "opsgenie-incidents";

    public OpsgenieIncidentsTool() {
        super(true);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> aliases() {
        return List.of("opsgenie_incidents");
    }

    @Override
    public String thing() {
        return "incident";
    }

    @Override
    public List<MappingRow> rows() {
        return List.of(
                new MappingRow("title", "incident.message"),
                new MappingRow("severity", "priority (P1–P5), by the severity table"),
                new MappingRow("owner", "not recorded (an incident has an owner team, not a person)"),
                new MappingRow("systemsAffected", "tags system:X / service:X"),
                new MappingRow("category", "tag category:X, else extraProperties.category"),
                new MappingRow("detectedAt", "createdAt"),
                new MappingRow(
                        "alertedAt", "createdAt (Opsgenie notifies the responders when the incident is created)"),
                new MappingRow("resolvedAt", "impactEndDate, when resolved or closed"),
                new MappingRow("fixDeployedAt", "not recorded (Opsgenie does not say)"),
                new MappingRow("status", "resolved, closed → completed; open → active"),
                new MappingRow("problem", "description"),
                new MappingRow(
                        "impact",
                        "when the impact began (impactStartDate) if before detection; ownerTeam "
                                + "(the team's name, looked up by its id)"),
                new MappingRow("changeMade", "the notes, each with its owner and time"),
                new MappingRow("triage", "not recorded"));
    }

    @Override
    public void map(ObjectNode doc, Draft r, MigrationRequest request) {
        JsonNode i = doc.path("incident");
        r.title(text(i, "message"));
        r.severity(list(text(i, "priority")));
        r.systems(tagged(i.path("tags"), "system", "service"));
        List<String> category = tagged(i.path("tags"), "category");
        r.put("category", category.isEmpty() ? text(i.path("extraProperties"), "category") : category.get(0));
        Instant created = instant(text(i, "createdAt"));
        String status = text(i, "status");
        boolean done = "resolved".equals(status) || "closed".equals(status);
        Instant ended = instant(text(i, "impactEndDate"));
        if (done && ended == null) {
            r.note(status + ", but impactEndDate is missing; resolved time not recorded");
        }
        r.times(created, created, done ? ended : null, done);
        r.put("problem", text(i, "description"));
        Instant began = instant(text(i, "impactStartDate"));
        String owner = r.named(doc, text(i, "ownerTeam"), "team");
        r.put(
                "impact",
                join(
                        "\n\n",
                        began != null && created != null && began.isBefore(created)
                                ? "Impact began " + began
                                        + ", " + TimeText.human(Duration.between(began, created))
                                        + " before the incident "
                                        + "was opened."
                                : null,
                        owner == null ? null : "Owner team: " + owner));
        r.put("changeMade", notes(doc.path("notes"), "note", n -> text(n, "owner"), "createdAt"));
    }
}
