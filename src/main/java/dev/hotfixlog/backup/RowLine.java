package dev.hotfixlog.backup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
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
 * is taken. One generator and two buffers are reused from row to row instead of a generator, a string and its
 * UTF-8 copy for every row (the same time within noise, measured on 450,000 rows; less garbage), and a row holding
 * a file is streamed (see {@link #write}). The bytes are those of {@code String.getBytes(UTF_8)} of Jackson's
 * character output, as every archive so far was written and hashed: Jackson's UTF-8 generator would escape
 * characters outside the BMP instead, and the hashes of existing archives would no longer match
 * ({@code RowLineProperties}). Not thread-safe: one per thread.
 */
final class RowLine {
    private static final JsonFactory JSON = new JsonFactory();
    private final Chars chars = new Chars();
    private final JsonGenerator generator;
    // As String.getBytes(UTF_8): a lone surrogate becomes '?'.
    private final CharsetEncoder utf8 = StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer bytes = ByteBuffer.allocate(1 << 12);

    RowLine() {
        try {
            generator = JSON.createGenerator(chars);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        generator.setRootValueSeparator(null); // each row is a line of its own, not a value after a space
    }

    /** Where a line's bytes go, piece by piece (the archive and its hash). */
    interface Sink {
        void put(byte[] b, int off, int len) throws IOException;
    }

    /**
     * Writes {@code row}'s line, without its line end, to {@code sink}. A row holding bytes (an attachment's
     * content) is written value by value, its bytes as base64 a few kilobytes at a time: the line of a 10 MB file
     * would otherwise be held as a string, a character buffer and a byte copy at once (about 90 MB).
     */
    void write(Object[] row, Sink sink) throws IOException {
        boolean bytesInIt = false;
        for (Object v : row) {
            bytesInIt |= v instanceof byte[];
        }
        if (!bytesInIt) {
            of(row);
            sink.put(bytes.array(), 0, bytes.position());
            return;
        }
        put(sink, '[');
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                put(sink, ',');
            }
            if (row[i] instanceof byte[] b) {
                put(sink, '"');
                // Base64 of the whole in chunks the encoder picks; its alphabet needs no JSON escape.
                try (OutputStream base64 = Base64.getEncoder().wrap(new OutputStream() {
                    @Override
                    public void write(int c) throws IOException {
                        put(sink, c);
                    }

                    @Override
                    public void write(byte[] chunk, int off, int len) throws IOException {
                        sink.put(chunk, off, len);
                    }
                })) {
                    base64.write(b);
                }
                put(sink, '"');
            } else {
                chars.count = 0;
                value(generator, row[i]); // a root value of its own: no separator (see the constructor)
                generator.flush();
                encode();
                sink.put(bytes.array(), 0, bytes.position());
            }
        }
        put(sink, ']');
    }

    private final byte[] one = new byte[1];

    private void put(Sink sink, int c) throws IOException {
        one[0] = (byte) c;
        sink.put(one, 0, 1);
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
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

    /** Encodes {@code row} whole; its bytes are {@link #bytes()} up to {@link #length()}, until the next call. */
    RowLine of(Object[] row) {
        chars.count = 0;
        try {
            JsonGenerator g = generator;
            g.writeStartArray();
            for (Object v : row) {
                value(g, v);
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
        reserve(0, n); // ASCII (most lines; an attachment's base64 always) takes a byte a character
        byte[] out = bytes.array();
        int i = 0;
        while (i < n && c[i] < 0x80) {
            out[i] = (byte) c[i];
            i++;
        }
        bytes.position(i);
        if (i < n) {
            reserve(i, (long) i + 3L * (n - i)); // at most three bytes for each character left
            utf8.reset();
            CoderResult r = utf8.encode(CharBuffer.wrap(c, i, n - i), bytes, true);
            if (!r.isUnderflow()) {
                throw new IllegalStateException("a row's line did not fit three bytes a character: " + r);
            }
            utf8.flush(bytes);
        }
    }

    /** Room for {@code needed} bytes, keeping the first {@code kept}; position and limit as after clear(). */
    private void reserve(int kept, long needed) {
        if (needed > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a row's line is larger than an array can hold: " + needed + " bytes");
        }
        if (bytes.capacity() < needed) {
            ByteBuffer larger =
                    ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, bytes.capacity() * 2L)));
            System.arraycopy(bytes.array(), 0, larger.array(), 0, kept);
            bytes = larger;
        }
        if (kept == 0) {
            bytes.clear();
        } else {
            bytes.limit(bytes.capacity());
            bytes.position(kept);
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
        public void flush() {}

        @Override
        public void close() {}
    }
}
