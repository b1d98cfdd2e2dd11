package dev.hotfixlog.migrate;

import com.google.re2j.Pattern;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.hotfix.RecordFields;
import dev.hotfixlog.hotfix.Severity;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.hotfix.TextRules;
import dev.hotfixlog.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Each tool's record as ours, field by field; {@link #rows} is the table the dry run and the README show. Times
 * are mapped only where the source says them: no tool here records when a fix was deployed, so none is invented,
 * and the decision tree's questions stay unanswered ("not recorded"). A record without a creation time is
 * skipped (a history entry no metric can place); a moment that would come before the one it follows is left out
 * with a note rather than refusing the record.
 */
final class Mapping {
    /** One line of the mapping table: our field, and what of the source fills it. */
    record Row(String field, String from) {
    }

    /** A record the mapping cannot use, with why. */
    private static final Pattern TICKET = Pattern.compile("[A-Za-z0-9_-]+");
    // [[:space:]] is Java's \\s (vertical tab included); RE2/J's \\s leaves it out.
    private static final Pattern SPACES = Pattern.compile("[[:space:]]+");

    /**
     * An http(s) address with no space in it: what {@code (?i)https?://\\S+} said, by hand, ASCII-only in its
     * case (RE2/J's case folding would take a long s for an s).
     */
    static boolean isHttpAddress(String s) {
        String start = s.substring(0, Math.min(8, s.length())).toLowerCase(Locale.ROOT);
        int scheme = start.startsWith("https://") ? 8 : start.startsWith("http://") ? 7 : -1;
        if (scheme < 0 || s.length() == scheme) {
            return false;
        }
        for (int k = scheme; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    static final class Unusable extends RuntimeException {
        Unusable(String reason) {
            super(reason, null, false, false);
        }
    }

    private final SourceKind source;
    private final SeverityTable severities;
    private final String jiraUrl;

    Mapping(SourceKind source, SeverityTable severities, String jiraUrl) {
        this.source = source;
        this.severities = severities;
        this.jiraUrl = jiraUrl;
    }

    /** The severity table's lines for this source, as the run used them. */
    java.util.Map<String, String> severityLines() {
        return severities.linesOf(source);
    }

    static List<Row> rows(SourceKind source) {
        return switch (source) {
            case PAGERDUTY -> List.of(new Row("title", "incident.title"),
                    new Row("severity", "priority.summary, else urgency, by the severity table"),
                    new Row("owner", "who resolved it (resolve log entry), else who last acknowledged it, else the first assignee"),
                    new Row("systemsAffected", "service.summary"),
                    new Row("category", "incident_type.name"),
                    new Row("detectedAt", "created_at"),
                    new Row("alertedAt", "the first notify log entry"),
                    new Row("resolvedAt", "the resolve log entry, else resolved_at (only when resolved)"),
                    new Row("fixDeployedAt", "not recorded (PagerDuty does not say)"),
                    new Row("status", "resolved → completed; triggered, acknowledged → active"),
                    new Row("problem", "description, when it says more than the title"),
                    new Row("changeMade", "the notes, each with its author and time"),
                    new Row("triage", "not recorded"));
            case OPSGENIE -> List.of(new Row("title", "alert.message"),
                    new Row("severity", "priority (P1–P5), by the severity table"),
                    new Row("owner", "report.closedBy, else report.acknowledgedBy, else owner"),
                    new Row("systemsAffected", "tags system:X / service:X, else details.system / details.service, "
                            + "else entity"),
                    new Row("category", "tag category:X, else details.category"),
                    new Row("detectedAt", "createdAt"),
                    new Row("alertedAt", "createdAt (Opsgenie notifies when the alert is created)"),
                    new Row("resolvedAt", "createdAt + report.closeTime (a duration in ms), when closed"),
                    new Row("fixDeployedAt", "not recorded (Opsgenie does not say)"),
                    new Row("status", "closed → completed; open → active"),
                    new Row("problem", "description; how often it fired, when it was acknowledged (createdAt + "
                            + "report.ackTime)"),
                    new Row("changeMade", "the notes, each with its owner and time"),
                    new Row("triage", "not recorded"));
            case OPSGENIE_INCIDENTS -> List.of(new Row("title", "incident.message"),
                    new Row("severity", "priority (P1–P5), by the severity table"),
                    new Row("owner", "not recorded (an incident has an owner team, not a person)"),
                    new Row("systemsAffected", "tags system:X / service:X"),
                    new Row("category", "tag category:X, else extraProperties.category"),
                    new Row("detectedAt", "createdAt"),
                    new Row("alertedAt", "createdAt (Opsgenie notifies the responders when the incident is created)"),
                    new Row("resolvedAt", "impactEndDate, when resolved or closed"),
                    new Row("fixDeployedAt", "not recorded (Opsgenie does not say)"),
                    new Row("status", "resolved, closed → completed; open → active"),
                    new Row("problem", "description"),
                    new Row("impact", "when the impact began (impactStartDate) if before detection; ownerTeam "
                            + "(the team's name, looked up by its id)"),
                    new Row("changeMade", "the notes, each with its owner and time"),
                    new Row("triage", "not recorded"));
            case ONCALL -> List.of(new Row("title", "alert_group.title (else \"Alert group ID\")"),
                    new Row("severity", "label severity, by the severity table"),
                    new Row("owner", "resolved_by, else acknowledged_by (the user's username, looked up by its id)"),
                    new Row("systemsAffected", "labels service / system / app"),
                    new Row("category", "label category / type"),
                    new Row("detectedAt", "created_at"),
                    new Row("alertedAt", "created_at (OnCall pages when the group is created)"),
                    new Row("resolvedAt", "resolved_at, when resolved"),
                    new Row("fixDeployedAt", "not recorded (OnCall does not say)"),
                    new Row("status", "resolved → completed; firing, acknowledged, silenced → active"),
                    new Row("problem", "alerts_count and when it was acknowledged (acknowledged_at)"),
                    new Row("changeMade", "the resolution notes, each with its author (username) and time"),
                    new Row("triage", "not recorded"));
            case MORGUE -> List.of(new Row("title", "postmortems.title"),
                    new Row("severity", "severity (1–5), by the severity table"),
                    new Row("owner", "contact"),
                    new Row("systemsAffected", "subsystem"),
                    new Row("category", "problem_type"),
                    new Row("detectedAt", "detecttime (Unix seconds), else starttime"),
                    new Row("alertedAt", "not recorded (Morgue does not say)"),
                    new Row("resolvedAt", "endtime (Unix seconds); none: still active"),
                    new Row("fixDeployedAt", "not recorded (Morgue does not say)"),
                    new Row("problem", "tldr, then summary (Morgue's HTML as plain text, links kept)"),
                    new Row("impact", "impact_type, and when the impact began (starttime) if before detection"),
                    new Row("rootCause", "incident_cause, and why_surprised"),
                    new Row("boundary", "owner_team"),
                    new Row("postmortemUrl", "meeting_notes_link, when it is an http(s) address"),
                    new Row("followUps.properFix", "the Jira tickets (linked with --jira-url)"),
                    new Row("evidence", "tags, image links and the edit history, in the source document"),
                    new Row("triage", "not recorded"));
        };
    }

    Mapped map(SourceDoc d) {
        List<String> notes = new ArrayList<>();
        Draft draft = new Draft(d.key(), notes);
        switch (source) {
            case PAGERDUTY -> pagerDuty(d.doc(), draft);
            case OPSGENIE -> opsgenie(d.doc(), draft);
            case OPSGENIE_INCIDENTS -> opsgenieIncident(d.doc(), draft);
            case ONCALL -> onCall(d.doc(), draft);
            case MORGUE -> morgue(d.doc(), draft);
        }
        for (JsonNode cut : d.doc().path("cut")) {
            notes.add(d.key() + ": " + cut.asText() + " went on past " + Http.MAX_SUB_PAGES + " pages or came round "
                    + "again; the first ones are kept");
        }
        return draft.done();
    }

    private void pagerDuty(ObjectNode doc, Draft r) {
        JsonNode i = doc.path("incident");
        r.title(text(i, "title"), text(i, "summary"));
        r.severity(severities.of(source, list(text(i.path("priority"), "summary"),
                i.hasNonNull("urgency") ? "urgency:" + text(i, "urgency") : null), r.notes, r.key));
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
        r.times(instant(text(i, "created_at")), notified, done ? first(resolved, instant(text(i, "resolved_at")))
                : null, done);
        String description = text(i, "description");
        r.put("problem", description != null && !description.equals(text(i, "title")) ? description : null);
        r.put("changeMade", notes(doc.path("notes"), "content", n -> text(n.path("user"), "summary"), "created_at"));
    }

    private void opsgenie(ObjectNode doc, Draft r) {
        JsonNode a = doc.path("alert");
        r.title(text(a, "message"));
        r.severity(severities.of(source, list(text(a, "priority")), r.notes, r.key));
        JsonNode report = a.path("report");
        r.owner(first(text(report, "closedBy"), text(report, "acknowledgedBy"), text(a, "owner")));
        List<String> systems = tagged(a.path("tags"), "system", "service");
        JsonNode details = a.path("details");
        r.systems(!systems.isEmpty() ? systems : first(nonEmpty(list(text(details, "system"),
                text(details, "service"))), list(text(a, "entity"))));
        List<String> category = tagged(a.path("tags"), "category");
        r.put("category", category.isEmpty() ? text(a.path("details"), "category") : category.get(0));
        Instant created = instant(text(a, "createdAt"));
        boolean closed = "closed".equals(text(a, "status"));
        Instant resolved = null;
        if (closed && created != null && report.path("closeTime").canConvertToLong()) {
            resolved = created.plusMillis(report.path("closeTime").asLong());
        } else if (closed) {
            r.notes.add(r.key + ": closed, but report.closeTime is missing; resolved time not recorded");
        }
        r.times(created, created, resolved, closed);
        StringBuilder problem = new StringBuilder();
        if (a.path("count").asInt(1) > 1) {
            problem.append("Fired ").append(a.path("count").asInt()).append(" times.");
        }
        if (created != null && report.path("ackTime").canConvertToLong()) {
            problem.append(problem.length() > 0 ? " " : "").append("Acknowledged at ")
                    .append(created.plusMillis(report.path("ackTime").asLong())).append(" (")
                    .append(dev.hotfixlog.time.TimeText.human(Duration.ofMillis(report.path("ackTime").asLong())))
                    .append(" after it was raised)").append(text(report, "acknowledgedBy") != null ? " by "
                    + text(report, "acknowledgedBy") : "").append('.');
        }
        r.put("problem", join("\n\n", text(a, "description"), problem.toString()));
        r.put("changeMade", notes(doc.path("notes"), "note", n -> text(n, "owner"), "createdAt"));
    }

    private void opsgenieIncident(ObjectNode doc, Draft r) {
        JsonNode i = doc.path("incident");
        r.title(text(i, "message"));
        r.severity(severities.of(source, list(text(i, "priority")), r.notes, r.key));
        r.systems(tagged(i.path("tags"), "system", "service"));
        List<String> category = tagged(i.path("tags"), "category");
        r.put("category", category.isEmpty() ? text(i.path("extraProperties"), "category") : category.get(0));
        Instant created = instant(text(i, "createdAt"));
        String status = text(i, "status");
        boolean done = "resolved".equals(status) || "closed".equals(status);
        Instant ended = instant(text(i, "impactEndDate"));
        if (done && ended == null) {
            r.notes.add(r.key + ": " + status + ", but impactEndDate is missing; resolved time not recorded");
        }
        r.times(created, created, done ? ended : null, done);
        r.put("problem", text(i, "description"));
        Instant began = instant(text(i, "impactStartDate"));
        String owner = r.named(doc, text(i, "ownerTeam"), "team");
        r.put("impact", join("\n\n", began != null && created != null && began.isBefore(created) ? "Impact began " + began
                + ", " + dev.hotfixlog.time.TimeText.human(Duration.between(began, created)) + " before the incident "
                + "was opened." : null, owner == null ? null : "Owner team: " + owner));
        r.put("changeMade", notes(doc.path("notes"), "note", n -> text(n, "owner"), "createdAt"));
    }

    private void onCall(ObjectNode doc, Draft r) {
        JsonNode g = doc.path("alert_group");
        r.title(text(g, "title"), "Alert group " + r.key);
        r.severity(severities.of(source, labels(g, "severity"), r.notes, r.key));
        r.owner(r.named(doc, first(text(g, "resolved_by"), text(g, "acknowledged_by")), "user"));
        r.systems(labels(g, "service", "system", "app"));
        List<String> category = labels(g, "category", "type");
        r.put("category", category.isEmpty() ? null : category.get(0));
        Instant created = instant(text(g, "created_at"));
        boolean resolved = "resolved".equals(text(g, "state"));
        r.times(created, created, resolved ? instant(text(g, "resolved_at")) : null, resolved);
        StringBuilder problem = new StringBuilder();
        if (g.path("alerts_count").asInt(0) > 0) {
            problem.append(g.path("alerts_count").asInt()).append(g.path("alerts_count").asInt() == 1 ? " alert."
                    : " alerts.");
        }
        Instant ack = instant(text(g, "acknowledged_at"));
        if (ack != null) {
            problem.append(problem.length() > 0 ? " " : "").append("Acknowledged at ").append(ack).append('.');
        }
        r.put("problem", problem.length() == 0 ? null : problem.toString());
        r.put("changeMade", notes(doc.path("resolution_notes"), "text", n -> r.named(doc, text(n, "author"), "user"),
                "created_at"));
    }

    private void morgue(ObjectNode doc, Draft r) {
        JsonNode pm = doc.path("postmortem");
        r.title(html(pm, "title"));
        r.severity(severities.of(source, list(text(pm, "severity")), r.notes, r.key));
        r.owner(first(html(pm, "contact"), html(pm, "facilitator")));
        r.systems(list(html(pm, "subsystem")));
        r.put("category", html(pm, "problem_type"));
        Instant start = seconds(pm, "starttime");
        Instant detected = first(seconds(pm, "detecttime"), start);
        Instant end = seconds(pm, "endtime");
        r.times(detected, null, end, end != null);
        r.put("problem", join("\n\n", html(pm, "tldr"), html(pm, "summary")));
        String began = start != null && detected != null && start.isBefore(detected)
                ? "Impact began " + start + ", " + dev.hotfixlog.time.TimeText.human(Duration.between(start, detected))
                + " before it was detected." : null;
        r.put("impact", join("\n\n", html(pm, "impact_type"), began));
        String surprised = html(pm, "why_surprised");
        r.put("rootCause", join("\n\n", html(pm, "incident_cause"), surprised == null ? null
                : "Why it surprised us: " + surprised));
        r.put("boundary", html(pm, "owner_team"));
        String notesLink = text(pm, "meeting_notes_link");
        r.put("postmortemUrl", notesLink != null && isHttpAddress(notesLink)
                && notesLink.length() <= 2000 ? notesLink : null);
        List<String> tickets = new ArrayList<>();
        doc.path("jira").forEach(t -> {
            if (t.isTextual() && !t.asText().isBlank()) {
                tickets.add(t.asText().strip());
            }
        });
        if (!tickets.isEmpty()) {
            ObjectNode fix = Json.object();
            fix.put("description", r.cut("followUps.properFix.description", "Jira: " + String.join(", ", tickets),
                    TextRules.TEXT_MAX_CHARS));
            if (jiraUrl != null && TICKET.matcher(tickets.get(0)).matches()) {
                fix.put("link", jiraUrl + (jiraUrl.endsWith("/") ? "" : "/") + tickets.get(0));
            }
            ObjectNode followUps = Json.object();
            followUps.set("properFix", fix);
            r.fields.set("followUps", followUps);
        }
        int images = doc.path("images").size();
        if (images > 0) {
            r.notes.add(r.key + ": " + images + " image link" + (images == 1 ? "" : "s")
                    + " kept in the source document, not fetched");
        }
    }

    // ---- reading the source ----

    static String text(JsonNode o, String field) {
        JsonNode v = o == null ? null : o.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    /** A text Morgue may hold as its editor's HTML, as plain text. */
    private static String html(JsonNode o, String field) {
        String t = HtmlText.plain(text(o, field));
        return t == null || t.isBlank() ? null : t;
    }

    /** An ISO-8601 time with an offset or a Z; null for anything else (an unreadable time is not invented). */
    static Instant instant(String s) {
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant seconds(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v != null && v.canConvertToLong() && v.asLong() > 0 ? Instant.ofEpochSecond(v.asLong()) : null;
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static List<String> nonEmpty(List<String> values) {
        return values.isEmpty() ? null : values;
    }

    private static List<String> list(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                out.add(v);
            }
        }
        return out;
    }

    private static String join(String sep, String... parts) {
        List<String> l = list(parts);
        return l.isEmpty() ? null : String.join(sep, l);
    }

    /** Opsgenie tags of the form {@code key:value} (or {@code key=value}) for any of the keys. */
    private static List<String> tagged(JsonNode tags, String... keys) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode t : tags) {
            String s = t.asText("");
            for (String k : keys) {
                String l = s.toLowerCase(Locale.ROOT);
                if ((l.startsWith(k + ":") || l.startsWith(k + "=")) && s.length() > k.length() + 1) {
                    out.add(s.substring(k.length() + 1).strip());
                }
            }
        }
        return new ArrayList<>(out);
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

    private static String notes(JsonNode notes, String textField, java.util.function.Function<JsonNode, String> who,
                                String atField) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : notes) {
            String t = text(n, textField);
            if (t == null) {
                continue;
            }
            String by = who.apply(n);
            String at = text(n, atField);
            out.add((by != null || at != null ? "[" + (by == null ? "" : by) + (by != null && at != null ? ", " : "")
                    + (at == null ? "" : at) + "] " : "") + t);
        }
        return out.isEmpty() ? null : String.join("\n\n", out);
    }

