package dev.hotfixlog.migrate;

import static dev.hotfixlog.migrate.SourceText.first;
import static dev.hotfixlog.migrate.SourceText.isHttpAddress;
import static dev.hotfixlog.migrate.SourceText.join;
import static dev.hotfixlog.migrate.SourceText.list;
import static dev.hotfixlog.migrate.SourceText.seconds;
import static dev.hotfixlog.migrate.SourceText.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Pattern;
import dev.hotfixlog.hotfix.TextRules;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.time.TimeText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Etsy's Morgue, read straight from its MySQL/MariaDB database ({@link MorgueSource}). */
public final class MorgueTool implements MigrationTool {
    static final String NAME = "morgue";
    /** {@code ABC-123}: a ticket that can be linked. */
    private static final Pattern TICKET = Pattern.compile("[A-Za-z0-9_-]+");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String label() {
        return "Morgue";
    }

    @Override
    public String thing() {
        return "postmortem";
    }

    @Override
    public String fromRequired() {
        return "is required: Morgue's database as a JDBC URL, jdbc:mariadb://host:3306/morgue?user=…";
    }

    @Override
    public String refusal(String from) {
        return MigrationRequest.isJdbc(from)
                ? null
                : "Morgue is read from its MySQL/MariaDB database: give a " + "jdbc:mariadb:// or jdbc:mysql:// URL";
    }

    /** A database, never an API. */
    @Override
    public boolean overHttp(String from) {
        return false;
    }

    /** A database the server reaches, not the server's files: an API caller may name it. */
    @Override
    public boolean readsFiles(String from) {
        return false;
    }

    @Override
    public Source open(MigrationRequest request, Instant now, Fetcher.Sleeper sleeper) {
        return new MorgueSource(request);
    }

    @Override
    public String severities() {
        return "1=critical,2=high,3=medium,4=medium,5=medium,*=medium";
    }

    @Override
    public List<MappingRow> rows() {
        return List.of(
                new MappingRow("title", "postmortems.title"),
                new MappingRow("severity", "severity (1–5), by the severity table"),
                new MappingRow("owner", "contact"),
                new MappingRow("systemsAffected", "subsystem"),
                new MappingRow("category", "problem_type"),
                new MappingRow("detectedAt", "detecttime (Unix seconds), else starttime"),
                new MappingRow("alertedAt", "not recorded (Morgue does not say)"),
                new MappingRow("resolvedAt", "endtime (Unix seconds); none: still active"),
                new MappingRow("fixDeployedAt", "not recorded (Morgue does not say)"),
                new MappingRow("problem", "tldr, then summary (Morgue's HTML as plain text, links kept)"),
                new MappingRow("impact", "impact_type, and when the impact began (starttime) if before detection"),
                new MappingRow("rootCause", "incident_cause, and why_surprised"),
                new MappingRow("boundary", "owner_team"),
                new MappingRow("postmortemUrl", "meeting_notes_link, when it is an http(s) address"),
                new MappingRow("followUps.properFix", "the Jira tickets (linked with --jira-url)"),
                new MappingRow("evidence", "tags, image links and the edit history, in the source document"),
                new MappingRow("triage", "not recorded"));
    }

    @Override
    public void map(ObjectNode doc, Draft r, MigrationRequest request) {
        JsonNode pm = doc.path("postmortem");
        r.title(html(pm, "title"));
        r.severity(list(text(pm, "severity")));
        r.owner(first(html(pm, "contact"), html(pm, "facilitator")));
        r.systems(list(html(pm, "subsystem")));
        r.put("category", html(pm, "problem_type"));
        Instant start = seconds(pm, "starttime");
        Instant detected = first(seconds(pm, "detecttime"), start);
        Instant end = seconds(pm, "endtime");
        r.times(detected, null, end, end != null);
        r.put("problem", join("\n\n", html(pm, "tldr"), html(pm, "summary")));
        String began = start != null && detected != null && start.isBefore(detected)
                ? "Impact began " + start + ", " + TimeText.human(Duration.between(start, detected))
                        + " before it was detected."
                : null;
        r.put("impact", join("\n\n", html(pm, "impact_type"), began));
        String surprised = html(pm, "why_surprised");
        r.put(
                "rootCause",
                join(
                        "\n\n",
                        html(pm, "incident_cause"),
                        surprised == null ? null : "Why it surprised us: " + surprised));
        r.put("boundary", html(pm, "owner_team"));
        String notesLink = text(pm, "meeting_notes_link");
        r.put(
                "postmortemUrl",
                notesLink != null && isHttpAddress(notesLink) && notesLink.length() <= 2000 ? notesLink : null);
        List<String> tickets = new ArrayList<>();
        doc.path("jira").forEach(t -> {
            if (t.isTextual() && !t.asText().isBlank()) {
                tickets.add(t.asText().strip());
            }
        });
        if (!tickets.isEmpty()) {
            ObjectNode fix = Json.object();
            fix.put(
                    "description",
                    r.cut(
                            "followUps.properFix.description",
                            "Jira: " + String.join(", ", tickets),
                            TextRules.TEXT_MAX_CHARS));
            if (request.jiraUrl() != null && TICKET.matcher(tickets.get(0)).matches()) {
                fix.put("link", request.jiraUrl() + (request.jiraUrl().endsWith("/") ? "" : "/") + tickets.get(0));
            }
            ObjectNode followUps = Json.object();
            followUps.set("properFix", fix);
            r.set("followUps", followUps);
        }
        int images = doc.path("images").size();
        if (images > 0) {
            r.note(images + " image link" + (images == 1 ? "" : "s") + " kept in the source document, not fetched");
        }
    }

    /** A text Morgue may hold as its editor's HTML, as plain text. */
    private static String html(JsonNode o, String field) {
        String t = HtmlText.plain(text(o, field));
        return t == null || t.isBlank() ? null : t;
    }
}
