package dev.hotfixlog.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A row's line is byte for byte what every archive so far holds and hashes (Jackson's character output, then
 * {@code String.getBytes(UTF_8)}), however the values look: characters outside the BMP, lone surrogates (which
 * Jackson's own UTF-8 generator would write differently), controls, quotes, and long rows one after another through
 * the same reused buffers; a row with bytes (written value by value, its base64 streamed) as much as one without. An archive taken by an earlier release restores only if its read-back hashes the same.
 */
class RowLineProperties {
    private static final JsonFactory JSON = new JsonFactory();

    @Property(tries = 150)
    void aRowsLine_isTheSameBytesAsTheFirstReleasesOwn(@ForAll("rows") List<Object[]> rows) throws Exception {
        RowLine line = new RowLine();
        for (Object[] row : rows) {
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            line.write(row, written::write);
            byte[] expected = asFirstWritten(row);
            assertThat(written.toByteArray()).as(Arrays.deepToString(row)).isEqualTo(expected);
        }
    }

    /** How the archive's lines were written before RowLine: a generator and a string for every row. */
    private static byte[] asFirstWritten(Object[] row) throws Exception {
        StringWriter s = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(s)) {
            g.writeStartArray();
            for (Object v : row) {
                if (v == null) {
                    g.writeNull();
                } else if (v instanceof Long l) {
                    g.writeNumber(l);
                } else if (v instanceof Double d) {
                    g.writeNumber(d);
                } else if (v instanceof Boolean b) {
                    g.writeBoolean(b);
                } else if (v instanceof byte[] bytes) {
                    g.writeString(Base64.getEncoder().encodeToString(bytes));
                } else {
                    g.writeString((String) v);
                }
            }
            g.writeEndArray();
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Provide
    Arbitrary<List<Object[]>> rows() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings()
                        .withChars(
                                'a', '"', '\\', '\n', '\u0000', '\u001f', '\u2028', 'é', '✓', '\ud83d', '\ude00',
                                '\ud800', '\udfff')
                        .ofMaxLength(30),
                Arbitraries.of("🔥 pool exhausted", "支付数据库", "\ud83d", "x\udc00y", "", "a".repeat(5_000)),
                Arbitraries.strings().ofMinLength(2_000).ofMaxLength(9_000));
        Arbitrary<Object> value = Arbitraries.oneOf(
                text.map(t -> (Object) t),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0d, 1e-300)
                        .map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64).map(b -> (Object) b),
                Arbitraries.bytes()
                        .array(byte[].class)
                        .ofMinSize(20_000)
                        .ofMaxSize(40_000)
                        .map(b -> (Object) b),
                Arbitraries.just(null));
        return value.list().ofMaxSize(12).map(List::toArray).list().ofMinSize(1).ofMaxSize(20);
    }
}
