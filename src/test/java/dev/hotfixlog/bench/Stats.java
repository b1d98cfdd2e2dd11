package dev.hotfixlog.bench;

import java.util.Arrays;

/** Throughput and latency percentiles of one measured phase. */
record Stats(String name, int ops, double seconds, long[] latenciesNanos) {
    static Stats of(String name, double seconds, long[] latencies) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Stats(name, sorted.length, seconds, sorted);
    }

    double perSecond() {
        return ops / seconds;
    }

    double percentileMillis(double p) {
        int i = (int) Math.min(latenciesNanos.length - 1, Math.ceil(p * latenciesNanos.length) - 1);
        return latenciesNanos[Math.max(0, i)] / 1e6;
    }
}
