package dev.hotfixlog.hotfix.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixJson;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.json.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The record page's timeline judges a step still waiting against the page's time: once its target has fallen it
 * is over target, in words (an independent tester found an alert two hours late shown as "target falls at" a time
 * long past, in the neutral colour of one still to come). A step that cannot start yet says what it waits for.
 */
class RecordTimelineTest {
    private static final Instant T = Instant.parse("2026-10-04T08:00:00Z");

    private static Hotfix detectedAt(String at) {
        return HotfixJson.read(
                Json.parseObject(
                        "{\"title\":\"Checkout 502\",\"severity\":\"critical\",\"detectedAt\":\"" + at + "\"}"),
                new HotfixJson.Identity(new HotfixId(15), Status.ACTIVE, 1, T, T, List.of()));
    }

    @Test
    void anAlertStillAwaitedPastItsTarget_isOverTarget_inWords() {
        RecordTimeline tl = RecordTimeline.of(detectedAt("2026-10-04T08:00:00Z"), List.of(), T.plusSeconds(7_200));

        RecordTimeline.Leg alert = tl.legs().get(0);
        assertThat(alert.state()).isEqualTo("over");
        assertThat(alert.verdict()).startsWith("over target: not yet, ").contains("past the target at");
        assertThat(tl.legs().get(2).state())
                .as("the whole duration, an hour's target")
                .isEqualTo("over");
        assertThat(tl.legs().get(1).verdict()).isEqualTo("starts at the alert");
    }

    @Test
    void anAlertAwaitedWithinItsTarget_isStillRunning() {
        RecordTimeline tl = RecordTimeline.of(detectedAt("2026-10-04T08:00:00Z"), List.of(), T.plusSeconds(120));

        assertThat(tl.legs().get(0).state()).isEqualTo("running");
        assertThat(tl.legs().get(0).verdict()).startsWith("target falls at");
    }
}
