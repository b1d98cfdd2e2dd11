package dev.hotfixlog.metrics;

import java.util.Locale;

/** How metrics read as words, the same on the dashboard, in its charts and in the CLI. */
public final class MetricsText {
    private MetricsText() {
    }

    /** "45 s", "12 min", "1.3 h"; "—" when there is no figure. */
    public static String duration(Long seconds) {
        if (seconds == null) {
            return "—";
        }
        if (Math.abs(seconds) < 60) {
            return seconds + " s";
        }
        if (Math.abs(seconds) < 3600) {
            return Math.round(seconds / 60.0) + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600.0);
    }

    /** "75%"; "—" when there is nothing to divide by. */
    public static String percent(Double share) {
        return share == null ? "—" : Math.round(share * 100) + "%";
    }

    /** A sign's value or threshold: "950.00". */
    public static String number(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.2f", value);
    }
}
