package dev.hotfixlog.notify;

import dev.hotfixlog.hotfix.FollowUp;
import dev.hotfixlog.hotfix.FollowUpKind;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.Timeline;
import dev.hotfixlog.hotfix.web.HotfixView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The placeholders a template may use, filled from a record. A field nobody filled in reads "not recorded yet"
 * rather than an empty line: a stakeholder should see that something is unknown, not wonder if it was lost.
 */
final class MessageValues {
    static final String UNKNOWN = "not recorded yet";
    static final Set<String> NAMES = Set.of(
            "id",
            "issue",
            "severity",
            "owner",
            "impact",
            "eta",
            "fix",
            "systems",
            "rollback",
            "monitoring",
            "rootCause",
            "next",
            "log",
            "whatHappened",
            "resolution",
            "prevention",
            "timeline",
            "postmortemDate",
            "properFixDate",
            "postmortemStep",
            "properFixStep",
            "followUp",
            "followUpState",
            "followUpOwner",
            "followUpDue",
            "followUpLink",
            "signName",
            "signDescription",
            "signValue",
            "signThreshold",
            "dashboard",
            "riskId",
            "riskStatement",
            "riskOwner",
            "riskReviewBy",
            "riskOverdue",
            "riskProperFix",
            "riskLink");

    private MessageValues() {}

    /** {@code eta} may be null (not estimated); {@code publicUrl} may be empty (then the log is the id). */
    static Map<String, String> of(Hotfix h, String eta, String publicUrl) {
        Map<String, String> v = new HashMap<>();
        v.put("id", h.id().toString());
        v.put("issue", h.title());
        v.put("severity", h.severity().label());
        v.put("owner", or(h.owner(), "unassigned"));
        v.put("impact", or(h.text("impact"), UNKNOWN));
        v.put("eta", or(eta, "not estimated yet"));
        v.put("fix", or(h.text("changeMade"), UNKNOWN));
        v.put("systems", h.systemsAffected().isEmpty() ? UNKNOWN : String.join(", ", h.systemsAffected()));
        v.put("rollback", or(h.text("rollbackPlan"), UNKNOWN));
        v.put("monitoring", or(h.text("monitoring"), UNKNOWN));
        v.put("rootCause", or(h.text("rootCause"), UNKNOWN));
        v.put("log", publicUrl.isBlank() ? h.id().toString() : publicUrl + "/hotfixes/" + h.id());
        FollowUp pm = h.followUps().get(FollowUpKind.POSTMORTEM);
        FollowUp proper = h.followUps().get(FollowUpKind.PROPER_FIX);
        v.put("next", next(pm, proper));
        v.put(
                "whatHappened",
                or(h.text("problem"), h.title()) + " (detected "
                        + HotfixView.time(h.timeline().detectedAt()) + ")");
        v.put("resolution", or(h.text("changeMade"), UNKNOWN));
        v.put("prevention", prevention(h));
        v.put("timeline", timeline(h.timeline()));
        // Each reads as the end of "… scheduled for" / "… planned for" in every state, for a team's own
        // templates written around the seed's lines; the built-in ones use the whole sentences below.
        v.put("postmortemDate", whenFor(pm, "a date still to be set", "held"));
        v.put("properFixDate", whenFor(proper, "a date still to be set", "done"));
        v.put("postmortemStep", step("Post-mortem", pm, "scheduled for", "to be scheduled", "held"));
        v.put("properFixStep", step("Permanent fix", proper, "planned for", "to be planned", "done"));
        blank(
                v,
                "followUp",
                "followUpState",
                "followUpOwner",
                "followUpDue",
                "followUpLink",
                "signName",
                "signDescription",
                "signValue",
                "signThreshold",
                "dashboard");
        return v;
    }

    /** A breached warning sign: no hotfix, so every record placeholder is empty. */
    static Map<String, String> sign(SignAlarm s, String publicUrl) {
        Map<String, String> v = new HashMap<>();
        for (String name : NAMES) {
            v.put(name, "");
        }
        v.put("signName", s.name());
        v.put("signDescription", or(s.description(), s.name()));
        v.put("signValue", number(s.value()));
        v.put("signThreshold", s.direction() + " " + number(s.threshold()));
        v.put("dashboard", publicUrl.isBlank() ? "/dashboard" : publicUrl + "/dashboard");
        return v;
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15
                ? String.valueOf((long) d)
                : String.format(Locale.ROOT, "%.2f", d);
    }

