package dev.hotfixlog.metrics;

import java.time.Instant;

/**
 * A warning sign evaluated now: built-in ones are computed from the log, external ones carry the last value
 * pushed through the API. {@code direction} says which side of the threshold is a breach: {@code above} or
 * {@code below}. {@code value} is null for a sign the team wrote down (in its Markdown page) that has no value
 * yet; {@code thresholdText} is then the threshold in the page's words ("over 1000 for 5 minutes"), and
 * {@code threshold} the number read from it, or NaN when it names none.
 */
public record SignReading(
        String name,
        String description,
        Double value,
        double threshold,
        String direction,
        boolean builtIn,
        Instant updatedAt,
        String thresholdText) {
    public SignReading(
            String name,
            String description,
            Double value,
            double threshold,
            String direction,
            boolean builtIn,
            Instant updatedAt) {
        this(name, description, value, threshold, direction, builtIn, updatedAt, null);
    }

    /** Where the sign comes from, as the pages say it. */
    public String source() {
        return builtIn ? "the log" : thresholdText != null ? "the log page" : "API";
    }

    /** The threshold as a reader wants it: the page's words when the team wrote them, else side and number. */
    public String thresholdShown() {
        return thresholdText != null ? thresholdText : direction + " " + MetricsText.number(threshold);
    }

    public boolean breached() {
        return value != null && (direction.equals("below") ? value < threshold : value > threshold);
    }
}
