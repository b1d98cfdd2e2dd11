package dev.hotfixlog.metrics;

import dev.hotfixlog.metrics.internal.Chart;
import dev.hotfixlog.metrics.internal.ChartBuilder;
import dev.hotfixlog.metrics.internal.ChartBuilder.Series;
import dev.hotfixlog.metrics.internal.ChartSvg;
import dev.hotfixlog.metrics.internal.Scale;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The dashboard's charts per month from {@link Metrics#months()}: hotfixes by severity, the three response times,
 * post-mortems within 48 h, repeats, and DORA's deploys, change failure rate and time to restore. Durations are
 * drawn on a logarithmic scale: they span seconds to weeks, and one record open for 10,000 hours must not press
 * every other month flat against the axis; nothing is cut off, so no value needs a "clipped" mark.
 */
public final class DashboardCharts {
    static final String LOG_NOTE = "Log scale: each grid line is a longer step, so a rare very long incident does "
            + "not flatten the other months.";
    static final String NO_DEPLOYS = "No production deploy recorded in the period: deploys come from the CI "
            + "webhooks or POST /api/v1/deploys.";
    private static final List<String> SEVERITIES = List.of("critical", "high", "medium", MetricsRepository.NOT_STATED);
    private static final List<String> SEVERITY_NAMES = List.of("Critical", "High", "Medium", "Not stated");

    private DashboardCharts() {}

    public static List<ChartView> of(Metrics m) {
        List<Metrics.Month> months = m.months();
        if (months.isEmpty()) {
            return List.of();
        }
        List<ChartView> out = new ArrayList<>();
        out.add(severities(months));
        out.add(durations(
                "chart-detect", "Detection → alert", months, x -> x.response().detectionToAlert(), "target < 5 min"));
        out.add(durations(
                "chart-fix", "Alert → fix deployed", months, x -> x.response().alertToFix(), "target < 30 min"));
        out.add(durations(
                "chart-total",
                "Total incident duration",
                months,
                x -> x.response().total(),
                "target < 60 min"));
        out.add(share(
                "chart-postmortems",
                "Post-mortems within 48 h",
                months,
                x -> new long[] {x.postmortemsOnTime(), x.postmortemsDue()},
                "on time",
                1.0,
                "target 100%"));
        out.add(share(
                "chart-repeats",
                "Repeat incidents",
                months,
                x -> new long[] {x.repeats(), x.hotfixes()},
                "repeats",
                0.10,
                "target < 10%"));
        out.add(deploys(months));
        out.add(share(
                "chart-cfr",
                "Change failure rate",
                months,
                x -> new long[] {x.failedDeploys(), x.deploys()},
                "caused a hotfix",
                null,
                null));
        out.add(durations(
                "chart-restore", "Time to restore (detection → fix deployed)", months, x -> x.timeToRestore(), null));
        return out;
    }

