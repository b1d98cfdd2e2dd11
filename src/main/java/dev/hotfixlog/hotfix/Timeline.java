package dev.hotfixlog.hotfix;

import java.time.Duration;
import java.time.Instant;

/**
 * The four moments of an emergency and the durations the seed's success metrics are made of.
 *
 * <p>{@code explicitDuration} keeps a total written down when the moments are not known (an imported
 * "Duration: 38 minutes"); a total computed from {@code detectedAt} and {@code resolvedAt} wins over it.
 * {@code alertsClearedAt} is when the monitoring that raised the hotfix said every one of its alerts had
 * resolved (the incoming alert it was declared from): a validation signal from outside, never a resolution.
 * Alert → fix deployed can be negative when a team fixed first and told people afterwards; it is reported as
 * it happened rather than hidden.
 */
public record Timeline(
        Instant detectedAt,
        Instant alertedAt,
        Instant fixDeployedAt,
        Instant resolvedAt,
        Duration explicitDuration,
        Instant alertsClearedAt) {
    public static final Timeline EMPTY = new Timeline(null, null, null, null, null, null);

    /** A timeline whose monitoring has not (or not yet) said its alerts cleared. */
    public Timeline(
            Instant detectedAt,
            Instant alertedAt,
            Instant fixDeployedAt,
            Instant resolvedAt,
            Duration explicitDuration) {
        this(detectedAt, alertedAt, fixDeployedAt, resolvedAt, explicitDuration, null);
    }

    public Duration detectionToAlert() {
        return between(detectedAt, alertedAt);
    }

    public Duration alertToFixDeployed() {
        return between(alertedAt, fixDeployedAt);
    }

    /** Detection to resolution, else the explicit duration, else null. */
    public Duration total() {
        Duration computed = between(detectedAt, resolvedAt);
        return computed != null ? computed : explicitDuration;
    }

    public Timeline withDetectedAt(Instant at) {
        return new Timeline(at, alertedAt, fixDeployedAt, resolvedAt, explicitDuration, alertsClearedAt);
    }

    public Timeline withAlertedAt(Instant at) {
        return new Timeline(detectedAt, at, fixDeployedAt, resolvedAt, explicitDuration, alertsClearedAt);
    }

    public Timeline withFixDeployedAt(Instant at) {
        return new Timeline(detectedAt, alertedAt, at, resolvedAt, explicitDuration, alertsClearedAt);
    }

    public Timeline withResolvedAt(Instant at) {
        return new Timeline(detectedAt, alertedAt, fixDeployedAt, at, explicitDuration, alertsClearedAt);
    }

    private static Duration between(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to);
    }
}
