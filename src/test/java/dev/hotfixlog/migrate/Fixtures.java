package dev.hotfixlog.migrate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Histories in each tool's documented shape, made the same way every time. Each has one record the migration
 * must skip (and says why), a secret pasted into a note, open and closed records, and a recurring failure.
 */
public final class Fixtures {
    public static final String GITHUB_TOKEN = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
    static final Instant FIRST = Instant.parse("2026-03-01T02:00:00Z");
    static final String[] SERVICES = {"payments", "search", "checkout"};
    /** Opsgenie names a team by its id; the team's name is "payments-team". */
    static final String PAYMENTS_TEAM = "8418d193-2dab-4490-b331-8c02cdd196b7";

    private Fixtures() {}

    /** Which record of {@code n} each tool's fixture skips, and why. */
    static final int SKIPPED = 3;

    static String pdId(int i) {
        return String.format("PD%05d", i);
    }

    /**
     * PagerDuty incidents, one every 16 hours from {@link #FIRST}: every tenth still acknowledged, the rest
     * resolved 38 minutes in; P1, P2 or no priority; notes on every fifth; number {@link #SKIPPED} has no title.
     */
    static void pagerDuty(SourceServer s, int n) {
        for (int i = 0; i < n; i++) {
            Instant created = FIRST.plus(Duration.ofHours(16L * i));
            boolean resolved = i % 10 != 0;
            ObjectNode inc = Json.object()
                    .put("id", pdId(i))
                    .put("type", "incident")
                    .put("incident_number", i + 1)
                    .put("status", resolved ? "resolved" : "acknowledged")
                    .put("urgency", i % 2 == 0 ? "high" : "low")
                    .put("created_at", created.toString())
                    .put("html_url", "https://acme.pagerduty.com/incidents/" + pdId(i));
            if (i == SKIPPED) {
                inc.putNull("title");
            } else {
                inc.put("title", title(i))
                        .put("summary", "[#" + (i + 1) + "] " + title(i))
                        .put("description", title(i));
            }
            if (i % 4 == 0) {
                inc.putObject("priority").put("summary", "P1");
            } else if (i % 4 == 1) {
                inc.putObject("priority").put("summary", "P2");
            } else {
                inc.putNull("priority");
            }
            inc.putObject("service").put("id", "S" + i % 3).put("summary", SERVICES[i % 3]);
            if (i % 3 == 0) {
                inc.putObject("incident_type").put("name", "Database connection failures");
            }
            inc.putArray("assignments").addObject().putObject("assignee").put("summary", "Priya Raman");
            if (resolved) {
                inc.put("resolved_at", created.plus(Duration.ofMinutes(38)).toString());
            }
            ArrayNode log = Json.mapper().createArrayNode();
            log.addObject()
                    .put("type", "trigger_log_entry")
                    .put("created_at", created.toString())
                    .put("summary", "Triggered through the API");
            log.addObject()
                    .put("type", "notify_log_entry")
                    .put("created_at", created.plus(Duration.ofMinutes(1)).toString())
                    .put("summary", "Notified Priya Raman by SMS");
            log.addObject()
                    .put("type", "acknowledge_log_entry")
                    .put("created_at", created.plus(Duration.ofMinutes(4)).toString())
                    .putObject("agent")
                    .put("summary", "Priya Raman");
            if (resolved) {
                log.addObject()
                        .put("type", "resolve_log_entry")
                        .put("created_at", created.plus(Duration.ofMinutes(38)).toString())
                        .putObject("agent")
                        .put("summary", "Jonas Berg");
            }
            ArrayNode notes = Json.mapper().createArrayNode();
            if (i % 5 == 0) {
                notes.addObject()
                        .put("id", "N" + i)
                        .put("content", i == 10 ? "Old key was " + GITHUB_TOKEN : "Rolled back to the previous release")
                        .put("created_at", created.plus(Duration.ofMinutes(30)).toString())
                        .putObject("user")
                        .put("summary", "Jonas Berg");
            }
            s.add(inc, Map.of("log_entries", log, "notes", notes));
        }
    }