    /** The record being made, and the rules every source's values pass on their way in. */
    private static final class Draft {
        final String key;
        final List<String> notes;
        final ObjectNode fields = Json.object();
        /** Every field this source fills, set or not: one it has no value for is cleared, not left as it was. */
        final java.util.Set<String> owned = new java.util.LinkedHashSet<>(List.of("title", "severity", "owner",
                "systemsAffected", "detectedAt", "alertedAt", "resolvedAt"));
        Status status;

        Draft(String key, List<String> notes) {
            this.key = key;
            this.notes = notes;
        }

        void title(String... candidates) {
            String t = first(candidates);
            if (t == null) {
                throw new Unusable("has no title");
            }
            put("title", SPACES.matcher(t).replaceAll(" "));
        }

        void severity(Severity s) {
            fields.put("severity", s.json());
        }

        /**
         * The name the source's lookup found for a person's or team's id ({@code doc.names}); the id itself when
         * the lookup failed (with a note) or was never made (saved pages).
         */
        String named(JsonNode doc, String id, String what) {
            JsonNode name = id == null ? null : doc.path("names").get(id);
            if (name != null && name.isTextual()) {
                return name.asText();
            }
            if (name != null) {
                notes.add(key + ": the " + what + " " + id + " could not be looked up at the source; its id stands");
            }
            return id;
        }

