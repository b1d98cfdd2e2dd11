package dev.hotfixlog.metrics;

import dev.hotfixlog.hotfix.BoardNotices;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The board's warning lines: each breached sign in words. Evaluating the signs reads the last 90 days (on a long
 * history, a few hundred milliseconds), and the board is what the on-call opens at 3 AM, so the lines are kept
 * for a minute: a sign shows on the board at most a minute late, and the board stays fast.
 */
public final class BreachedSigns implements BoardNotices {
    static final Duration FRESH_FOR = Duration.ofMinutes(1);
    private final MetricsService service;
    private final Clock clock;
    private final AtomicReference<Snapshot> last = new AtomicReference<>();

    public BreachedSigns(MetricsService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    private record Snapshot(Instant at, List<String> lines) {}

    @Override
    public List<String> lines() {
        Instant now = clock.instant();
        Snapshot s = last.get();
        if (s == null || !now.isBefore(s.at().plus(FRESH_FOR)) || now.isBefore(s.at())) {
            s = new Snapshot(now, read());
            last.set(s);
        }
        return s.lines();
    }

    private List<String> read() {
        List<String> out = new ArrayList<>();
        for (SignReading s : service.signs()) {
            if (s.breached()) {
                out.add("Warning sign: " + (s.description() == null ? s.name() : s.description()) + " is "
                        + MetricsText.number(s.value()) + ", " + s.direction() + " "
                        + MetricsText.number(s.threshold()));
            }
        }
        return List.copyOf(out);
    }
}
