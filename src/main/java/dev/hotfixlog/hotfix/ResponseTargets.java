package dev.hotfixlog.hotfix;

import java.time.Duration;

/**
 * The seed's response targets (its "Metrics" section), described once: the record page's timeline measures a record
 * against them and the metrics count how many records met them.
 */
public final class ResponseTargets {
    /** Detection → the team alerted. */
    public static final Duration DETECTION_TO_ALERT = Duration.ofMinutes(5);

    /** Alert → the fix deployed. */
    public static final Duration ALERT_TO_FIX = Duration.ofMinutes(30);

    /** Detection → resolved. */
    public static final Duration TOTAL = Duration.ofMinutes(60);

    private ResponseTargets() {}
}
