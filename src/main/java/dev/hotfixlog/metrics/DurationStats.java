package dev.hotfixlog.metrics;

import java.util.Map;
import java.util.TreeMap;

/**
 * One response-time measure over a set of hotfixes: how many had both moments, the median and 90th percentile
 * (nearest rank on whole seconds: the smallest duration that at least half, or 90%, of them did not exceed) and
 * how many were within the seed's target. Null median and p90 when no hotfix had both moments.
 */
public record DurationStats(long count, Long medianSeconds, Long p90Seconds, long withinTarget, long targetSeconds) {
    public Double shareWithinTarget() {
        return count == 0 ? null : (double) withinTarget / count;
    }

    /** From a histogram: duration in whole seconds → how many hotfixes took exactly that long. */
    static DurationStats of(Map<Long, Long> histogram, long targetSeconds) {
        TreeMap<Long, Long> sorted = new TreeMap<>(histogram);
        long n = 0;
        long within = 0;
        for (Map.Entry<Long, Long> e : sorted.entrySet()) {
            n += e.getValue();
            if (e.getKey() < targetSeconds) {
                within += e.getValue();
            }
        }
        if (n == 0) {
            return new DurationStats(0, null, null, 0, targetSeconds);
        }
        return new DurationStats(n, rank(sorted, (n + 1) / 2), rank(sorted, (long) Math.ceil(0.9 * n)), within,
                targetSeconds);
    }

    private static Long rank(TreeMap<Long, Long> sorted, long rank) {
        long seen = 0;
        for (Map.Entry<Long, Long> e : sorted.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey();
            }
        }
        return sorted.lastKey();
    }
}
