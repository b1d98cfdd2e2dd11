package dev.hotfixlog.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The seed-000 checklist on write-ups that answer it and on the ways write-ups usually fail it. */
class LegibilityTest {
    private static Legibility of(String summary, String constraint, String signal, String boundary, String rule) {
        return Legibility.of(
                summary, constraint, signal, boundary, rule, "Configuration rollout", Bucket.RELEASE_VALIDATION_LOOP);
    }

    private static boolean passed(Legibility g, String key) {
        return g.checks().stream()
                .filter(c -> c.key().equals(key))
                .findFirst()
                .orElseThrow()
                .passed();
    }

    @Test
    void aWriteUpInConstraintsAndRules_isLegible() {
        Legibility g = of(
                "A transaction waiting on an HTTP reply holds its pool slot; twelve daemons were enough to "
                        + "push the backend to 502.",
                "Every enricher held a PgBouncer connection open while waiting on a third-party API, so the pool "
                        + "was exhausted without any query running.",
                "PgBouncer's cl_waiting dropped from 140 to 0 and the 502 rate on /api returned to 0.1%.",
                "Enricher daemons (data team) own the transaction scope; the platform team owns the pool size.",
                "Commit before async I/O: never hold a transaction open across a network call.");
        assertThat(g.missing()).isEmpty();
        assertThat(g.legible()).isTrue();
    }

    @Test
    void aTimeline_isFlaggedWithHowManySentencesTellTime() {
        Legibility g = of(
                "At 02:14 the pager went off. Then we looked at the dashboards. After that Priya restarted "
                        + "the pods. Finally at 03:10 things were calm again.",
                "It was the middle of the night.",
                "The graphs looked fine at 03:10.",
                "Ops and backend.",
                "Restart pods when it happens.");
        assertThat(passed(g, "notTimeline")).isFalse();
        assertThat(g.missing())
                .extracting(Legibility.Check::advice)
                .anyMatch(a -> a.contains("of 8 sentences tell when things happened"));
    }

    @Test
    void oneTimeInACarefulWriteUp_isNotATimeline() {
        Legibility g = of(
                "Config pushed at 14:00 reached every region in 40 s; nothing stopped a bad value.",
                "A global config push has no staged rollout.",
                "The 5xx rate alert fired within 2 minutes.",
                "The config service team owns staging.",
                "Ship config through a canary region first.");
        assertThat(passed(g, "notTimeline")).isTrue();
    }

    @Test
    void missingDimensions_areNamed_andEmptyTextIsNotAnAnswer() {
        Legibility g = Legibility.of(null, "   ", null, "x", null, null, null);
        assertThat(g.missing())
                .extracting(Legibility.Check::key)
                .contains(
                        "constraint",
                        "signal",
                        "boundary",
                        "operatingRule",
                        "category",
                        "bucket",
                        "observableSignal",
                        "rule");
        assertThat(g.checks().stream()
                        .filter(c -> c.key().equals("boundary"))
                        .findFirst()
                        .orElseThrow()
                        .advice())
                .startsWith("Too short");
        assertThat(passed(g, "notTimeline"))
                .as("nothing written is not a timeline")
                .isTrue();
    }

    @Test
    void aSignalThatSaysWhatWasDone_isNotObservable() {
        assertThat(passed(of("s", "c", "We fixed the code and deployed it.", "b", "Always deploy"), "observableSignal"))
                .isFalse();
        assertThat(passed(
                        of("s", "c", "Checkout p99 latency back under 800 ms", "b", "Always deploy"),
                        "observableSignal"))
                .isTrue();
        assertThat(passed(
                        of("s", "c", "Users stopped reporting blank players", "b", "Always deploy"),
                        "observableSignal"))
                .isTrue();
    }

    @Test
    void aRuleWrittenAsAStory_isNotARule() {
        assertThat(passed(of("s", "c", "alert", "b", "We restarted the pods and it worked."), "rule"))
                .isFalse();
        assertThat(passed(of("s", "c", "alert", "b", "Finalise status per container, not per batch."), "rule"))
                .isTrue();
        assertThat(passed(of("s", "c", "alert", "b", "No config change ships without a canary."), "rule"))
                .isTrue();
        assertThat(passed(of("s", "c", "alert", "b", "Cache refreshes take a per-key lock."), "rule"))
                .isTrue();
        assertThat(passed(of("s", "c", "alert", "b", "The daemon was restarted."), "rule"))
                .isFalse();
    }
}
