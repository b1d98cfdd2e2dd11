package dev.hotfixlog.metrics;

import java.time.Instant;

/**
 * A warning sign evaluated now: built-in ones are computed from the log, external ones carry the last value
 * pushed through the API. {@code direction} says which side of the threshold is a breach: {@code above} or
 * {@code below}. {@code value} is null for a sign the team wrote down (in its Markdown page) that has no value.
 */
public record SignReading(String name, String description, Double value, double threshold, String direction,
                          boolean builtIn, Instant updatedAt) {
    public boolean breached() {
        return value != null && (direction.equals("below") ? value < threshold : value > threshold);
    }
}