    /** Opsgenie's notes of a record: one on every fifth, the tenth's with a pasted key. */
    private static ArrayNode opsgenieNotes(int i, Instant created) {
        ArrayNode notes = Json.mapper().createArrayNode();
        if (i % 5 == 0) {
            notes.addObject()
                    .put("note", i == 10 ? "Old key was " + GITHUB_TOKEN : "Rolled back to the previous release")
                    .put("owner", "jonas@example.com")
                    .put("createdAt", created.plus(Duration.ofMinutes(30)).toString())
                    .put("offset", "1");
        }
        return notes;
    }

    static String title(int i) {
        return switch (i % 3) {
            case 0 -> "Connection pool exhausted on " + SERVICES[i % 3] + " database #" + i;
            case 1 -> "Search index lagging behind writes #" + i;
            default -> "Checkout 5xx after config rollout #" + i;
        };
    }

    /**
     * Opsgenie alerts, one every 16 hours: every tenth open, the rest closed (closeTime 38 minutes, ackTime 2);
     * P1–P5; tags system:… and category:…; number {@link #SKIPPED} has no createdAt.
     */
    static void opsgenie(SourceServer s, int n) {
        for (int i = 0; i < n; i++) {
            Instant created = FIRST.plus(Duration.ofHours(16L * i));
            boolean closed = i % 10 != 0;
            ObjectNode a = Json.object()
                    .put("id", "og-" + String.format("%05d", i))
                    .put("tinyId", String.valueOf(i + 1))
                    .put("alias", "alias-" + i)
                    .put("message", title(i))
                    .put("status", closed ? "closed" : "open")
                    .put("acknowledged", true)
                    .put("isSeen", true)
                    .put("count", 1 + i % 3)
                    .put("source", "prometheus")
                    .put("owner", "priya@example.com")
                    .put("priority", "P" + (1 + i % 5))
                    .put("updatedAt", created.plus(Duration.ofHours(1)).toString());
            if (i != SKIPPED) {
                a.put("createdAt", created.toString()).put("lastOccurredAt", created.toString());
            }
            ArrayNode tags = a.putArray("tags");
            tags.add("system:" + SERVICES[i % 3]);
            if (i % 3 == 0) {
                tags.add("category:Database connection failures");
            }
            ObjectNode report =
                    a.putObject("report").put("ackTime", 120_000).put("acknowledgedBy", "priya@example.com");
            if (closed) {
                report.put("closeTime", 2_280_000).put("closedBy", "jonas@example.com");
            }
            ArrayNode notes = opsgenieNotes(i, created);
            ArrayNode logs = Json.mapper().createArrayNode();
            logs.addObject()
                    .put("log", "Alert created via Prometheus")
                    .put("type", "system")
                    .put("owner", "System")
                    .put("createdAt", created.toString())
                    .put("offset", "1");
            s.add(a, Map.of("notes", notes, "logs", logs));
        }
    }

