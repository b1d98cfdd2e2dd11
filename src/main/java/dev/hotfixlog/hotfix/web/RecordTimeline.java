package dev.hotfixlog.hotfix.web;

import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.ResponseTargets;
import dev.hotfixlog.hotfix.Timeline;
import dev.hotfixlog.hotfix.TimelineMark;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A record's drawn timeline: detected → alerted → fix deployed → resolved on one axis, each step's duration
 * against the seed's targets ("Success Metrics": detection to alert under 5 minutes, alert to fix deployed under
 * 30, the whole incident under 60), and the alerts and deploys other features know of placed on the same axis.
 * Positions are percentages of the axis, so the SVG scales to any width without an inline style.
 *
 * @param moments the four moments in order (and the alerts clearing, when known), each placed or not
 * @param legs    detection → alert, alert → fix deployed, and the total, each against its target
 * @param marks   the alerts and deploys, in time order
 * @param targets where each target falls on the axis, when its start is known
 */
public record RecordTimeline(List<Moment> moments, List<Leg> legs, List<Mark> marks, List<Mark> targets) {
    /** The seed's targets ({@link ResponseTargets}, which the metrics count against too). */
    static final Duration ALERT_TARGET = ResponseTargets.DETECTION_TO_ALERT;

    static final Duration FIX_TARGET = ResponseTargets.ALERT_TO_FIX;
    static final Duration TOTAL_TARGET = ResponseTargets.TOTAL;
    private static final double EDGE = 3;

    /** One of the record's own moments; {@code x} is null while it has not happened (or was not recorded). */
    public record Moment(String key, String label, Instant at, String x) {}

    /** Something placed on the axis: an alert, a deploy, or where a target falls. */
    public record Mark(String kind, String label, String href, Instant at, String x) {}

    /**
     * One duration against its target.
     *
     * @param key    {@code alert}, {@code fix} or {@code total}
     * @param from   the start's words ("detection")
     * @param to     the end's words ("alerted")
     * @param took   how long it took, or null while running or unknown
     * @param target the seed's target
     * @param due    when the target falls, while it is still running; else null
     * @param now    the page's time: a running leg whose target has fallen is already over it
     */
    public record Leg(String key, String from, String to, Duration took, Duration target, Instant due, Instant now) {
        /** Over its target (done late, or still running past it): said in words and an icon, never colour alone. */
        public boolean over() {
            return took != null ? took.compareTo(target) > 0 : late();
        }

        /** Still running, and its target has fallen. */
        public boolean late() {
            return took == null && due != null && now != null && now.isAfter(due);
        }

        public boolean running() {
            return took == null && due != null;
        }

        /** {@code over}, {@code ok}, {@code running} or {@code unknown}: the class its line is drawn with. */
        public String state() {
            return over() ? "over" : took != null ? "ok" : running() ? "running" : "unknown";
        }

        /** "over target by 2 minutes", "within target", or what it waits for. */
        public String verdict() {
            if (took != null) {
                return over() ? "over target by " + HotfixView.duration(took.minus(target)) : "within target";
            }
            if (late()) {
                return "over target: not yet, " + HotfixView.duration(Duration.between(due, now))
                        + " past the target at " + HotfixView.time(due);
            }
            return running() ? "target falls at " + HotfixView.time(due) : "starts at " + from;
        }
    }

