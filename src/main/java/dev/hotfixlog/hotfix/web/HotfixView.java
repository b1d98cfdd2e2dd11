package dev.hotfixlog.hotfix.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.hotfix.FollowUp;
import dev.hotfixlog.hotfix.FollowUpKind;
import dev.hotfixlog.hotfix.FormField;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.Severity;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.hotfix.StepKind;
import dev.hotfixlog.text.SafeMarkdown;
import dev.hotfixlog.time.TimeText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the pages need beyond the record: readable times, durations and ages, and links only where they are
 * safe. Templates stay free of logic; escaping stays with jte.
 */
public final class HotfixView {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** The severities a form offers, in the API's words. */
    public static final List<String> SEVERITIES = List.of("critical", "high", "medium");

    private static final Set<String> SHOWN_ELSEWHERE =
            Set.of("title", "severity", "owner", "systemsAffected", "detectedAt", "alertedAt");

    private HotfixView() {}

    public static String time(Instant i) {
        return i == null ? "—" : TIME.format(i);
    }

    public static String duration(Duration d) {
        return d == null ? "—" : TimeText.human(d);
    }

    /** "12 min", "3 h", "2 d": how long ago something was detected. */
    public static String age(Instant since, Instant now) {
        if (since == null) {
            return "—";
        }
        long minutes = Math.max(0, Duration.between(since, now).toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 48 * 60) {
            return minutes / 60 + " h";
        }
        return minutes / (24 * 60) + " d";
    }

    /** The non-blank lines of a multi-line value (a list field as the form holds it). */
    public static List<String> lines(String s) {
        return s == null ? List.of() : s.lines().filter(l -> !l.isBlank()).toList();
    }

    /** A history value as a person reads it: text without quotes, nothing as a dash, the rest as JSON. */
    public static String json(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "—";
        }
        return v.isTextual() ? v.asText() : v.toString();
    }

    public static String text(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    /**
     * Only http and https become links: a {@code javascript:} or {@code data:} "link" is shown as text, and so is
     * one with a quote, a space or any other whitespace or control character in it. Also what alert and deploy
     * links are kept by.
     */
    public static boolean isSafeLink(String url) {
        if (url == null) {
            return false;
        }
        String u = url.strip().toLowerCase(Locale.ROOT);
        return (u.startsWith("https://") || u.startsWith("http://"))
                && u.chars().noneMatch(c -> c <= ' ' || c == '"' || Character.isISOControl(c));
    }

    /** The class of the dot beside a severity's label. */
    public static String dotClass(Severity s) {
        return s.isStated() ? "dot dot-" + s.json() : "dot dot-not-stated";
    }

    /** The severity pill's classes: its colour and its shape (triangle, diamond, circle, ring). */
    public static String pillClass(Severity s) {
        return "pill pill-sev-" + (s.isStated() ? s.json() : "not-stated");
    }

    /** An instant as a {@code <time datetime>} takes it; null when there is none. */
    public static String iso(Instant i) {
        return i == null ? null : i.toString();
    }

    public static String severityClass(Severity s) {
        return s.isStated() ? "sev-" + s.json() : "sev-not-stated";
    }

    /** A person's Markdown as safe HTML ({@link SafeMarkdown}): raw HTML escaped, only web and mail links. */
    public static String markdown(String s) {
        return s == null || s.isBlank() ? "" : SafeMarkdown.html(s);
    }

    /** The classes of a severity's pill: its word and a glyph, never the colour alone. */
    public static String severityPill(Severity s) {
        return "pill pill-sev-" + (s.isStated() ? s.json() : "none");
    }

    /** The icon beside a severity's word (a symbol of {@code /static/icons.svg}). */
    public static String severityIcon(Severity s) {
        return switch (s) {
            case CRITICAL -> "flame";
            case HIGH -> "alert-triangle";
            case MEDIUM -> "circle-dot";
            default -> "circle";
        };
    }

    public static String statusPill(Status s) {
        return "pill pill-status-" + s.json();
    }

    /** "Active", "Deployed", "Completed". */
    public static String statusLabel(Status s) {
        return s.json().substring(0, 1).toUpperCase(Locale.ROOT) + s.json().substring(1);
    }

    public static String statusIcon(Status s) {
        return switch (s) {
            case ACTIVE -> "activity";
            case DEPLOYED -> "rocket";
            default -> "circle-check";
        };
    }

    /**
     * What the seed's process asks for next: the first step of the hotfix process not ticked, then the first
     * follow-up not done; null when everything is done.
     */
    public static String nextStep(Hotfix h) {
        StepKind step = h.nextStep();
        if (step != null) {
            return step.label();
        }
        FollowUpKind f = nextFollowUp(h);
        return f == null ? null : "Follow-up: " + f.label();
    }

    /** The id of the checkbox that ticks {@link #nextStep}, for a link to it; null when everything is done. */
    public static String nextStepBox(Hotfix h) {
        StepKind step = h.nextStep();
        if (step != null) {
            return "step-" + step.json();
        }
        FollowUpKind f = nextFollowUp(h);
        return f == null ? null : "followUp-" + f.json();
    }

    private static FollowUpKind nextFollowUp(Hotfix h) {
        for (Map.Entry<FollowUpKind, FollowUp> e : h.followUps().entrySet()) {
            if (!e.getValue().done()) {
                return e.getKey();
            }
        }
        return null;
    }

    /**
     * The inputs a section lists when read: all but those the page shows elsewhere (the title as the heading;
     * severity, owner and systems in the side panel; detection and alert times on the timeline).
     */
    public static List<FormField> listed(List<FormField> fields) {
        return fields.stream().filter(f -> !SHOWN_ELSEWHERE.contains(f.name())).toList();
    }

    /** The inputs of a section that hold something, in order. */
    public static List<FormField> filled(List<FormField> fields, Map<String, String> values) {
        return fields.stream().filter(f -> !isEmpty(values.get(f.name()))).toList();
    }

    /** How many of a section's inputs hold nothing: folded into one line on the page. */
    public static long unfilled(List<FormField> fields, Map<String, String> values) {
        return fields.stream().filter(f -> isEmpty(values.get(f.name()))).count();
    }

    /** "1 field not filled", "4 fields not filled". */
    public static String unfilledText(long n) {
        return n + (n == 1 ? " field" : " fields") + " not filled";
    }

    private static boolean isEmpty(String v) {
        return v == null || v.isBlank();
    }
}