    private static ChartView severities(List<Metrics.Month> months) {
        List<Series> series = new ArrayList<>();
        List<ChartView.Key> keys = new ArrayList<>();
        for (int k = 0; k < SEVERITIES.size(); k++) {
            String s = SEVERITIES.get(k);
            List<Double> values = months.stream()
                    .map(x -> (double) x.bySeverity().getOrDefault(s, 0L))
                    .toList();
            if (s.equals(MetricsRepository.NOT_STATED) && values.stream().allMatch(v -> v == 0)) {
                continue; // drawn only where a record states no severity
            }
            String key = s.equals(MetricsRepository.NOT_STATED) ? "not-stated" : s;
            series.add(new Series(SEVERITY_NAMES.get(k), key, values));
            keys.add(new ChartView.Key(key, SEVERITY_NAMES.get(k), "bar"));
        }
        Chart c = ChartBuilder.stacked(
                "chart-severity", "Hotfixes per month by severity", names(months), series, "hotfix");
        List<String> head = new ArrayList<>(List.of("Month"));
        series.forEach(s -> head.add(s.name()));
        head.add("All");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            List<String> row =
                    new ArrayList<>(List.of(ChartBuilder.monthName(months.get(i).period())));
            for (Series s : series) {
                row.add(String.valueOf(Math.round(s.values().get(i))));
            }
            row.add(String.valueOf(months.get(i).hotfixes()));
            rows.add(row);
        }
        return view(c, null, keys, head, rows);
    }

    private static ChartView durations(
            String id,
            String title,
            List<Metrics.Month> months,
            Function<Metrics.Month, DurationStats> measure,
            String targetText) {
        List<DurationStats> stats = months.stream().map(measure).toList();
        Long target =
                targetText == null || stats.isEmpty() ? null : stats.get(0).targetSeconds();
        List<Series> series = List.of(
                new Series(
                        "Median",
                        "median",
                        stats.stream().map(s -> seconds(s.medianSeconds())).toList()),
                new Series(
                        "p90",
                        "p90",
                        stats.stream().map(s -> seconds(s.p90Seconds())).toList()));
        Chart c = ChartBuilder.durations(
                id, title, names(months), series, target, targetText, v -> MetricsText.duration(Math.round(v)));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            DurationStats s = stats.get(i);
            rows.add(List.of(
                    ChartBuilder.monthName(months.get(i).period()),
                    MetricsText.duration(s.medianSeconds()),
                    MetricsText.duration(s.p90Seconds()),
                    String.valueOf(s.count()),
                    target == null ? MetricsText.percent(null) : MetricsText.percent(s.shareWithinTarget())));
        }
        List<String> head =
                List.of("Month", "Median", "p90", "Hotfixes measured", target == null ? "—" : "Within target");
        return view(
                c,
                LOG_NOTE,
                List.of(new ChartView.Key("median", "Median", "dot"), new ChartView.Key("p90", "p90", "square")),
                target == null ? head.subList(0, 4) : head,
                target == null ? rows.stream().map(r -> r.subList(0, 4)).toList() : rows);
    }

    /** A share per month ({@code part[0]} of {@code part[1]}); no bar for a month with nothing to divide by. */
    private static ChartView share(
            String id,
            String title,
            List<Metrics.Month> months,
            Function<Metrics.Month, long[]> part,
            String what,
            Double target,
            String targetText) {
        List<Double> values = new ArrayList<>();
        List<String> detail = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (Metrics.Month x : months) {
            long[] p = part.apply(x);
            Double share = p[1] == 0 ? null : (double) p[0] / p[1];
            values.add(share);
            detail.add(p[0] + " of " + p[1]);
            rows.add(List.of(ChartBuilder.monthName(x.period()), MetricsText.percent(share), p[0] + " of " + p[1]));
        }
        Chart c = ChartBuilder.bars(
                id,
                title,
                names(months),
                new Series(title, "share", values),
                Scale.Linear.percent(),
                v -> MetricsText.percent(v),
                detail,
                target,
                targetText);
        String key = what.substring(0, 1).toUpperCase(Locale.ROOT) + what.substring(1);
        return view(c, null, List.of(new ChartView.Key("share", title, "bar")), List.of("Month", title, key), rows);
    }

    private static ChartView deploys(List<Metrics.Month> months) {
        List<Double> values = months.stream().map(x -> (double) x.deploys()).toList();
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Chart c = ChartBuilder.bars(
                "chart-deploys",
                "Production deploys per month",
                names(months),
                new Series("Deploys", "deploys", values),
                Scale.Linear.counts(max),
                v -> String.valueOf(Math.round(v)) + " deploys",
                null,
                null,
                null);
        List<List<String>> rows = months.stream()
                .map(x -> List.of(ChartBuilder.monthName(x.period()), String.valueOf(x.deploys())))
                .toList();
        return view(
                c,
                max == 0 ? NO_DEPLOYS : null,
                List.of(new ChartView.Key("deploys", "Deploys", "bar")),
                List.of("Month", "Deploys"),
                rows);
    }

    private static ChartView view(
            Chart c, String note, List<ChartView.Key> keys, List<String> head, List<List<String>> rows) {
        List<ChartView.Key> legend = new ArrayList<>(keys);
        if (c.target() != null) {
            legend.add(
                    new ChartView.Key("target", "Target (" + c.target().label().replace("target ", "") + ")", "line"));
        }
        return new ChartView(c.id(), c.title(), note, ChartSvg.render(c), legend, head, rows);
    }

    private static List<String> names(List<Metrics.Month> months) {
        return months.stream().map(Metrics.Month::period).toList();
    }

    private static Double seconds(Long s) {
        return s == null ? null : (double) Math.max(0, s);
    }
}
