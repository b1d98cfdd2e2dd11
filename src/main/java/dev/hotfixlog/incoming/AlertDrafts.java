package dev.hotfixlog.incoming;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an alert says, in the record's words: the group's summary as a delivery files it, and the record a
 * declaration starts with. Pure: no database, no clock.
 */
final class AlertDrafts {
    private static final int TITLE_MAX = 200;
    private static final int PROBLEM_LINES = 5;

    private AlertDrafts() {}

    /** The record a declaration starts with: what the alert says, in the API's names. */
    static ObjectNode draft(IncomingAlert a) {
        ObjectNode d = Json.object();
        d.put("title", printable(a.title(), TITLE_MAX));
        String severity = severity(a.severity());
        if (severity != null) {
            d.put("severity", severity);
        }
        ArrayNode systems = d.putArray("systemsAffected");
        a.systems().forEach(s -> systems.add(printable(s, 200)));
        Set<String> said = new LinkedHashSet<>();
        for (IncomingAlert.Item i : a.items()) {
            for (String key : List.of("description", "summary", "message")) {
                String v = i.annotations().get(key);
                if (v != null && !v.isBlank() && said.size() < PROBLEM_LINES) {
                    said.add(v.strip());
                    break;
                }
            }
        }
        StringBuilder problem = new StringBuilder();
        said.forEach(s -> problem.append(s).append('\n'));
        problem.append(a.firing())
                .append(" of ")
                .append(a.alerts())
                .append(a.alerts() == 1 ? " alert" : " alerts")
                .append(" firing (")
                .append(a.ref())
                .append(", from ")
                .append(a.integration())
                .append(')');
        d.put("problem", problem.toString());
        if (!a.links().isEmpty()) {
            StringBuilder watch = new StringBuilder();
            a.links()
                    .forEach((label, url) ->
                            watch.append(label(label)).append(": ").append(url).append('\n'));
            d.put("monitoring", watch.toString().strip());
        }
        Instant alerted = a.firstAt();
        Instant detected = a.startedAt() == null || a.startedAt().isAfter(alerted) ? alerted : a.startedAt();
        d.put("detectedAt", detected.toString());
        d.put("alertedAt", alerted.toString());
        if (a.clearedAt() != null && !a.clearedAt().isBefore(detected)) {
            d.put("alertsClearedAt", a.clearedAt().toString());
        }
        return d;
    }

    private static String label(String key) {
        return switch (key) {
            case "source" -> "Alert source";
            case "dashboard" -> "Dashboard";
            case "panel" -> "Panel";
            case "runbook" -> "Runbook";
            case "silence" -> "Silence";
            case "sender" -> "Sent by";
            default -> key;
        };
    }

    /** Alertmanager's and Grafana's usual severity labels, as the seed's three. */
    static String severity(String label) {
        if (label == null) {
            return null;
        }
        return switch (label.trim().toLowerCase(Locale.ROOT)) {
            case "critical", "page", "p1", "sev1", "emergency", "fatal" -> "critical";
            case "high", "error", "major", "p2", "sev2" -> "high";
            case "medium", "warning", "warn", "minor", "p3", "sev3" -> "medium";
            default -> null;
        };
    }

    static String printable(String s, int max) {
        StringBuilder b = new StringBuilder();
        s.codePoints().filter(c -> !Character.isISOControl(c)).forEach(b::appendCodePoint);
        String t = b.toString().strip();
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }

    /** What the group's notification says it is: title, severity, systems and links. */
    record Summary(String title, String severity, List<String> systems, Map<String, String> links) {
        static Summary of(AlertBatch b, List<String> systemLabels) {
            String title = first(
                    b.commonAnnotations().get("summary"),
                    b.commonLabels().get("alertname"),
                    b.title(),
                    b.alerts().isEmpty() ? null : b.alerts().get(0).name(),
                    "Alert group");
            String severity = first(
                    b.commonLabels().get("severity"),
                    b.alerts().isEmpty() ? null : b.alerts().get(0).labels().get("severity"));
            Set<String> systems = new LinkedHashSet<>();
            for (String label : systemLabels) {
                for (AlertBatch.Item a : b.alerts()) {
                    String v = a.labels().get(label);
                    if (v != null && !v.isBlank() && systems.size() < 20) {
                        systems.add(v.strip());
                    }
                }
                if (!systems.isEmpty()) {
                    break;
                }
            }
            Map<String, String> links = new LinkedHashMap<>();
            for (AlertBatch.Item a : b.alerts()) {
                a.links().forEach((k, v) -> {
                    if (links.size() < 8) {
                        links.putIfAbsent(k, v);
                    }
                });
            }
            if (b.externalUrl() != null && links.size() < 8) {
                links.putIfAbsent("sender", b.externalUrl());
            }
            return new Summary(
                    printable(title, TITLE_MAX),
                    severity == null ? null : printable(severity, 16),
                    new ArrayList<>(systems),
                    links);
        }

        private static String first(String... options) {
            for (String o : options) {
                if (o != null && !o.isBlank()) {
                    return o;
                }
            }
            return null;
        }
    }
}
