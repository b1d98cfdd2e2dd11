package dev.hotfixlog.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The one time reader, over generated text and the extremes: whatever comes in is a time within the years -9999
 * to 9999 (which epoch milliseconds hold), a duration within 100 years, or a 422 naming the field; never
 * another exception (an overflow, a parse error that escaped, a time the pages cannot show).
 */
class TimeTextProperties {
    private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");

    /** The extremes: java.time's own, epoch milliseconds', the calendar's, the offsets', the grammar's. */
    private static final List<String> EXTREMES = List.of(
            "+999999999-01-01T00:00:00Z",
            "-999999999-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59.999999999Z",
            "9999-12-31T23:59:59.999999999Z",
            "+10000-01-01T00:00:00Z",
            "10000-01-01T00:00:00Z",
            "-10000-01-01T00:00:00Z",
            "-9999-01-01T00:00:00Z",
            "-0001-12-31T23:59:59Z",
            "0000-01-01T00:00:00Z",
            "0001-01-01T00:00:00Z",
            "0000-12-31T23:59:59.999Z",
            Instant.ofEpochMilli(Long.MAX_VALUE).toString(),
            Instant.ofEpochMilli(Long.MIN_VALUE).toString(),
            Instant.ofEpochMilli(Long.MAX_VALUE).plusMillis(1).toString(),
            Instant.MAX.toString(),
            Instant.MIN.toString(),
            "2026-12-31T23:59:60Z",
            "2016-12-31T23:59:60.000Z",
            "2026-10-04T02:17:00+18:00",
            "2026-10-04T02:17:00-18:00",
            "2026-10-04T02:17:00+18:01",
            "2026-10-04T02:17:00-00:00",
            "2026-10-04T02:17:00+2400",
            "0001-01-01T00:00:00+18:00",
            "9999-12-31T23:59:59-18:00",
            "99999999999 min ago",
            "99999999999999999999999999 days ago",
            "1e309 h ago",
            "36601 days ago",
            "36600 days ago",
            "0 min ago",
            "now",
            "NOW",
            " ago",
            "ago",
            "-5 min ago",
            "P99999999999D",
            "PT99999999999999999999H",
            "2026-02-29",
            "2024-02-29",
            "2026-02-30T00:00Z",
            "+2026-10-04T02:17Z",
            "2026-10-04T02:17:00.123456789012Z",
            "T".repeat(5_000) + "+0000",
            "1".repeat(100_000),
            "");

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> pieces = Arbitraries.of(
                        "",
                        " ",
                        "T",
                        "Z",
                        "z",
                        ":",
                        "-",
                        "+",
                        ".",
                        ",",
                        "0",
                        "1",
                        "9",
                        "12",
                        "60",
                        "99",
                        "2026",
                        "9999",
                        "10000",
                        "+999999999",
                        "-999999999",
                        "-10-04",
                        "02:17",
                        "23:59:60",
                        "+18:00",
                        "-00:00",
                        "+0200",
                        " ago",
                        "now",
                        "min",
                        "h",
                        "days",
                        "P",
                        "PT",
                        "1D",
                        "e",
                        "é",
                        "\u2028")
                .list()
                .ofMaxSize(10)
                .map(l -> String.join("", l));
        Arbitrary<String> any = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40);
        return Arbitraries.oneOf(pieces, pieces, any, Arbitraries.of(EXTREMES));
    }

    @Provide
    Arbitrary<Instant> nows() {
        return Arbitraries.longs()
                .between(TimeText.EARLIEST.toEpochMilli(), TimeText.LATEST.toEpochMilli())
                .map(Instant::ofEpochMilli)
                .edgeCases(e -> e.add(TimeText.EARLIEST).add(TimeText.LATEST));
    }

    @Property(tries = 5000)
    void aTimeIsWithinTheYearsOrRefusedNamingItsField(@ForAll("texts") String text, @ForAll("nows") Instant now) {
        Instant at;
        try {
            at = TimeText.parseInstant("startsAt", text, now);
        } catch (ValidationException e) {
            assertThat(e.errors()).extracting(FieldError::field).containsOnly("startsAt");
            return;
        }
        assertThat(at).isBetween(TimeText.EARLIEST, TimeText.LATEST);
        assertThat(Instant.ofEpochMilli(at.toEpochMilli())).isEqualTo(at);
    }

    @Property(tries = 3000)
    void aDurationIsWithinAHundredYearsOrRefusedNamingItsField(@ForAll("texts") String text) {
        Duration d;
        try {
            d = TimeText.parseDuration("duration", text);
        } catch (ValidationException e) {
            assertThat(e.errors()).extracting(FieldError::field).containsOnly("duration");
            return;
        }
        assertThat(d).isBetween(Duration.ZERO, TimeText.LONGEST);
    }

    @Property(tries = 2000)
    void aDateIsWithinTheYearsOrRefusedNamingItsField(@ForAll("texts") String text) {
        try {
            assertThat(TimeText.parseDate("due", text).getYear()).isBetween(1, 9999);
        } catch (ValidationException e) {
            assertThat(e.errors()).extracting(FieldError::field).containsOnly("due");
        }
    }

    @Example
    void theExtremesAreRefusedAndTheLastMillisecondIsKept() {
        for (String beyond : List.of(
                "+999999999-01-01T00:00:00Z",
                "-999999999-01-01T00:00:00Z",
                "+10000-01-01T00:00:00Z",
                "-10000-01-01T00:00:00Z",
                "-10000-12-31T23:59:59Z",
                Instant.ofEpochMilli(Long.MAX_VALUE).toString(),
                "9999-12-31T23:59:59-18:00")) {
            assertThatThrownBy(() -> TimeText.parseInstant("startsAt", beyond, NOW))
                    .as(beyond)
                    .isInstanceOf(ValidationException.class)
                    .hasMessage("startsAt: '" + beyond + "' is outside the years -9999 to 9999");
        }
        assertThat(TimeText.parseInstant("at", "9999-12-31T23:59:59.999999999Z", NOW))
                .isEqualTo(TimeText.LATEST);
        assertThat(TimeText.parseInstant("at", "-9999-01-01T00:00:00Z", NOW)).isEqualTo(TimeText.EARLIEST);
        assertThat(TimeText.parseInstant("at", "-0001-12-31T23:59:59Z", NOW))
                .isEqualTo(Instant.parse("-0001-12-31T23:59:59Z"));
        assertThat(TimeText.parseInstant("at", "2026-10-04T02:17:00+18:00", NOW))
                .isEqualTo(Instant.parse("2026-10-03T08:17:00Z"));
        assertThat(TimeText.parseInstant("at", "2026-10-04T02:17:00-00:00", NOW))
                .isEqualTo(Instant.parse("2026-10-04T02:17:00Z"));
    }

    @Example
    void relativeTimesAreReadAgainstNowAndBounded() {
        assertThat(TimeText.parseInstant("at", "now", NOW)).isEqualTo(NOW);
        assertThat(TimeText.parseInstant("at", "10 min ago", NOW)).isEqualTo(NOW.minusSeconds(600));
        assertThat(TimeText.parseInstant("at", "2h ago", NOW)).isEqualTo(NOW.minusSeconds(7200));
        assertThatThrownBy(() -> TimeText.parseInstant("at", "99999999999 min ago", NOW))
                .hasMessage("at: '99999999999 min' is longer than 100 years; write the duration it took");
        assertThatThrownBy(() -> TimeText.parseInstant("at", "1 day ago", TimeText.EARLIEST))
                .hasMessage("at: '1 day ago' is outside the years -9999 to 9999");
        assertThatThrownBy(() -> TimeText.parseInstant("detectedAt", "10 min ago"))
                .hasMessage("detectedAt: '10 min ago' is relative; write the time itself, like 2026-10-04T02:17:00Z");
    }

    @Example
    void aLeapSecondAndAnOffsetBeyondEighteenHoursAreNotTimes() {
        for (String odd : List.of("2026-12-31T23:59:60Z", "2026-10-04T02:17:00+18:01", "2026-02-30T00:00Z")) {
            assertThatThrownBy(() -> TimeText.parseInstant("at", odd, NOW))
                    .as(odd)
                    .hasMessage("at: '" + odd + "' is not a time; expected ISO-8601 like 2026-10-04T02:17:00Z (a time "
                            + "without a zone is read as UTC), now, or 10 min ago");
        }
    }
}
