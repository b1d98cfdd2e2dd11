package dev.hotfixlog.backup;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import org.postgresql.copy.CopyIn;

/**
 * One table's rows streamed into one {@code COPY} as CSV, sent a megabyte at a time: texts always quoted, so an
 * empty text is not a null; an attachment's bytes as bytea's hex input in chunks, never as one string of twice
 * their size.
 */
final class PostgresCopyWriter implements RestoreRepository.TableWriter {
    private static final int SEND_AT = 1 << 20;
    private static final int HEX_CHUNK = 1 << 15;
    private final CopyIn copy;
    private final ByteArrayOutputStream csv = new ByteArrayOutputStream(SEND_AT + (1 << 16));

    PostgresCopyWriter(CopyIn copy) {
        this.copy = copy;
    }

    @Override
    public void write(List<Object[]> rows) throws SQLException {
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    csv.write(',');
                }
                Object v = row[i];
                if (v instanceof String text) {
                    append("\"" + text.replace("\"", "\"\"") + "\"");
                } else if (v instanceof Boolean b) {
                    csv.write(b ? 't' : 'f');
                } else if (v instanceof byte[] bytes) { // bytea's hex input, no quoting needed
                    append("\\x");
                    for (int from = 0; from < bytes.length; from += HEX_CHUNK) {
                        append(HexFormat.of().formatHex(bytes, from, Math.min(bytes.length, from + HEX_CHUNK)));
                        sendIfFull();
                    }
                } else if (v != null) {
                    append(v.toString()); // a Long or a Double: Java's text of both is PostgreSQL's input
                }
            }
            csv.write('\n');
            sendIfFull();
        }
        send();
    }

    private void append(String s) {
        csv.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private void sendIfFull() throws SQLException {
        if (csv.size() >= SEND_AT) {
            send();
        }
    }

    private void send() throws SQLException {
        if (csv.size() > 0) {
            byte[] bytes = csv.toByteArray();
            copy.writeToCopy(bytes, 0, bytes.length);
            csv.reset();
        }
    }

    @Override
    public void close() throws SQLException {
        copy.endCopy();
    }

    @Override
    public void abandon() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the connection is rolled back (or dropped) next, which ends the copy anyway
        }
    }
}
