package dev.hotfixlog.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotfixlog.error.ValidationException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Times and durations as people type them. */
class TimeTextTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2026-10-04T02:17:00Z      | 2026-10-04T02:17:00Z",
                "2026-10-04T02:17Z         | 2026-10-04T02:17:00Z",
                "2026-10-04 02:17          | 2026-10-04T02:17:00Z",
                "2026-10-04T04:17:00+02:00 | 2026-10-04T02:17:00Z",
                "2026-10-04T04:17+0200     | 2026-10-04T02:17:00Z",
                "2026-10-04T02:17:00.1234Z | 2026-10-04T02:17:00.123Z",
                "2026-10-04                | 2026-10-04T00:00:00Z"
            })
    void instants_withOrWithoutSecondsOrZone(String text, String expected) {
        assertThat(TimeText.parseInstant("at", text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "45 min | PT45M",
                "1h 30m | PT1H30M",
                "2 hours | PT2H",
                "1 hour 10 minutes | PT1H10M",
                "38 minutes | PT38M",
                "PT25M | PT25M",
                "90s | PT1M30S",
                "1.5 hours | PT1H30M",
                "1 day | PT24H"
            })
    void durations_inWordsOrIso(String text, String expected) {
        assertThat(TimeText.parseDuration("duration", text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "PT38M | 38 minutes",
                "PT1H10M | 1 hour 10 minutes",
                "PT25S | 25 seconds",
                "PT2H | 2 hours",
                "PT0S | 0 minutes",
                "-PT5M | -5 minutes"
            })
    void human_writesDurationsAsPeopleDo(String iso, String expected) {
        assertThat(TimeText.human(Duration.parse(iso))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"about an hour", "45", "soon", "1 fortnight"})
    void nonsenseDurations_nameTheFieldAndTheFix(String text) {
        assertThatThrownBy(() -> TimeText.parseDuration("duration", text))
                .isInstanceOf(ValidationException.class)
                .hasMessage("duration: '" + text + "' is not a duration; write e.g. 45 min, 1h 30m, 2 hours or "
                        + "PT1H30M");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"yesterday", "2026-13-40", "02:17"})
    void nonsenseTimes_nameTheField(String text) {
        assertThatThrownBy(() -> TimeText.parseInstant("detectedAt", text))
                .isInstanceOf(ValidationException.class)
                .hasMessage("detectedAt: '" + text + "' is not a time; expected ISO-8601 like 2026-10-04T02:17:00Z "
                        + "(a time without a zone is read as UTC), now, or 10 min ago");
    }
}