    private static void blank(Map<String, String> v, String... names) {
        for (String n : names) {
            v.put(n, "");
        }
    }

    /** The record's values plus the accepted risk past its review date that the reminder is about. */
    static Map<String, String> risk(Hotfix h, ReminderRepository.ExpiredRisk r, Instant now, String publicUrl) {
        Map<String, String> v = of(h, null, publicUrl);
        v.put("riskId", "RISK-" + r.id());
        v.put("riskStatement", r.statement());
        v.put("riskOwner", or(r.owner(), or(h.owner(), "unassigned")));
        v.put("riskReviewBy", HotfixView.time(Instant.ofEpochMilli(r.reviewBy())));
        v.put("riskOverdue", HotfixView.duration(Duration.between(Instant.ofEpochMilli(r.reviewBy()), now)));
        v.put("riskProperFix", or(r.properFix(), "to be planned"));
        v.put("riskLink", publicUrl.isBlank() ? "/risks" : publicUrl + "/risks");
        return v;
    }

    /** The record's values plus the follow-up the reminder is about. */
    static Map<String, String> reminder(Hotfix h, FollowUpKind kind, boolean overdue, String publicUrl) {
        Map<String, String> v = of(h, null, publicUrl);
        FollowUp f = h.followUps().get(kind);
        v.put("followUp", kind.label() + (f.description() == null ? "" : ": " + f.description()));
        v.put("followUpState", overdue ? "OVERDUE" : "DUE SOON");
        v.put("followUpOwner", or(f.owner(), or(h.owner(), "unassigned")));
        v.put("followUpDue", HotfixView.time(f.dueAt()));
        v.put("followUpLink", or(f.link(), "no tracker link yet"));
        return v;
    }

    private static String next(FollowUp pm, FollowUp proper) {
        String post = pm.done() ? "post-mortem done" : "post-mortem " + date(pm.dueAt(), "to be scheduled");
        String fix = proper.done()
                ? "proper fix done"
                : "proper fix: " + or(proper.description(), "to be planned")
                        + (proper.dueAt() == null ? "" : " by " + HotfixView.time(proper.dueAt()));
        return post + "; " + fix;
    }

    private static String prevention(Hotfix h) {
        List<String> steps = new ArrayList<>();
        add(steps, h.text("operatingRule"));
        add(steps, h.followUps().get(FollowUpKind.PROPER_FIX).description());
        add(steps, h.followUps().get(FollowUpKind.PROCESS_IMPROVEMENT).description());
        return steps.isEmpty() ? "to be decided in the post-mortem" : String.join("; ", steps);
    }

    private static String timeline(Timeline t) {
        List<String> parts = new ArrayList<>();
        moment(parts, "detected", t.detectedAt());
        moment(parts, "alerted", t.alertedAt());
        moment(parts, "fix deployed", t.fixDeployedAt());
        moment(parts, "resolved", t.resolvedAt());
        String total = t.total() == null ? "" : " (" + HotfixView.duration(t.total()) + " in all)";
        return parts.isEmpty() ? UNKNOWN : String.join(", ", parts) + total;
    }

    private static void moment(List<String> parts, String what, Instant at) {
        if (at != null) {
            parts.add(what + " " + HotfixView.time(at));
        }
    }

    /** "2026-10-06 03:09 UTC", or what it is instead: "… (held)" once done, {@code none} with no date. */
    private static String whenFor(FollowUp f, String none, String doneWord) {
        if (f.done()) {
            return f.doneAt() == null
                    ? "an earlier date (" + doneWord + ", time not recorded)"
                    : HotfixView.time(f.doneAt()) + " (" + doneWord + ")";
        }
        return date(f.dueAt(), none);
    }

    /** One whole sentence for a next-steps line: planned, still to plan, or done (with its time when known). */
    private static String step(String what, FollowUp f, String plannedFor, String toPlan, String doneWord) {
        if (f.done()) {
            return what + " " + doneWord
                    + (f.doneAt() == null ? " (time not recorded)" : " on " + HotfixView.time(f.doneAt()));
        }
        return f.dueAt() == null ? what + " " + toPlan : what + " " + plannedFor + " " + HotfixView.time(f.dueAt());
    }

    private static String date(Instant at, String none) {
        return at == null ? none : HotfixView.time(at);
    }

    private static void add(List<String> list, String s) {
        if (s != null && !s.isBlank()) {
            list.add(s.strip());
        }
    }

    private static String or(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s.strip();
    }
}
