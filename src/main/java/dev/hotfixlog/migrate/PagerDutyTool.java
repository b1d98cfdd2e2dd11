package dev.hotfixlog.migrate;

import static dev.hotfixlog.migrate.SourceText.first;
import static dev.hotfixlog.migrate.SourceText.instant;
import static dev.hotfixlog.migrate.SourceText.list;
import static dev.hotfixlog.migrate.SourceText.notes;
import static dev.hotfixlog.migrate.SourceText.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** PagerDuty's incidents (REST API v2, {@link PagerDutySource}), or pages saved from it. */
public final class PagerDutyTool implements MigrationTool {
    static final String NAME = "pagerduty";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String label() {
        return "PagerDuty";
    }

    @Override
    public String thing() {
        return "incident";
    }

    @Override
    public String defaultOrigin() {
        return "https://api.pagerduty.com";
    }

    @Override
    public String euOrigin() {
        return "https://api.eu.pagerduty.com";
    }

    @Override
    public Source open(MigrationRequest request, Instant now, Fetcher.Sleeper sleeper) {
        return request.overHttp()
                ? new PagerDutySource(request, now, sleeper)
                : new SavedPages(request.from(), "incidents", PagerDutySource::saved);
    }

    @Override
    public String severities() {
        return "P1=critical,P2=high,P3=medium,P4=medium,P5=medium,urgency:high=high,urgency:low=medium,*=medium";
    }

    @Override
    public List<MappingRow> rows() {
        return List.of(
                new MappingRow("title", "incident.title"),
                new MappingRow("severity", "priority.summary, else urgency, by the severity table"),
                new MappingRow(
                        "owner",
                        "who resolved it (resolve log entry), else who last acknowledged it, else the first assignee"),
                new MappingRow("systemsAffected", "service.summary"),
                new MappingRow("category", "incident_type.name"),
                new MappingRow("detectedAt", "created_at"),
                new MappingRow("alertedAt", "the first notify log entry"),
                new MappingRow("resolvedAt", "the resolve log entry, else resolved_at (only when resolved)"),
                new MappingRow("fixDeployedAt", "not recorded (PagerDuty does not say)"),
                new MappingRow("status", "resolved → completed; triggered, acknowledged → active"),
                new MappingRow("problem", "description, when it says more than the title"),
                new MappingRow("changeMade", "the notes, each with its author and time"),
                new MappingRow("triage", "not recorded"));
    }

    @Override
    public void map(ObjectNode doc, Draft r, MigrationRequest request) {
        JsonNode i = doc.path("incident");
        r.title(text(i, "title"), text(i, "summary"));
        r.severity(list(
                text(i.path("priority"), "summary"), i.hasNonNull("urgency") ? "urgency:" + text(i, "urgency") : null));
        Instant notified = null;
        Instant resolved = null;
        String resolver = null;
        String acknowledger = null;
        for (JsonNode e : doc.path("log_entries")) {
            String type = text(e, "type");
            Instant at = instant(text(e, "created_at"));
            if (type == null || at == null) {
                continue;
            }
            if (type.startsWith("notify_log_entry") && (notified == null || at.isBefore(notified))) {
                notified = at;
            } else if (type.startsWith("resolve_log_entry")) {
                resolved = resolved == null || at.isBefore(resolved) ? at : resolved;
                resolver = text(e.path("agent"), "summary");
            } else if (type.startsWith("acknowledge_log_entry")) {
                acknowledger = text(e.path("agent"), "summary");
            }
        }
        String assignee = text(i.path("assignments").path(0).path("assignee"), "summary");
        r.owner(first(resolver, acknowledger, assignee));
        r.systems(list(text(i.path("service"), "summary")));
        r.put("category", text(i.path("incident_type"), "name"));
        boolean done = "resolved".equals(text(i, "status"));
        r.times(
                instant(text(i, "created_at")),
                notified,
                done ? first(resolved, instant(text(i, "resolved_at"))) : null,
                done);
        String description = text(i, "description");
        r.put("problem", description != null && !description.equals(text(i, "title")) ? description : null);
        r.put("changeMade", notes(doc.path("notes"), "content", n -> text(n.path("user"), "summary"), "created_at"));
    }
}
