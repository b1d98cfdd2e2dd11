package dev.hotfixlog.hotfix.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.hotfix.Severity;
import dev.hotfixlog.time.TimeText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What the pages need beyond the record: readable times, durations and ages, and links only where they are
 * safe. Templates stay free of logic; escaping stays with jte.
 */
public final class HotfixView {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** The severities a form offers, in the API's words. */
    public static final List<String> SEVERITIES = List.of("critical", "high", "medium");

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
}
