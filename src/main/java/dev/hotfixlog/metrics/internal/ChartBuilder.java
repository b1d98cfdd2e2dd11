package dev.hotfixlog.metrics.internal;

import dev.hotfixlog.metrics.internal.Chart.Column;
import dev.hotfixlog.metrics.internal.Chart.Legend;
import dev.hotfixlog.metrics.internal.Chart.Line;
import dev.hotfixlog.metrics.internal.Chart.Mark;
import dev.hotfixlog.metrics.internal.Chart.MonthLabel;
import dev.hotfixlog.metrics.internal.Chart.Shape;
import dev.hotfixlog.metrics.internal.Chart.Target;
import dev.hotfixlog.metrics.internal.Chart.Tick;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Charts per month: stacked bars, bars, and lines of points. The months are the columns, left to right; a value
 * is null where a month has none (no bar, no point, a gap in the line, "no data" in its text).
 */
public final class ChartBuilder {
    private static final double PLOT_HEIGHT = Chart.BOTTOM - Chart.TOP;

    private ChartBuilder() {}

    /** A series: its name in the legend and the text, its CSS key ({@code s-<key>}) and one value per month. */
    public record Series(String name, String key, List<Double> values) {
        public Series {
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    /** Bars of the series stacked per month, on a linear scale of whole counts of {@code unit} ("hotfix"). */
    public static Chart stacked(String id, String title, List<String> months, List<Series> series, String unit) {
        double max = 0;
        for (int i = 0; i < months.size(); i++) {
            max = Math.max(max, sum(series, i));
        }
        Scale scale = Scale.Linear.counts(max);
        double slot = slot(months);
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            double x = Chart.LEFT + i * slot;
            double base = Chart.BOTTOM;
            List<Mark> marks = new ArrayList<>();
            List<String> parts = new ArrayList<>();
            for (Series s : series) {
                Double v = s.values().get(i);
                if (v == null || v <= 0) {
                    continue;
                }
                double h = PLOT_HEIGHT * scale.position(v);
                base -= h;
                marks.add(
                        new Mark(Shape.BAR, s.key(), round(x + slot * 0.15), round(base), round(slot * 0.7), round(h)));
                parts.add(Math.round(v) + " " + s.name().toLowerCase(Locale.ROOT));
            }
            long total = Math.round(sum(series, i));
            String text = monthName(months.get(i)) + ": " + total + " " + (total == 1 ? unit : plural(unit))
                    + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
            columns.add(new Column(months.get(i), round(x), round(slot), text, marks));
        }
        List<Legend> legend = series.stream()
                .map(s -> new Legend(s.key(), s.name(), Shape.BAR))
                .toList();
        return new Chart(id, title, ticks(scale), labels(months), columns, List.of(), null, legend, null);
    }

    /**
     * One bar per month on {@code scale}; the target, if any, as a line labelled {@code targetText}.
     * {@code format} writes a value; {@code detail} (may be null) adds to a month's text, e.g. "2 of 4".
     */
    public static Chart bars(
            String id,
            String title,
            List<String> months,
            Series series,
            Scale scale,
            DoubleFunction<String> format,
            List<String> detail,
            Double target,
            String targetText) {
        double slot = slot(months);
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            double x = Chart.LEFT + i * slot;
            Double v = series.values().get(i);
            List<Mark> marks = new ArrayList<>();
            String text;
            if (v == null) {
                text = monthName(months.get(i)) + ": no data";
            } else {
                double h = PLOT_HEIGHT * scale.position(v);
                marks.add(new Mark(
                        Shape.BAR,
                        series.key(),
                        round(x + slot * 0.2),
                        round(Chart.BOTTOM - h),
                        round(slot * 0.6),
                        round(h)));
                String more = detail == null || detail.get(i) == null ? "" : " (" + detail.get(i) + ")";
                text = monthName(months.get(i)) + ": " + format.apply(v) + more;
            }
            columns.add(new Column(months.get(i), round(x), round(slot), text, marks));
        }
        return new Chart(
                id,
                title,
                ticks(scale),
                labels(months),
                columns,
                List.of(),
                target(scale, target, targetText),
                List.of(new Legend(series.key(), series.name(), Shape.BAR)),
                null);
    }

