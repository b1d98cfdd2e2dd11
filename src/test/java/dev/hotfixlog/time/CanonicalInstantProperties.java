package dev.hotfixlog.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The formatter-free reading of the log's own time spelling agrees with java.time's over generated text in and
 * near that shape (any digit or other character in each place, zero to eleven decimals, a wrong separator): the
 * same instant where java.time reads one, and no reading where it refuses (java.time's own reading then decides).
 */
class CanonicalInstantProperties {
    @Property(tries = 5_000)
    void readsWhatJavaTimeReads_andNothingElse(@ForAll("nearlyCanonical") String text) {
        Instant fast = CanonicalInstant.parse(text);
        Instant reference;
        try {
            reference = OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeException e) {
            reference = null;
        }
        if (fast != null) {
            assertThat(fast).as(text).isEqualTo(reference);
        }
    }

    @Property(tries = 2_000)
    void readsEveryInstantTheLogWrites(@ForAll("instants") Instant at) {
        Instant millis = at.truncatedTo(ChronoUnit.MILLIS);
        assertThat(CanonicalInstant.parse(at.toString())).isEqualTo(millis);
        assertThat(CanonicalInstant.parse(millis.toString())).isEqualTo(millis);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs()
                .between(
                        Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                        Instant.parse("9999-12-31T23:59:59Z").getEpochSecond())
                .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)));
    }

    @Provide
    Arbitrary<String> nearlyCanonical() {
        Arbitrary<Character> digitOrNot = Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.chars().range('0', '9')),
                Tuple.of(1, Arbitraries.of('-', ':', 'T', 'Z', '.', ' ', '+', 'a', '٣')));
        Arbitrary<String> number4 = digitOrNot.list().ofSize(4).map(CanonicalInstantProperties::join);
        Arbitrary<String> number2 = digitOrNot.list().ofSize(2).map(CanonicalInstantProperties::join);
        Arbitrary<String> fraction =
                digitOrNot.list().ofMinSize(0).ofMaxSize(11).map(l -> l.isEmpty() ? "" : "." + join(l));
        Arbitrary<String> sep = Arbitraries.frequency(Tuple.of(30, ""), Tuple.of(1, "x"));
        return Combinators.combine(number4, number2, number2, number2, number2, number2, fraction, sep)
                .as((y, mo, d, h, mi, s, f, x) -> y + "-" + mo + "-" + d + "T" + h + ":" + mi + ":" + s + f + x + "Z");
    }

    private static String join(List<Character> chars) {
        StringBuilder b = new StringBuilder();
        chars.forEach(b::append);
        return b.toString();
    }
}