        void owner(String owner) {
            put("owner", owner);
        }

        void systems(List<String> systems) {
            ArrayNode a = fields.putArray("systemsAffected");
            systems.stream().map(s -> cut("systemsAffected", SPACES.matcher(s).replaceAll(" "), TextRules.NAME_MAX_CHARS))
                    .distinct().limit(100).forEach(a::add);
        }

        /** The four moments, in order; one that would break the order is left out, with a note. */
        void times(Instant detected, Instant alerted, Instant resolved, boolean done) {
            if (detected == null) {
                throw new Unusable("has no creation time");
            }
            fields.put("detectedAt", detected.toString());
            if (alerted != null && alerted.isBefore(detected)) {
                notes.add(key + ": alerted " + alerted + " is before detected " + detected + "; alertedAt left out");
                alerted = null;
            }
            if (alerted != null) {
                fields.put("alertedAt", alerted.toString());
            }
            Instant floor = alerted != null ? alerted : detected;
            if (resolved != null && resolved.isBefore(floor)) {
                notes.add(key + ": resolved " + resolved + " is before " + floor + "; resolvedAt left out");
                resolved = null;
            }
            if (resolved != null && done) {
                fields.put("resolvedAt", resolved.toString());
            }
            status = done ? Status.COMPLETED : Status.ACTIVE;
        }

        void put(String field, String value) {
            owned.add(field);
            if (value == null) {
                return;
            }
            fields.put(field, cut(field, value, RecordFields.get(field).maxChars()));
        }

        /** Text as the log may keep it: no NUL, no broken pair, at most its field's length (cut with a note). */
        String cut(String field, String value, int max) {
            StringBuilder b = new StringBuilder(Math.min(value.length(), max));
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\u0000' || Character.isSurrogate(c) && !(Character.isHighSurrogate(c)
                        && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1)))
                        && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(value.charAt(i - 1)))) {
                    continue;
                }
                b.append(c);
            }
            String s = b.toString();
            if (s.length() > max) {
                int end = max - 1;
                if (Character.isHighSurrogate(s.charAt(end - 1))) {
                    end--;
                }
                notes.add(key + ": " + field + " cut to " + max + " characters (the source has " + s.length()
                        + "); the whole text is in the source document");
                s = s.substring(0, end) + "…";
            }
            return s;
        }

        Mapped done() {
            for (String f : owned) {
                if (!fields.has(f)) {
                    fields.putNull(f); // a merge patch over an earlier run's record: a value the source lost goes
                }
            }
            return new Mapped(fields, status, List.copyOf(notes));
        }
    }
}
