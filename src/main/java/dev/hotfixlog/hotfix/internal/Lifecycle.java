package dev.hotfixlog.hotfix.internal;

import dev.hotfixlog.error.ConflictException;
import dev.hotfixlog.hotfix.FollowUp;
import dev.hotfixlog.hotfix.FollowUpDue;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.LifecycleEvent;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.hotfix.Step;
import dev.hotfixlog.hotfix.StepKind;
import java.time.Instant;

/**
 * The lifecycle as a pure function: a record and an event in, the next record out, or a {@link ConflictException}
 * that says why the move is not allowed. Status only moves forward: active → deployed → completed.
 */
final class Lifecycle {
    private Lifecycle() {}

    public static Hotfix apply(Hotfix h, LifecycleEvent event, Instant at, String actor) {
        return apply(h, event, at, actor, FollowUpDue.SEED);
    }

    /** As above; on resolution each open follow-up without a due time gets one from {@code due}. */
    public static Hotfix apply(Hotfix h, LifecycleEvent event, Instant at, String actor, FollowUpDue due) {
        Hotfix.Builder b = h.toBuilder();
        switch (event.type()) {
            case ALERTED -> {
                if (h.timeline().alertedAt() != null) {
                    throw new ConflictException(h.id() + " was already alerted at "
                            + h.timeline().alertedAt() + "; to correct that time, edit alertedAt");
                }
                b.timeline(h.timeline().withAlertedAt(at));
                tick(h, b, StepKind.ALERT_TEAM, at, actor);
            }
            case DEPLOYED -> {
                requireStatus(h, Status.ACTIVE, "deployed");
                b.status(Status.DEPLOYED).timeline(h.timeline().withFixDeployedAt(at));
                tick(h, b, StepKind.MINIMAL_CHANGE, at, actor);
                tick(h, b, StepKind.DEPLOY_WITH_MONITORING, at, actor);
            }
            case RESOLVED -> {
                if (h.status() == Status.ACTIVE && !event.withoutDeploy()) {
                    throw new ConflictException(h.id() + " is still active: no fix was deployed. Mark it deployed "
                            + "first, or resolve it with withoutDeploy=true if it ended without a fix "
                            + "(it went away, or it was rolled back)");
                }
                requireNotCompleted(h, "resolved");
                b.status(Status.COMPLETED).timeline(h.timeline().withResolvedAt(at));
                tick(h, b, StepKind.COMPLETE_LOG, at, actor);
                due.afterResolution().forEach((kind, after) -> {
                    FollowUp f = h.followUps().get(kind);
                    if (f.dueAt() == null && !f.done()) {
                        b.followUp(kind, f.withDueAt(at.plus(after)));
                    }
                });
            }
            default -> throw new IllegalStateException("unhandled event " + event.type());
        }
        return b.build();
    }

    private static void tick(Hotfix h, Hotfix.Builder b, StepKind kind, Instant at, String actor) {
        if (!h.steps().get(kind).done()) {
            b.step(kind, Step.doneAt(at, kind == StepKind.QUICK_REVIEW ? null : actor));
        }
    }

    private static void requireStatus(Hotfix h, Status wanted, String event) {
        requireNotCompleted(h, event);
        if (h.status() != wanted) {
            throw new ConflictException(h.id() + " is already " + h.status().json()
                    + (h.timeline().fixDeployedAt() != null
                            ? " (fix deployed at " + h.timeline().fixDeployedAt() + ")"
                            : "")
                    + "; '" + event + "' applies to an " + wanted.json() + " hotfix only");
        }
    }

    private static void requireNotCompleted(Hotfix h, String event) {
        if (h.status() == Status.COMPLETED) {
            throw new ConflictException(
                    h.id() + " is completed (resolved at " + h.timeline().resolvedAt() + "); '" + event
                            + "' would move it backwards, and status only moves forward");
        }
    }
}
