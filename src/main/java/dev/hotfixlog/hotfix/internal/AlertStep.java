package dev.hotfixlog.hotfix.internal;

import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.Step;
import dev.hotfixlog.hotfix.StepKind;
import dev.hotfixlog.hotfix.web.HotfixView;
import java.time.Instant;
import java.util.Objects;

/**
 * The "Alert team" step and the alert time are one fact, whichever way it is told: the Alerted button, the box,
 * or an edit of {@code alertedAt}. Ticking the box stamps the alert time; setting the time ticks the box; clearing
 * the time unticks it. Unticking the box alone while the time stands is refused with the way to undo it, so a
 * button and a box can never disagree.
 */
final class AlertStep {
    private AlertStep() {}

    public static Hotfix keepInStep(Hotfix before, Hotfix after) {
        Step step = after.steps().get(StepKind.ALERT_TEAM);
        Instant alerted = after.timeline().alertedAt();
        boolean stepChanged = before.steps().get(StepKind.ALERT_TEAM).done() != step.done();
        boolean timeChanged = !Objects.equals(before.timeline().alertedAt(), alerted);
        if (alerted != null && !step.done()) {
            if (!timeChanged) {
                throw ValidationException.of(
                        "steps.alertTeam.done",
                        "the team was alerted at "
                                + HotfixView.time(alerted)
                                + ": the box and the alert time are one fact; to undo both, clear"
                                + " the alert time (alertedAt)");
            }
            return after.toBuilder()
                    .step(StepKind.ALERT_TEAM, Step.doneAt(alerted, step.by()))
                    .build();
        }
        if (alerted == null && step.done()) {
            if (timeChanged && !stepChanged) {
                return after.toBuilder().step(StepKind.ALERT_TEAM, Step.OPEN).build();
            }
            Instant at = step.at() == null ? after.updatedAt() : step.at();
            Instant latest = after.timeline().fixDeployedAt() != null
                    ? after.timeline().fixDeployedAt()
                    : after.timeline().resolvedAt();
            if (latest != null && at.isAfter(latest)) {
                at = latest; // ticked late: the team was alerted no later than the fix went out
            }
            return after.toBuilder()
                    .timeline(after.timeline().withAlertedAt(at))
                    .build();
        }
        return after;
    }
}
