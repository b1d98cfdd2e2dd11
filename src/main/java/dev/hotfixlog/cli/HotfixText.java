package dev.hotfixlog.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.hotfix.CustomFields;
import dev.hotfixlog.hotfix.FieldChange;
import dev.hotfixlog.hotfix.FollowUp;
import dev.hotfixlog.hotfix.FollowUpKind;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.RecordField;
import dev.hotfixlog.hotfix.RecordFields;
import dev.hotfixlog.hotfix.RecordSection;
import dev.hotfixlog.hotfix.Revision;
import dev.hotfixlog.hotfix.Severity;
import dev.hotfixlog.hotfix.Step;
import dev.hotfixlog.hotfix.StepKind;
import dev.hotfixlog.hotfix.Timeline;
import dev.hotfixlog.hotfix.Triage;
import dev.hotfixlog.hotfix.web.HotfixView;
import dev.hotfixlog.time.TimeText;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a record reads on a terminal, in the seed template's order. User text is stripped of control characters
 * (an ANSI escape pasted into a field must not repaint the responder's terminal).
 */
final class HotfixText {
    private HotfixText() {}

    static String record(Hotfix h) {
        StringBuilder b = new StringBuilder();
        b.append("🚨 [").append(h.id()).append("] ").append(clean(h.title())).append('\n');
        line(b, "Severity", severity(h.severity()));
        line(b, "Status", h.status().json() + " (version " + h.version() + ")");
        line(b, "Who", h.owner());
        line(b, "Triage", triage(h.triage()));
        Timeline t = h.timeline();
        line(b, "Detected", time(t.detectedAt()));
        line(b, "Alerted", time(t.alertedAt()));
        line(b, "Fix deployed", time(t.fixDeployedAt()));
        line(b, "Resolved", time(t.resolvedAt()));
        line(b, "Duration", durations(t));
        if (!h.fields().map().isEmpty()) {
            b.append("\nTeam fields\n");
            new TreeMap<>(h.fields().map()).forEach((name, v) -> line(b, name, CustomFields.text(v)));
        }
        for (RecordSection section : List.of(RecordSection.EMERGENCY, RecordSection.FIX, RecordSection.CONTEXT)) {
            b.append('\n').append(section.heading()).append('\n');
            fields(b, h, section);
        }
        b.append("\nHotfix Process\n");
        for (Map.Entry<StepKind, Step> e : h.steps().entrySet()) {
            Step s = e.getValue();
            b.append("  [")
                    .append(s.done() ? 'x' : ' ')
                    .append("] ")
                    .append(e.getKey().label());
            if (s.at() != null) {
                b.append(" — ").append(time(s.at()));
            }
            if (s.by() != null) {
                b.append(e.getKey() == StepKind.QUICK_REVIEW ? " — reviewer: " : " — by ")
                        .append(clean(s.by()));
            }
            b.append('\n');
        }
        b.append("\nFollow-up Required\n");
        for (Map.Entry<FollowUpKind, FollowUp> e : h.followUps().entrySet()) {
            FollowUp f = e.getValue();
            b.append("  [")
                    .append(f.done() ? 'x' : ' ')
                    .append("] ")
                    .append(e.getKey().label());
            if (f.description() != null) {
                b.append(" - ").append(indent(clean(f.description()), "      "));
            }
            b.append('\n');
            StringBuilder meta = new StringBuilder();
            append(meta, "owner", f.owner());
            append(meta, "due", f.dueAt() == null ? null : time(f.dueAt()));
            append(meta, "done", f.doneAt() == null ? null : time(f.doneAt()));
            append(meta, "link", f.link());
            if (meta.length() > 0) {
                b.append("      ").append(meta).append('\n');
            }
        }
        if (RecordFields.all().stream()
                .anyMatch(f -> f.section() == RecordSection.WRITE_UP
                        && f.label() != null
                        && h.values().get(f.name()) != null)) {
            b.append('\n').append(RecordSection.WRITE_UP.heading()).append('\n');
            fields(b, h, RecordSection.WRITE_UP);
        }
        return b.toString();
    }

    /** A section's labelled fields from the catalogue, in the template's words and order. */
    private static void fields(StringBuilder b, Hotfix h, RecordSection section) {
        for (RecordField f : RecordFields.all()) {
            if (f.section() != section || f.label() == null) {
                continue;
            }
            line(
                    b,
                    f.label(),
                    f.name().equals("systemsAffected")
                            ? String.join(", ", h.systemsAffected())
                            : h.values().text(f.name()));
        }
    }

    /** "🔴 Critical", or "not stated" for an imported record whose entry gave none. */
    static String severity(Severity s) {
        return s.isStated() ? s.emoji() + " " + s.label() : s.label();
    }

    /** The API's word for a severity, or "not stated". */
    static String severityWord(Severity s) {
        return s.isStated() ? s.json() : s.label();
    }

    static String listHeader() {
        return String.format("%-11s %-9s %-10s %-20s %-20s %s", "ID", "SEVERITY", "STATUS", "DETECTED", "WHO", "TITLE");
    }

    static String listRow(Hotfix h) {
        return String.format(
                "%-11s %-9s %-10s %-20s %-20s %s",
                h.id(),
                severityWord(h.severity()),
                h.status().json(),
                time(h.timeline().detectedAt()),
                truncate(clean(h.owner() == null ? "-" : h.owner()), 20),
                clean(h.title()));
    }

    static String history(List<Revision> revisions) {
        StringBuilder b = new StringBuilder();
        for (Revision r : revisions) {
            b.append("v")
                    .append(r.version())
                    .append("  ")
                    .append(time(r.at()))
                    .append("  ")
                    .append(clean(r.actor()))
                    .append("  ")
                    .append(r.action())
                    .append('\n');
            for (FieldChange c : r.changes()) {
                b.append("    ")
                        .append(c.field())
                        .append(": ")
                        .append(value(c.before()))
                        .append(" → ")
                        .append(value(c.after()))
                        .append('\n');
            }
        }
        return b.toString();
    }

    private static String value(JsonNode n) {
        if (n == null || n.isNull()) {
            return "—";
        }
        String s = n.isTextual() ? n.asText() : n.toString();
        return truncate(clean(s).replace('\n', ' '), 80);
    }

    static String triage(Triage t) {
        Triage.Outcome o = t.outcome();
        return "production down: " + yesNo(t.productionDown()) + " · can wait 2-4 h: " + yesNo(t.canWait()) + " → "
                + (o == null ? "not decided" : o.advice());
    }

    private static String yesNo(Boolean b) {
        return b == null ? "?" : b ? "yes" : "no";
    }

    private static String durations(Timeline t) {
        StringBuilder b = new StringBuilder();
        append(b, "detection→alert", human(t.detectionToAlert()));
        append(b, "alert→fix", human(t.alertToFixDeployed()));
        append(b, "total", human(t.total()));
        return b.length() == 0 ? null : b.toString();
    }

    private static String human(Duration d) {
        return d == null ? null : TimeText.human(d);
    }

    private static void append(StringBuilder b, String label, String value) {
        if (value == null) {
            return;
        }
        if (b.length() > 0) {
            b.append(" · ");
        }
        b.append(label).append(' ').append(clean(value));
    }

    private static void line(StringBuilder b, String label, String value) {
        String shown = value == null || value.isBlank() ? "—" : indent(clean(value), "    ");
        b.append("  ").append(label).append(": ").append(shown).append('\n');
    }

    static String time(Instant i) {
        return HotfixView.time(i);
    }

    private static String indent(String text, String prefix) {
        return text.replace("\n", "\n" + prefix);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Drops control characters other than newline and tab, so stored text cannot drive the terminal. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\t' || !(Character.isISOControl(cp) || cp == 0x202E || cp == 0x202D)) {
                b.appendCodePoint(cp);
            } else if (cp != '\r') {
                b.append('\uFFFD');
            }
        });
        return b.toString();
    }
}
