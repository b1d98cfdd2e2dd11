package dev.hotfixlog.notify;

import java.util.List;

/**
 * A warning sign past its threshold, as the notifications see it. {@code App} feeds these from the metrics
 * feature ({@link Source}), so this package does not know how signs are computed.
 */
public record SignAlarm(String name, String description, double value, double threshold, String direction) {
    /** The signs breached now. */
    @FunctionalInterface
    public interface Source {
        Source NONE = List::of;

        List<SignAlarm> breached();
    }
}