    /**
     * Durations in seconds as lines of points on a {@link Scale.Log logarithmic scale}: the first series as dots,
     * the others as squares. {@code format} writes a duration.
     */
    public static Chart durations(
            String id,
            String title,
            List<String> months,
            List<Series> series,
            Long targetSeconds,
            String targetText,
            DoubleFunction<String> format) {
        List<Long> all = new ArrayList<>();
        series.forEach(s -> s.values().forEach(v -> all.add(v == null ? null : Math.round(v))));
        Scale scale = Scale.Log.covering(all, targetSeconds);
        double slot = slot(months);
        List<Column> columns = new ArrayList<>();
        List<StringBuilder> paths = new ArrayList<>();
        series.forEach(s -> paths.add(new StringBuilder()));
        for (int i = 0; i < months.size(); i++) {
            double x = Chart.LEFT + i * slot;
            double cx = round(x + slot / 2);
            List<Mark> marks = new ArrayList<>();
            List<String> parts = new ArrayList<>();
            for (int k = 0; k < series.size(); k++) {
                Series s = series.get(k);
                Double v = s.values().get(i);
                if (v == null) {
                    continue;
                }
                double y = round(Chart.BOTTOM - PLOT_HEIGHT * scale.position(v));
                marks.add(new Mark(k == 0 ? Shape.DOT : Shape.SQUARE, s.key(), cx, y, 0, 0));
                boolean joined = i > 0 && s.values().get(i - 1) != null;
                paths.get(k)
                        .append(joined ? "L" : "M")
                        .append(num(cx))
                        .append(' ')
                        .append(num(y));
                parts.add(s.name().toLowerCase(Locale.ROOT) + " " + format.apply(v));
            }
            String text = monthName(months.get(i)) + ": " + (parts.isEmpty() ? "no data" : String.join(", ", parts));
            columns.add(new Column(months.get(i), round(x), round(slot), text, marks));
        }
        List<Line> lines = new ArrayList<>();
        List<Legend> legend = new ArrayList<>();
        for (int k = 0; k < series.size(); k++) {
            if (paths.get(k).length() > 0) {
                lines.add(new Line(series.get(k).key(), paths.get(k).toString()));
            }
            legend.add(new Legend(series.get(k).key(), series.get(k).name(), k == 0 ? Shape.DOT : Shape.SQUARE));
        }
        return new Chart(
                id,
                title,
                ticks(scale),
                labels(months),
                columns,
                lines,
                target(scale, targetSeconds == null ? null : targetSeconds.doubleValue(), targetText),
                legend,
                "log scale");
    }

    private static Target target(Scale scale, Double target, String text) {
        return target == null ? null : new Target(round(Chart.BOTTOM - PLOT_HEIGHT * scale.position(target)), text);
    }

    private static List<Tick> ticks(Scale scale) {
        return scale.ticks().stream()
                .map(t -> new Tick(round(Chart.BOTTOM - PLOT_HEIGHT * scale.position(t)), scale.label(t)))
                .toList();
    }

    /** Month names under the axis: every one when they fit, else every second, third... */
    static List<MonthLabel> labels(List<String> months) {
        double slot = slot(months);
        int every = Math.max(1, (int) Math.ceil(34 / slot));
        List<MonthLabel> out = new ArrayList<>();
        for (int i = 0; i < months.size(); i += every) {
            YearMonth m = month(months.get(i));
            String name = m == null ? months.get(i) : m.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            String year = m != null && (i == 0 || m.getMonthValue() <= every) ? String.valueOf(m.getYear()) : null;
            out.add(new MonthLabel(round(Chart.LEFT + i * slot + slot / 2), name, year));
        }
        return out;
    }

    /** "Mar 2026" for "2026-03"; any other period name as it is. */
    public static String monthName(String period) {
        YearMonth m = month(period);
        return m == null ? period : m.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + m.getYear();
    }

    private static YearMonth month(String period) {
        try {
            return YearMonth.parse(period);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String plural(String noun) {
        return noun.endsWith("x") || noun.endsWith("s") ? noun + "es" : noun + "s";
    }

    private static double slot(List<String> months) {
        return (Chart.RIGHT - Chart.LEFT) / Math.max(1, months.size());
    }

    private static double sum(List<Series> series, int month) {
        double total = 0;
        for (Series s : series) {
            Double v = s.values().get(month);
            total += v == null ? 0 : v;
        }
        return total;
    }

    /** One decimal: enough for a 320-unit view box, and short markup. */
    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
