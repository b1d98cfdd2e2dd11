package dev.hotfixlog.metrics;

/**
 * One response-time measure over a set of hotfixes: how many had both moments, the median and 90th percentile
 * (nearest rank on whole seconds: the smallest duration that at least half, or 90%, of them did not exceed) and
 * how many were within the seed's target. Null median and p90 when no hotfix had both moments.
 */
public record DurationStats(long count, Long medianSeconds, Long p90Seconds, long withinTarget, long targetSeconds) {
    public Double shareWithinTarget() {
        return count == 0 ? null : (double) withinTarget / count;
    }

    /** From a histogram: how many hotfixes took exactly each whole number of seconds. */
    static DurationStats of(Histogram histogram, long targetSeconds) {
        long[] seconds = histogram.seconds();
        long[] counts = histogram.counts();
        long n = 0;
        long within = 0;
        for (int i = 0; i < seconds.length; i++) {
            n += counts[i];
            if (seconds[i] < targetSeconds) {
                within += counts[i];
            }
        }
        if (n == 0) {
            return new DurationStats(0, null, null, 0, targetSeconds);
        }
        return new DurationStats(
                n, rank(histogram, (n + 1) / 2), rank(histogram, (long) Math.ceil(0.9 * n)), within, targetSeconds);
    }

    private static Long rank(Histogram histogram, long rank) {
        long seen = 0;
        for (int i = 0; i < histogram.size(); i++) {
            seen += histogram.counts()[i];
            if (seen >= rank) {
                return histogram.seconds()[i];
            }
        }
        return histogram.seconds()[histogram.size() - 1];
    }
}
