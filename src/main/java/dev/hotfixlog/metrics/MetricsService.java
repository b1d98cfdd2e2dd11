package dev.hotfixlog.metrics;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Success metrics, emergency types and warning signs; the CLI, the REST API and the dashboard all call this.
 * {@link LocalMetricsService} computes them from the database, {@link MetricsApiClient} asks a server.
 */
public interface MetricsService {
    Metrics compute(MetricsQuery query);

    /**
     * As {@link #compute(MetricsQuery)}, stopping (busy) once {@code stillWanted} says no: its client has gone. A
     * remote server watches its own client; here it is asked only between months of work.
     */
    default Metrics compute(MetricsQuery query, BooleanSupplier stillWanted) {
        return compute(query);
    }

    /**
     * As {@link #compute(MetricsQuery, BooleanSupplier)}, with the figures month by month ({@link Metrics#months()})
     * that only the dashboard draws: three more small queries a month, which the API, the CLI and the metrics
     * benchmark's goals do not pay. Without it {@code months()} is empty.
     */
    default Metrics computeMonthly(MetricsQuery query, BooleanSupplier stillWanted) {
        return compute(query, stillWanted);
    }

    /** Every warning sign evaluated now: built-in ones from the log, external ones from their last value. */
    List<SignReading> signs();

    /**
     * Records an external signal's value: {@code direction} {@code above} (a breach is a value above the
     * threshold) or {@code below}.
     */
    SignReading putSignal(
            String name, String description, double value, double threshold, String direction, String actor);
}
