package dev.hotfixlog.web;

import dev.hotfixlog.error.BusyException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * At most a few machine senders' deliveries (alerts, deploy markers) are worked on at once, one per core by
 * default, in arrival order; the rest wait their turn, up to {@link #MAX_WAIT}, then get 503 + Retry-After, which
 * Alertmanager and Grafana retry (and the problem document says {@code busy}). Measured (bench/ingest.sh,
 * docs/PERFORMANCE.md): without it an alert storm took both cores and the board's p50 during it was 78 ms on
 * PostgreSQL; with it, 9.6 ms (SQLite) and 12.4 ms (PostgreSQL), and the storm still ran at 87% and 149% of the
 * JDBC write limit. People looking at the board at 3 AM come first.
 */
public final class IngestGate {
    static final Duration MAX_WAIT = Duration.ofSeconds(10);
    private final Semaphore permits;
    private final Duration maxWait;

    public IngestGate(int atOnce, Duration maxWait) {
        if (atOnce < 1) {
            throw new IllegalArgumentException("at least one turn, was " + atOnce);
        }
        this.permits = new Semaphore(atOnce, true);
        this.maxWait = maxWait;
    }

    /** One per core, at least two, each waiting at most {@link #MAX_WAIT}. */
    public static IngestGate perCore() {
        return new IngestGate(Math.max(2, Runtime.getRuntime().availableProcessors()), MAX_WAIT);
    }

    public <T> T take(Supplier<T> work) {
        try {
            if (!permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new BusyException("too many deliveries at once; retry in a few seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException("interrupted while waiting for a turn; retry");
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
