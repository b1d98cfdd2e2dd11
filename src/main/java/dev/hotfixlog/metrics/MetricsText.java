package dev.hotfixlog.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** How metrics read as words, the same on the dashboard, in its charts and in the CLI. */
public final class MetricsText {
    private MetricsText() {}

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

    /** A sign's value or threshold: a count as a count ("6"), else at most two decimals ("0.1", "950.25"). */
    public static String number(Double value) {
        if (value == null) {
            return "—";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf(value.longValue());
        }
        return new BigDecimal(value)
                .setScale(2, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    /** How a team rated its confidence: "2 ratings: 5 ×1, 4 ×1", highest first; every rating counted once. */
    public static String ratings(Map<Integer, Long> countByRating) {
        long total = countByRating.values().stream().mapToLong(Long::longValue).sum();
        List<String> parts = new ArrayList<>();
        new TreeMap<>(countByRating).descendingMap().forEach((rating, n) -> {
            if (n > 0) {
                parts.add(rating + " ×" + n);
            }
        });
        return total + (total == 1 ? " rating: " : " ratings: ") + String.join(", ", parts);
    }
}
