package dev.hotfixlog.hotfix.internal;

import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.Timeline;
import java.time.Instant;
import java.util.Objects;

/**
 * The order a hotfix is lived in, checked when a write of the service changes it: the team is alerted before the
 * fix goes out. Stored, an Alerted time after Fix deployed made "alert to fix" a negative duration in every
 * metric. A rule of writes, not of the record: a record read or imported as it was written keeps whatever order
 * its page states (a check in the record itself would stop an old log from loading).
 */
final class TimelineOrder {
    private TimelineOrder() {}

    /** Refuses {@code after} when this write puts Alerted after Fix deployed; {@code before} is what is stored. */
    static void check(Timeline before, Timeline after) {
        Instant alerted = after.alertedAt();
        Instant deployed = after.fixDeployedAt();
        if (alerted == null || deployed == null || !alerted.isAfter(deployed)) {
            return;
        }
        boolean alertedMoved = !Objects.equals(before.alertedAt(), alerted);
        boolean deployedMoved = !Objects.equals(before.fixDeployedAt(), deployed);
        if (!alertedMoved && !deployedMoved) {
            return; // an order stored before this rule is not this write's to refuse
        }
        if (alertedMoved) {
            throw ValidationException.of(
                    "alertedAt",
                    "would be " + alerted + ", after the fix was deployed (" + deployed + "): the team is alerted "
                            + "before a fix goes out; give the time it was alerted (for example 15 minutes ago, "
                            + "or a clock time such as 02:10), or correct fixDeployedAt");
        }
        throw ValidationException.of(
                "fixDeployedAt",
                "would be " + deployed + ", before the team was alerted (" + alerted + "); give the time the fix "
                        + "went out, or correct alertedAt");
    }
}
