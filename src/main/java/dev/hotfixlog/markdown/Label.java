package dev.hotfixlog.markdown;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The template's bold labels ({@code **Problem:**}) and the API field each fills. Reading accepts the label
 * with or without bold, in any case, and a few names people use instead; writing uses the template's words.
 */
enum Label {
    DATE_TIME("Date/Time", "detectedAt", "[YYYY-MM-DD HH:MM]", "date", "time", "when", "detected", "date / time"),
    SEVERITY("Severity", "severity", "🔴 Critical | 🟡 High | 🔵 Medium"),
    DURATION("Duration", "duration", "[How long to implement]", "time to fix"),
    WHO("Who", "owner", "[Person who made the change]", "owner"),
    PROBLEM("Problem", "problem", "[What was broken/failing]"),
    IMPACT("Impact", "impact", "[How many users affected, business impact]"),
    WHY_EMERGENCY("Why Emergency", "whyEmergency", "[Why normal process couldn't wait]", "why"),
    CHANGE_MADE("Change Made", "changeMade", "[Brief description of what was changed]", "change", "fix"),
    SYSTEMS("Files/Systems Affected", "systemsAffected", "[What was touched]", "files affected",
            "systems affected", "files/systems", "systems", "files"),
    ROLLBACK("Rollback Plan", "rollbackPlan", "[How to undo if it makes things worse]", "rollback"),
    ROOT_CAUSE("Root Cause (Initial)", "rootCause", "[Best guess at cause]", "root cause", "cause"),
    RISK("Risk Accepted", "riskAccepted", "[What corners were cut, what wasn't tested]", "risk", "risks accepted"),
    MONITORING("Monitoring", "monitoring", "[What metrics to watch post-fix]", "metrics to watch"),
    CATEGORY("Category", "category", "[Failure-mode category]", "failure-mode category", "failure mode"),
    CONSTRAINT("Constraint", "constraint", "[The constraint that was violated]"),
    SIGNAL("Signal", "signal", "[The validation signal that shows it holds]", "validation signal"),
    BOUNDARY("Boundary", "boundary", "[Who owns this boundary]", "ownership boundary"),
    OPERATING_RULE("Operating Rule", "operatingRule", "[The rule we operate by now]"),
    LEARNING("Learning", "learning", "[Key insight]", "lesson", "key insight"),
    POSTMORTEM("Post-mortem", "postmortemUrl", "[Link to full analysis]", "postmortem", "post mortem");

    /** The template sections, in order, with the labels each holds. */
    static final List<List<Label>> GROUPS = List.of(List.of(DATE_TIME, SEVERITY, DURATION, WHO),
            List.of(PROBLEM, IMPACT, WHY_EMERGENCY), List.of(CHANGE_MADE, SYSTEMS, ROLLBACK),
            List.of(ROOT_CAUSE, RISK, MONITORING),
            List.of(CATEGORY, CONSTRAINT, SIGNAL, BOUNDARY, OPERATING_RULE, LEARNING, POSTMORTEM));
    static final List<String> HEADINGS = List.of("", "The Emergency", "The Fix", "The Context", "Legible Fix");

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
    private static final Map<String, Label> BY_NAME = new HashMap<>();

    static {
        for (Label l : values()) {
            BY_NAME.put(key(l.text), l);
            for (String a : l.aliases) {
                BY_NAME.put(key(a), l);
            }
        }
    }

    final String text;
    final String field;
    final String placeholder;
    private final String[] aliases;

    Label(String text, String field, String placeholder, String... aliases) {
        this.text = text;
        this.field = field;
        this.placeholder = placeholder;
        this.aliases = aliases;
    }

    static Label find(String name) {
        return BY_NAME.get(key(name));
    }

    private static String key(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        return t.contains("  ") || t.indexOf('\t') >= 0 ? SPACES.matcher(t).replaceAll(" ") : t;
    }
}
