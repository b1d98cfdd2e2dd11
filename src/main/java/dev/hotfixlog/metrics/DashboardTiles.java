package dev.hotfixlog.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The seed's success metrics as tiles, each against its target (where the seed names one) and against the period
 * of equal length just before: response times (median; lower is better), post-mortems within 48 h (higher),
 * prevention rate (higher), process improvements (more), hotfix frequency (fewer), repeats (lower), confidence
 * (higher).
 */
public final class DashboardTiles {
    private DashboardTiles() {}

    public static List<Kpi> of(Metrics m) {
        Metrics.Before b = m.before();
        String since = "vs previous " + length(m.from(), m.to(), ZoneId.of(m.zone()));
        Metrics.ResponseTimes now = m.response().get("all");
        List<Kpi> out = new ArrayList<>();
        if (now != null) {
            Metrics.ResponseTimes was = b == null ? null : b.response();
            out.add(duration(
                    "Detection → alert", now.detectionToAlert(), was == null ? null : was.detectionToAlert(), since));
            out.add(duration("Alert → fix deployed", now.alertToFix(), was == null ? null : was.alertToFix(), since));
            out.add(duration("Total incident duration", now.total(), was == null ? null : was.total(), since));
        }
        learningAndHealth(m, b, since, out);
        return out;
    }

    /** Post-mortems, repeats, hotfix frequency, prevention, process improvements, confidence. */
    private static void learningAndHealth(Metrics m, Metrics.Before b, String since, List<Kpi> out) {
        Metrics.LearningVelocity l = m.learning();
        Double pm = l.postmortemShare();
        out.add(new Kpi(
                "Post-mortems within 48 h",
                MetricsText.percent(pm),
                l.postmortemsOnTime() + " of " + l.postmortemsDue(),
                "target 100%",
                pm == null ? null : pm >= 1.0,
                points(pm, b == null ? null : b.postmortemShare(), since),
                verdict(pm, b == null ? null : b.postmortemShare(), true)));
        Double repeat = m.health().repeatShare();
        out.add(new Kpi(
                "Repeat incidents",
                MetricsText.percent(repeat),
                m.health().repeats() + " of " + m.hotfixes(),
                "target < 10%",
                repeat == null ? null : repeat < Targets.REPEAT_SHARE_TARGET,
                points(repeat, b == null ? null : b.repeatShare(), since),
                verdict(repeat, b == null ? null : b.repeatShare(), false)));
        Double hotfixesBefore = b == null ? null : (double) b.hotfixes();
        String trend = m.health().frequencyTrend();
        out.add(new Kpi(
                "Hotfixes",
                String.valueOf(m.hotfixes()),
                "last complete month: " + trend,
                "target: trending down",
                trend.equals("down") ? Boolean.TRUE : trend.equals("up") ? Boolean.FALSE : null,
                relative((double) m.hotfixes(), hotfixesBefore, since),
                verdict((double) m.hotfixes(), hotfixesBefore, false)));
        Double prevention = l.preventionRate();
        out.add(new Kpi(
                "Prevention rate",
                MetricsText.percent(prevention),
                l.preventionsHeld() + " of " + l.preventionsWatched() + " held",
                null,
                null,
                points(prevention, b == null ? null : b.preventionRate(), since),
                verdict(prevention, b == null ? null : b.preventionRate(), true)));
        long improvements = l.processImprovementsPerQuarter().stream()
                .mapToLong(Metrics.PeriodCount::count)
                .sum();
        Double improvementsBefore = b == null ? null : (double) b.processImprovements();
        out.add(new Kpi(
                "Process improvements",
                String.valueOf(improvements),
                "in " + l.processImprovementsPerQuarter().size()
                        + (l.processImprovementsPerQuarter().size() == 1 ? " quarter" : " quarters"),
                null,
                null,
                relative((double) improvements, improvementsBefore, since),
                verdict((double) improvements, improvementsBefore, true)));
        Double confidence = m.health().confidenceAverage();
        Double confidenceBefore = b == null ? null : b.confidenceAverage();
        out.add(new Kpi(
                "Team confidence",
                confidence == null ? "—" : String.format(Locale.ROOT, "%.1f of 5", confidence),
                confidence == null
                        ? "no ratings yet"
                        : MetricsText.ratings(m.health().confidence()),
                null,
                null,
                confidence == null || confidenceBefore == null
                        ? "no figure for the " + since.substring("vs ".length())
                        : arrow(confidence - confidenceBefore)
                                + String.format(Locale.ROOT, "%.1f ", Math.abs(confidence - confidenceBefore))
                                + since,
                verdict(confidence, confidenceBefore, true)));
    }

    private static Kpi duration(String name, DurationStats now, DurationStats was, String since) {
        Double median = now.medianSeconds() == null ? null : now.medianSeconds().doubleValue();
        Double before = was == null || was.medianSeconds() == null
                ? null
                : was.medianSeconds().doubleValue();
        return new Kpi(
                name,
                MetricsText.duration(now.medianSeconds()),
                now.count() == 0
                        ? "no hotfix with both moments"
                        : "p90 " + MetricsText.duration(now.p90Seconds()) + " · "
                                + MetricsText.percent(now.shareWithinTarget()) + " within target",
                "target < " + minutes(now.targetSeconds()),
                median == null ? null : median < now.targetSeconds(),
                relative(median, before, since),
                verdict(median, before, false));
    }

    /** A target as the seed writes it: "60 min", not "1.0 h". */
    static String minutes(long seconds) {
        return seconds % 60 == 0 && seconds <= 2 * 3600 ? seconds / 60 + " min" : MetricsText.duration(seconds);
    }

    /** "▲ 12% vs previous 12 months"; from 0 a change has no percentage: "▲ from 0 …". */
    static String relative(Double now, Double before, String since) {
        if (now == null || before == null) {
            return "no figure for the " + since.substring("vs ".length());
        }
        if (before == 0) {
            return now == 0 ? "= no change " + since : "▲ from 0 " + since;
        }
        long pct = Math.round(Math.abs(now - before) / before * 100);
        return pct == 0 ? "= no change " + since : arrow(now - before) + pct + "% " + since;
    }

    /** Shares move in percentage points: "▼ 8 pts vs previous 12 months". */
    static String points(Double now, Double before, String since) {
        if (now == null || before == null) {
            return "no figure for the " + since.substring("vs ".length());
        }
        long pts = Math.round(Math.abs(now - before) * 100);
        return pts == 0 ? "= no change " + since : arrow(now - before) + pts + " pts " + since;
    }

    private static String arrow(double delta) {
        return delta > 0 ? "▲ " : delta < 0 ? "▼ " : "= ";
    }

    static String verdict(Double now, Double before, boolean higherIsBetter) {
        if (now == null || before == null) {
            return null;
        }
        if (Math.abs(now - before) < 1e-9) {
            return "same";
        }
        return (now > before) == higherIsBetter ? "better" : "worse";
    }

    /** "12 months" for whole calendar months in the zone, else "90 days". */
    static String length(Instant from, Instant to, ZoneId zone) {
        ZonedDateTime f = from.atZone(zone);
        ZonedDateTime t = to.atZone(zone);
        long months = ChronoUnit.MONTHS.between(f, t);
        if (months > 0 && f.plusMonths(months).equals(t)) {
            return months == 1 ? "month" : months + " months";
        }
        long days = Math.max(1, Math.round(Duration.between(from, to).toHours() / 24.0));
        return days == 1 ? "day" : days + " days";
    }
}
