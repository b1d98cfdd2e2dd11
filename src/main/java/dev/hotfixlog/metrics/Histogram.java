package dev.hotfixlog.metrics;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Durations in whole seconds and how many hotfixes took exactly that long, sorted by duration. Exact, so
 * histograms of months merge into the histogram of a year with the same percentiles as one pass over the year.
 */
record Histogram(long[] seconds, long[] counts) {
    static final Histogram EMPTY = new Histogram(new long[0], new long[0]);

    Histogram {
        if (seconds.length != counts.length) {
            throw new IllegalArgumentException("seconds and counts differ in length");
        }
    }

    static Histogram of(Map<Long, Long> counts) {
        TreeMap<Long, Long> sorted = new TreeMap<>(counts);
        long[] s = new long[sorted.size()];
        long[] c = new long[sorted.size()];
        int i = 0;
        for (Map.Entry<Long, Long> e : sorted.entrySet()) {
            s[i] = e.getKey();
            c[i++] = e.getValue();
        }
        return new Histogram(s, c);
    }

    int size() {
        return seconds.length;
    }

    long total() {
        return Arrays.stream(counts).sum();
    }

    /** One sorted walk over both. */
    Histogram merge(Histogram other) {
        if (other.size() == 0) {
            return this;
        }
        if (size() == 0) {
            return other;
        }
        long[] s = new long[size() + other.size()];
        long[] c = new long[s.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < size() || j < other.size()) {
            if (j == other.size() || i < size() && seconds[i] < other.seconds[j]) {
                s[n] = seconds[i];
                c[n++] = counts[i++];
            } else if (i == size() || other.seconds[j] < seconds[i]) {
                s[n] = other.seconds[j];
                c[n++] = other.counts[j++];
            } else {
                s[n] = seconds[i];
                c[n++] = counts[i++] + other.counts[j++];
            }
        }
        return new Histogram(Arrays.copyOf(s, n), Arrays.copyOf(c, n));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && Arrays.equals(seconds, h.seconds) && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(seconds) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Histogram" + Arrays.toString(seconds) + "x" + Arrays.toString(counts);
    }
}
