package dev.hotfixlog.hotfix.internal;

import dev.hotfixlog.hotfix.FollowUp;
import dev.hotfixlog.hotfix.FollowUpKind;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.Step;
import dev.hotfixlog.hotfix.StepKind;
import java.time.Instant;
import java.util.Map;

/**
 * Fills in the "when" (and "who") of a step or follow-up that a person just ticked without saying when, so a
 * checkbox click records the moment it happened.
 */
final class TickStamps {
    private TickStamps() {}

    public static Hotfix stampNewlyDone(Hotfix before, Hotfix after, Instant now, String actor) {
        Hotfix.Builder b = null; // only when something is stamped: building checks the whole record again
        for (Map.Entry<StepKind, Step> e : after.steps().entrySet()) {
            Step s = e.getValue();
            boolean wasDone = before != null && before.steps().get(e.getKey()).done();
            if (s.done() && s.at() == null && !wasDone) {
                String by = s.by() != null || e.getKey() == StepKind.QUICK_REVIEW ? s.by() : actor;
                b = b == null ? after.toBuilder() : b;
                b.step(e.getKey(), Step.doneAt(now, by));
            }
        }
        for (Map.Entry<FollowUpKind, FollowUp> e : after.followUps().entrySet()) {
            FollowUp f = e.getValue();
            boolean wasDone =
                    before != null && before.followUps().get(e.getKey()).done();
            if (f.done() && f.doneAt() == null && !wasDone) {
                b = b == null ? after.toBuilder() : b;
                b.followUp(e.getKey(), new FollowUp(f.description(), f.owner(), f.dueAt(), true, now, f.link()));
            }
        }
        return b == null ? after : b.build();
    }
}
