package dev.hotfixlog.backup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A row's canonical line: a JSON array of its portable values, in UTF-8, as the archive holds it and as its hash
 * is taken. One generator and two buffers are reused from row to row (a backup writes hundreds of thousands): a
 * generator, a string and its UTF-8 copy made for every row cost a backup of 450,000 rows about a third of its
 * time (bench/backup.sh). The bytes are those of {@code String.getBytes(UTF_8)} of Jackson's character output, as
 * every archive so far was written and hashed: Jackson's UTF-8 generator would escape characters outside the BMP
 * instead, and the hashes of existing archives would no longer match. Not thread-safe: one per reading thread.
 */
final class RowLine {
    private static final JsonFactory JSON = new JsonFactory();
    private final Chars chars = new Chars();
    private final JsonGenerator generator;
    // As String.getBytes(UTF_8): a lone surrogate becomes '?'.
    private final CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer bytes = ByteBuffer.allocate(1 << 12);

    RowLine() {
        try {
            generator = JSON.createGenerator(chars);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        generator.setRootValueSeparator(null); // each row is a line of its own, not a value after a space
    }

    /** Encodes {@code row}; its bytes are {@link #bytes()} up to {@link #length()}, until the next call. */
    RowLine of(Object[] row) {
        chars.count = 0;
        try {
            JsonGenerator g = generator;
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
                } else if (v instanceof byte[] b) {
                    g.writeString(Base64.getEncoder().encodeToString(b));
                } else {
                    g.writeString((String) v);
                }
            }
            g.writeEndArray();
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        encode();
        return this;
    }

    byte[] bytes() {
        return bytes.array();
    }

    int length() {
        return bytes.position();
    }

    /** The line as text (tests and messages). */
    @Override
    public String toString() {
        return new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
    }

    private void encode() {
        char[] c = chars.buf;
        int n = chars.count;
        if (bytes.capacity() < n * 3) {
            bytes = ByteBuffer.allocate(Math.max(n * 3, bytes.capacity() * 2));
        }
        bytes.clear();
        byte[] out = bytes.array();
        int i = 0;
        while (i < n && c[i] < 0x80) { // the usual line is ASCII throughout
            out[i] = (byte) c[i];
            i++;
        }
        bytes.position(i);
        if (i < n) {
            utf8.reset();
            CoderResult r = utf8.encode(CharBuffer.wrap(c, i, n - i), bytes, true);
            if (!r.isUnderflow()) {
                throw new IllegalStateException("a row's line did not fit three bytes a character: " + r);
            }
            utf8.flush(bytes);
        }
    }

    /** The generator's output, kept for the next row rather than copied into a string. */
    private static final class Chars extends Writer {
        char[] buf = new char[1 << 12];
        int count;

        @Override
        public void write(char[] cbuf, int off, int len) {
            if (count + len > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + len));
            }
            System.arraycopy(cbuf, off, buf, count, len);
            count += len;
        }

        @Override
        public void write(int c) {
            write(new char[] {(char) c}, 0, 1);
        }

        @Override
        public void write(String s, int off, int len) {
            if (count + len > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + len));
            }
            s.getChars(off, off + len, buf, count);
            count += len;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
