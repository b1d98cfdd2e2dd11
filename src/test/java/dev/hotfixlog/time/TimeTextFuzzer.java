package dev.hotfixlog.time;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hotfixlog.support.Fuzzing;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;

/** The one time reader: any text is a time within -9999..9999, a duration within 100 years, or a 422. */
@Tag("slow")
class TimeTextFuzzer {
    private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");

    @FuzzTest(maxDuration = "5s")
    void anyText_isABoundedTimeOrARefusal(byte[] input) throws Exception {
        String text = Fuzzing.text(input);
        Fuzzing.refusesOnlyWithOwnErrors(
                () -> assertThat(TimeText.parseInstant("at", text, NOW)).isBetween(TimeText.EARLIEST, TimeText.LATEST));
        Fuzzing.refusesOnlyWithOwnErrors(
                () -> assertThat(TimeText.parseDuration("duration", text)).isBetween(Duration.ZERO, TimeText.LONGEST));
        Fuzzing.refusesOnlyWithOwnErrors(
                () -> assertThat(TimeText.parseDate("due", text).getYear()).isBetween(-9999, 9999));
    }
}
