package dev.hotfixlog.hotfix.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotfixlog.error.ConflictException;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.FollowUp;
import dev.hotfixlog.hotfix.FollowUpKind;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.LifecycleEvent;
import dev.hotfixlog.hotfix.Severity;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.hotfix.Step;
import dev.hotfixlog.hotfix.StepKind;
import dev.hotfixlog.hotfix.Timeline;
import dev.hotfixlog.hotfix.Triage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Lifecycle moves as a pure function: forward only, each stamping its time and ticking its steps. */
class LifecycleTest {
    private static final Instant T0 = Instant.parse("2026-10-04T02:17:00Z");

    private static Hotfix active() {
        return new Hotfix(
                new HotfixId(3),
                "Checkout 502",
                Severity.CRITICAL,
                "Priya",
                null,
                Timeline.EMPTY.withDetectedAt(T0),
                Status.ACTIVE,
                new Triage(true, false),
                null,
                null,
                null,
                null,
                1,
                T0,
                T0,
                null);
    }

    private static LifecycleEvent event(LifecycleEvent.Type type) {
        return new LifecycleEvent(type, null, false);
    }

    @Test
    void deployed_movesActiveToDeployed_andTicksTheChangeAndDeploySteps() {
        Hotfix h = Lifecycle.apply(active(), event(LifecycleEvent.Type.DEPLOYED), T0.plusSeconds(1800), "Priya");
        assertThat(h.status()).isEqualTo(Status.DEPLOYED);
        assertThat(h.timeline().fixDeployedAt()).isEqualTo(T0.plusSeconds(1800));
        assertThat(h.steps().get(StepKind.MINIMAL_CHANGE)).isEqualTo(Step.doneAt(T0.plusSeconds(1800), "Priya"));
        assertThat(h.steps().get(StepKind.DEPLOY_WITH_MONITORING).done()).isTrue();
        assertThat(h.steps().get(StepKind.QUICK_REVIEW).done()).isFalse();
    }

    @Test
    void resolved_setsThePostmortemDue48HoursLater_unlessAlreadyScheduled() {
        Hotfix deployed = Lifecycle.apply(active(), event(LifecycleEvent.Type.DEPLOYED), T0.plusSeconds(60), "p");
        Hotfix done = Lifecycle.apply(deployed, event(LifecycleEvent.Type.RESOLVED), T0.plusSeconds(3600), "p");
        assertThat(done.status()).isEqualTo(Status.COMPLETED);
        assertThat(done.followUps().get(FollowUpKind.POSTMORTEM).dueAt())
                .isEqualTo(T0.plusSeconds(3600).plus(Duration.ofHours(48)));
        assertThat(done.timeline().total()).isEqualTo(Duration.ofHours(1));

        Instant agreed = T0.plus(Duration.ofDays(1));
        Hotfix scheduled = deployed.toBuilder()
                .followUp(FollowUpKind.POSTMORTEM, FollowUp.OPEN.withDueAt(agreed))
                .build();
        assertThat(Lifecycle.apply(scheduled, event(LifecycleEvent.Type.RESOLVED), T0.plusSeconds(3600), "p")
                        .followUps()
                        .get(FollowUpKind.POSTMORTEM)
                        .dueAt())
                .isEqualTo(agreed);
    }

    @Test
    void alertedTwice_isAConflict_thatSaysHowToCorrectTheTime() {
        Hotfix alerted = Lifecycle.apply(active(), event(LifecycleEvent.Type.ALERTED), T0, "p");
        assertThatThrownBy(() -> Lifecycle.apply(alerted, event(LifecycleEvent.Type.ALERTED), T0, "p"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("HOTFIX-003 was already alerted at 2026-10-04T02:17:00Z; to correct that time, edit "
                        + "alertedAt");
    }

    @Test
    void anEventBeforeDetection_isRefusedNamingTheField() {
        assertThatThrownBy(
                        () -> Lifecycle.apply(active(), event(LifecycleEvent.Type.DEPLOYED), T0.minusSeconds(60), "p"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("fixDeployedAt: must not be before detectedAt (2026-10-04T02:16:00Z is before "
                        + "2026-10-04T02:17:00Z)");
    }

    @Test
    void withoutDeploy_isOnlyForResolved() {
        assertThatThrownBy(() -> new LifecycleEvent(LifecycleEvent.Type.DEPLOYED, null, true))
                .isInstanceOf(ValidationException.class)
                .hasMessage("withoutDeploy: only applies to the 'resolved' event");
    }

    @Test
    void triage_followsTheSeedDecisionTree() {
        assertThat(new Triage(false, null).outcome()).isEqualTo(Triage.Outcome.NORMAL);
        assertThat(new Triage(false, false).outcome()).isEqualTo(Triage.Outcome.NORMAL);
        assertThat(new Triage(true, true).outcome()).isEqualTo(Triage.Outcome.EXPEDITED);
        assertThat(new Triage(true, false).outcome()).isEqualTo(Triage.Outcome.HOTFIX);
        assertThat(new Triage(true, null).outcome()).isNull();
        assertThat(Triage.UNANSWERED.outcome()).isNull();
    }
}