    /**
     * Opsgenie incidents (the Incident API), one every 16 hours: every tenth open, the rest resolved with an impact
     * end 38 minutes in (and an impact start 10 minutes before it was opened); number {@link #SKIPPED} has no
     * createdAt.
     */
    static void opsgenieIncidents(SourceServer s, int n) {
        s.name(PAYMENTS_TEAM, "payments-team");
        for (int i = 0; i < n; i++) {
            Instant created = FIRST.plus(Duration.ofHours(16L * i));
            boolean resolved = i % 10 != 0;
            ObjectNode inc = Json.object()
                    .put("id", "oi-" + String.format("%05d", i))
                    .put("tinyId", String.valueOf(i + 1))
                    .put("message", title(i))
                    .put("description", "Customers saw errors for a while.")
                    .put("status", resolved ? "resolved" : "open")
                    .put("priority", "P" + (1 + i % 5))
                    .put("ownerTeam", PAYMENTS_TEAM)
                    .put("updatedAt", created.plus(Duration.ofHours(1)).toString())
                    .put(
                            "impactStartDate",
                            created.minus(Duration.ofMinutes(10)).toString());
            if (i != SKIPPED) {
                inc.put("createdAt", created.toString());
            }
            if (resolved) {
                inc.put("impactEndDate", created.plus(Duration.ofMinutes(38)).toString());
            }
            ArrayNode tags = inc.putArray("tags");
            tags.add("system:" + SERVICES[i % 3]);
            if (i % 3 == 0) {
                tags.add("category:Database connection failures");
            }
            ArrayNode notes = opsgenieNotes(i, created);
            ArrayNode logs = Json.mapper().createArrayNode();
            logs.addObject()
                    .put("log", "Incident created")
                    .put("type", "system")
                    .put("owner", "System")
                    .put("createdAt", created.toString())
                    .put("offset", "1");
            s.add(inc, Map.of("notes", notes, "logs", logs));
        }
    }

    /**
     * Grafana OnCall alert groups, one every 16 hours: every tenth firing, the rest resolved 38 minutes in;
     * labels service and severity; number {@link #SKIPPED} has no created_at.
     */
    public static void onCall(SourceServer s, int n) {
        s.name("U4DNY931HHJS5", "priya");
        s.name("UCGEIXI1MR1NZ", "jonas");
        for (int i = 0; i < n; i++) {
            Instant created = FIRST.plus(Duration.ofHours(16L * i));
            boolean resolved = i % 10 != 0;
            String id = "IG" + String.format("%05d", i);
            ObjectNode g = Json.object()
                    .put("id", id)
                    .put("integration_id", "CFRPV98RPR1U8")
                    .put("route_id", "RIYGUJXCPFHXY")
                    .put("alerts_count", 1 + i % 4)
                    .put("state", resolved ? "resolved" : "firing")
                    .put("title", title(i))
                    .put("team_id", "TE5EF3RQHJQPI");
            if (i != SKIPPED) {
                g.put("created_at", created.toString());
            }
            g.put("acknowledged_at", created.plus(Duration.ofMinutes(4)).toString())
                    .put("acknowledged_by", "U4DNY931HHJS5");
            if (resolved) {
                g.put("resolved_at", created.plus(Duration.ofMinutes(38)).toString())
                        .put("resolved_by", "UCGEIXI1MR1NZ");
            } else {
                g.putNull("resolved_at").putNull("resolved_by");
            }
            ArrayNode labels = g.putArray("labels");
            labels.addObject()
                    .<ObjectNode>set("key", Json.object().put("id", "k1").put("name", "service"))
                    .set("value", Json.object().put("id", "v" + i % 3).put("name", SERVICES[i % 3]));
            labels.addObject()
                    .<ObjectNode>set("key", Json.object().put("id", "k2").put("name", "severity"))
                    .set("value", Json.object().put("id", "s").put("name", i % 4 == 0 ? "critical" : "warning"));
            if (i % 3 == 0) {
                labels.addObject()
                        .<ObjectNode>set("key", Json.object().put("id", "k3").put("name", "category"))
                        .set("value", Json.object().put("id", "c").put("name", "Database connection failures"));
            }
            g.putObject("permalinks").put("web", "https://oncall.example.com/a/grafana-oncall-app/alert-groups/" + id);
            ArrayNode notes = Json.mapper().createArrayNode();
            if (i % 5 == 0) {
                notes.addObject()
                        .put("id", "M" + i)
                        .put("alert_group_id", id)
                        .put("author", "UCGEIXI1MR1NZ")
                        .put("source", "web")
                        .put("created_at", created.plus(Duration.ofMinutes(30)).toString())
                        .put("text", i == 10 ? "Old key was " + GITHUB_TOKEN : "Rolled back to the previous release");
            }
            s.add(g, Map.of("resolution_notes", notes));
        }
    }
}
