package dev.hotfixlog.backup;

import dev.hotfixlog.error.ValidationException;
import java.io.IOException;
import java.io.Reader;

/**
 * An archive's lines, each at most {@link #MAX_LINE_CHARS} characters: a line longer than any archive holds is
 * refused when it gets there, before it fills memory (a 3 MB gzip of one 3 GB line made {@code verify} die of
 * OutOfMemoryError). The longest real line is an attachment's bytes in base64: at most
 * {@code HOTFIX_ATTACH_MAX_FILE}, itself at most {@link Backups#MAX_ATTACHMENT_BYTES}. Lines end at {@code \n} (an
 * archive escapes every other line break inside its JSON); a {@code \r} before it is dropped, as
 * {@code BufferedReader} did.
 */
final class BoundedLines implements AutoCloseable {
    /** Base64 of the largest attachment, and room for the row's other columns. */
    static final int MAX_LINE_CHARS = (int) (Backups.MAX_ATTACHMENT_BYTES / 3 * 4 + (4L << 20));

    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int end;
    private boolean eof;
    private long lineNo;

    BoundedLines(Reader in) {
        this.in = in;
    }

    /** The next line without its end, or null after the last. */
    String readLine() throws IOException {
        StringBuilder line = null;
        while (true) {
            if (pos == end) {
                if (eof) {
                    return line == null ? null : done(line);
                }
                int n = in.read(buf, 0, buf.length);
                pos = 0;
                end = Math.max(n, 0);
                eof = n < 0;
                continue;
            }
            int start = pos;
            while (pos < end && buf[pos] != '\n') {
                pos++;
            }
            if (line == null) {
                line = new StringBuilder(Math.max(16, pos - start));
            }
            if ((long) line.length() + (pos - start) > MAX_LINE_CHARS) {
                throw ValidationException.of(
                        "archive",
                        "line " + (lineNo + 1) + " is longer than " + MAX_LINE_CHARS
                                + " characters, more than any archive holds (an attachment is at most "
                                + Backups.MAX_ATTACHMENT_BYTES + " bytes): not an archive of this log");
            }
            line.append(buf, start, pos - start);
            if (pos < end) {
                pos++; // the \n
                return done(line);
            }
        }
    }

    private String done(StringBuilder line) {
        lineNo++;
        int n = line.length();
        return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
