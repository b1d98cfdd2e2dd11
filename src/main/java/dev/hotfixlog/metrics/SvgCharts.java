package dev.hotfixlog.metrics;

import static dev.hotfixlog.web.Markup.escape;

import java.util.List;
import java.util.Locale;

/**
 * Charts drawn on the server as SVG: no script, no CDN, readable without JavaScript and by a screen reader
 * (each chart has a title and its numbers as text). Presentation attributes only, so the page's CSP (no inline
 * styles) holds. Every label is escaped: emergency type names are user text.
 */
public final class SvgCharts {
    private static final int WIDTH = 640;
    /** The response-time chart's width: about a phone's, so its text is not shrunk there. */
    private static final int NARROW_WIDTH = 360;

    private SvgCharts() {}

    /** One bar per month, the count above it; a dashed line at the average. */
    public static String perMonth(List<Metrics.PeriodCount> months) {
        int height = 180;
        int top = 20;
        int bottom = 30;
        long max = Math.max(
                1, months.stream().mapToLong(Metrics.PeriodCount::count).max().orElse(1));
        double slot = (double) (WIDTH - 20) / Math.max(1, months.size());
        StringBuilder b = open(height, "Hotfixes per month");
        for (int i = 0; i < months.size(); i++) {
            Metrics.PeriodCount m = months.get(i);
            double h = (height - top - bottom) * (double) m.count() / max;
            double x = 10 + i * slot + slot * 0.15;
            double y = height - bottom - h;
            b.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                            + "fill=\"#d32f2f\"><title>%s: %d</title></rect>",
                    x,
                    y,
                    slot * 0.7,
                    h,
                    escape(m.period()),
                    m.count()));
            if (months.size() <= 24 || i % Math.max(1, months.size() / 12) == 0) {
                b.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\""
                                + " fill=\"currentColor\">%s</text>",
                        x + slot * 0.35,
                        height - 12,
                        escape(shortMonth(m.period()))));
            }
            if (months.size() <= 24) {
                b.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" "
                                + "text-anchor=\"middle\" fill=\"currentColor\">%d</text>",
                        x + slot * 0.35,
                        y - 3,
                        m.count()));
            }
        }
        return b.append("</svg>").toString();
    }

    /**
     * For each measure a bar for the median, a thinner one for p90, and the target as a vertical line. Drawn
     * narrow ({@link #NARROW_WIDTH}) with each label above its bars, so that on a phone, where the chart is
     * shrunk to the screen, its text stays at reading size (the page caps its width on a desktop).
     */
    public static String responseTimes(Metrics.ResponseTimes r) {
        String[] names = {"Detection → alert", "Alert → fix deployed", "Total duration"};
        DurationStats[] stats = {r.detectionToAlert(), r.alertToFix(), r.total()};
        int rowHeight = 72;
        int height = 8 + rowHeight * names.length;
        int width = NARROW_WIDTH;
        long max = 1;
        for (DurationStats s : stats) {
            max = Math.max(max, Math.max(s.targetSeconds(), s.p90Seconds() == null ? 0 : s.p90Seconds()));
        }
        double scale = (width - 8) / (double) max;
        StringBuilder b = open(width, height, "Response time: median and p90 against the target", "chart chart-narrow");
        for (int i = 0; i < names.length; i++) {
            DurationStats s = stats[i];
            int y = 4 + i * rowHeight;
            b.append(String.format(
                    Locale.ROOT,
                    "<text x=\"0\" y=\"%d\" font-size=\"15\" font-weight=\"600\" " + "fill=\"currentColor\">%s</text>",
                    y + 15,
                    escape(names[i])));
            if (s.medianSeconds() != null) {
                long median = Math.max(0, s.medianSeconds());
                long p90 = Math.max(0, s.p90Seconds());
                String colour = median < s.targetSeconds() ? "#2e7d32" : "#d32f2f";
                b.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"0\" y=\"%d\" width=\"%.1f\" height=\"14\" fill=\"%s\">"
                                + "<title>median %s</title></rect>",
                        y + 22,
                        median * scale,
                        colour,
                        MetricsText.duration(median)));
                b.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"0\" y=\"%d\" width=\"%.1f\" height=\"6\" "
                                + "fill=\"#9e9e9e\"><title>p90 %s</title></rect>",
                        y + 38,
                        p90 * scale,
                        MetricsText.duration(p90)));
                b.append(String.format(
                        Locale.ROOT,
                        "<text x=\"0\" y=\"%d\" font-size=\"14\" fill=\"currentColor\">"
                                + "median %s · p90 %s · %d%% within target</text>",
                        y + 62,
                        MetricsText.duration(median),
                        MetricsText.duration(p90),
                        Math.round(100 * s.shareWithinTarget())));
            } else {
                b.append(String.format(
                        Locale.ROOT,
                        "<text x=\"0\" y=\"%d\" font-size=\"14\" fill=\"currentColor\">"
                                + "no hotfix with both moments</text>",
                        y + 40));
            }
            double tx = Math.min(width - 2, s.targetSeconds() * scale);
            b.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#1e88e5\" "
                            + "stroke-width=\"2\" stroke-dasharray=\"3 2\"><title>target %s</title></line>",
                    tx,
                    y + 20,
                    tx,
                    y + 46,
                    MetricsText.duration(s.targetSeconds())));
        }
        return b.append("</svg>").toString();
    }

    private static StringBuilder open(int height, String title) {
        return open(WIDTH, height, title, "chart");
    }

    private static StringBuilder open(int width, int height, String title, String cssClass) {
        return new StringBuilder(String.format(
                Locale.ROOT,
                "<svg class=\"%s\" viewBox=\"0 0 %d %d\" role=\"img\" "
                        + "xmlns=\"http://www.w3.org/2000/svg\"><title>%s</title>",
                cssClass,
                width,
                height,
                escape(title)));
    }

    private static String shortMonth(String period) {
        return period.length() == 7 ? period.substring(2) : period;
    }
}