    public static RecordTimeline of(Hotfix h, List<TimelineMark> others, Instant now) {
        Timeline t = h.timeline();
        List<Leg> legs = List.of(
                leg("alert", "detection", "Alerted", t.detectedAt(), t.alertedAt(), ALERT_TARGET, now),
                leg("fix", "the alert", "Fix deployed", t.alertedAt(), t.fixDeployedAt(), FIX_TARGET, now),
                new Leg(
                        "total",
                        "detection",
                        "Resolved",
                        t.total(),
                        TOTAL_TARGET,
                        t.total() == null && t.detectedAt() != null && t.resolvedAt() == null
                                ? t.detectedAt().plus(TOTAL_TARGET)
                                : null,
                        now));
        List<Mark> targets = new ArrayList<>();
        for (Leg l : legs) {
            Instant start = l.key().equals("fix") ? t.alertedAt() : t.detectedAt();
            if (start != null) {
                targets.add(new Mark("target", targetName(l), null, start.plus(l.target()), null));
            }
        }
        List<TimelineMark> sorted =
                others.stream().sorted(Comparator.comparing(TimelineMark::at)).toList();
        List<Instant> all = Stream.of(
                        Stream.of(
                                t.detectedAt(), t.alertedAt(), t.fixDeployedAt(), t.alertsClearedAt(), t.resolvedAt()),
                        targets.stream().map(Mark::at),
                        sorted.stream().map(TimelineMark::at))
                .flatMap(s -> s)
                .filter(Objects::nonNull)
                .toList();
        Axis axis = new Axis(
                all.stream().min(Comparator.naturalOrder()).orElse(null),
                all.stream().max(Comparator.naturalOrder()).orElse(null));
        List<Moment> moments = new ArrayList<>();
        moments.add(moment("detected", "Detected", t.detectedAt(), axis));
        moments.add(moment("alerted", "Alerted", t.alertedAt(), axis));
        moments.add(moment("deployed", "Fix deployed", t.fixDeployedAt(), axis));
        if (t.alertsClearedAt() != null) {
            moments.add(moment("cleared", "Alerts cleared", t.alertsClearedAt(), axis));
        }
        moments.add(moment("resolved", "Resolved", t.resolvedAt(), axis));
        return new RecordTimeline(
                List.copyOf(moments),
                legs,
                sorted.stream()
                        .map(m -> new Mark(m.kind().css(), m.label(), m.href(), m.at(), axis.x(m.at())))
                        .toList(),
                targets.stream()
                        .map(m -> new Mark(m.kind(), m.label(), null, m.at(), axis.x(m.at())))
                        .toList());
    }

    /** The moment a leg ends at, by the key of that moment. */
    public Moment moment(String key) {
        return moments.stream().filter(m -> m.key().equals(key)).findFirst().orElse(null);
    }

    /** The leg that ends at this moment (alerted, deployed, resolved), or null. */
    public Leg legTo(String momentKey) {
        String leg = switch (momentKey) {
            case "alerted" -> "alert";
            case "deployed" -> "fix";
            case "resolved" -> "total";
            default -> "";
        };
        return legs.stream().filter(l -> l.key().equals(leg)).findFirst().orElse(null);
    }

    /** A stretch of the axis between two known moments, drawn in its leg's state (over, ok) or plain. */
    public record Segment(String x1, String x2, String state) {}

    /** Detection → alert and alert → fix deployed in their legs' states, and the rest of the way plain. */
    public List<Segment> segments() {
        List<Segment> out = new ArrayList<>();
        segment(out, "detected", "alerted", legs.get(0).state());
        segment(out, "alerted", "deployed", legs.get(1).state());
        segment(out, "deployed", "resolved", "plain");
        return out;
    }

    private void segment(List<Segment> out, String from, String to, String state) {
        Moment a = moment(from);
        Moment b = moment(to);
        if (a.x() != null && b.x() != null) {
            out.add(new Segment(a.x(), b.x(), state));
        }
    }

    /** The first alert that raised it, for the side panel's link; null when none is known. */
    public Mark firstAlert() {
        return marks.stream()
                .filter(m -> m.kind().equals("alert") && m.href() != null)
                .findFirst()
                .orElse(null);
    }

    /** Whether anything can be drawn: at least one moment is known. */
    public boolean drawn() {
        return moments.stream().anyMatch(m -> m.x() != null);
    }

    private static String targetName(Leg l) {
        return switch (l.key()) {
            case "alert" -> "alert target (" + HotfixView.duration(l.target()) + " after detection)";
            case "fix" -> "fix target (" + HotfixView.duration(l.target()) + " after the alert)";
            default -> "total target (" + HotfixView.duration(l.target()) + ")";
        };
    }

    private static Leg leg(
            String key, String from, String to, Instant start, Instant end, Duration target, Instant now) {
        Duration took = start == null || end == null ? null : Duration.between(start, end);
        return new Leg(key, from, to, took, target, start != null && end == null ? start.plus(target) : null, now);
    }

    private static Moment moment(String key, String label, Instant at, Axis axis) {
        return new Moment(key, label, at, axis.x(at));
    }

    /** The axis from the earliest to the latest moment known, with a margin so no dot is cut at an edge. */
    private record Axis(Instant start, Instant end) {
        String x(Instant at) {
            if (at == null || start == null) {
                return null;
            }
            long span = Duration.between(start, end).getSeconds();
            double share =
                    span == 0 ? 0.5 : (double) Duration.between(start, at).getSeconds() / span;
            return String.format(Locale.ROOT, "%.2f%%", EDGE + share * (100 - 2 * EDGE));
        }
    }
}
