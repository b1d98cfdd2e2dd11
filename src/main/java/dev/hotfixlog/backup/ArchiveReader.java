package dev.hotfixlog.backup;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.json.Json;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads an archive line by line, gzip'd or plain, and tells a {@link Listener} what it holds in file order: each
 * table's columns, its rows typed by those columns in batches bounded by count and characters, and its end once
 * its rows match their own count and hash; last the manifest. The verify and the restore read through it.
 */
final class ArchiveReader {
    private static final int BATCH = 500;
    /** A restore's rows are written at most this many characters of lines at a time (attachments are large). */
    private static final long BATCH_CHARS = 8L << 20;

    private ArchiveReader() {}

    /** What an archive's reader is told, in file order. */
    interface Listener {
        default void header(int schemaVersion) {}

        void table(String name, List<TableShape.Column> columns);

        void rows(String name, List<Object[]> rows);

        void end(String name, Manifest.TableSum sum);

        void manifest(Manifest m);
    }

    /** Reads the archive line by line, checking each table's rows against its own count and hash. */
    static int read(InputStream in, Listener reader) {
        try (BoundedLines r = new BoundedLines(new InputStreamReader(gunzipped(in), StandardCharsets.UTF_8))) {
            String first = r.readLine();
            JsonNode header = first == null ? Json.object() : parse(first, 1);
            if (!Backups.FORMAT.equals(header.path("archive").asText())
                    || header.path("format").asInt() != Backups.FORMAT_VERSION) {
                throw ValidationException.of(
                        "archive", "is not a Hotfix Log archive (format " + Backups.FORMAT_VERSION + ")");
            }
            int version = header.path("schemaVersion").asInt();
            reader.header(version);
            String table = null;
            List<TableShape.Column> columns = null;
            List<Object[]> batch = new ArrayList<>();
            long batchChars = 0;
            TableHash hash = null;
            long lineNo = 1;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                if (line.startsWith("[")) {
                    if (table == null) {
                        throw ValidationException.of("archive", "line " + lineNo + ": a row outside any table");
                    }
                    Object[] values = typed(line, columns, lineNo);
                    hash.add(line); // as written: the values' RowLine (the restore's read-back checks them)
                    batch.add(values);
                    batchChars += line.length();
                    if (batch.size() == BATCH || batchChars >= BATCH_CHARS) {
                        reader.rows(table, batch);
                        batch = new ArrayList<>();
                        batchChars = 0;
                    }
                    continue;
                }
                JsonNode o = parse(line, lineNo);
                if (o.has("table")) {
                    table = o.path("table").asText();
                    columns = new ArrayList<>();
                    for (JsonNode c : o.path("columns")) {
                        columns.add(new TableShape.Column(
                                c.path(0).asText(),
                                TableShape.Type.parse(c.path(1).asText())));
                    }
                    hash = new TableHash();
                    reader.table(table, columns);
                } else if (o.has("end")) {
                    if (table == null || !table.equals(o.path("end").asText())) {
                        throw ValidationException.of("archive", "line " + lineNo + ": the end of a table never begun");
                    }
                    if (!batch.isEmpty()) {
                        reader.rows(table, batch);
                        batch = new ArrayList<>();
                        batchChars = 0;
                    }
                    Manifest.TableSum sum = hash.sum();
                    Manifest.TableSum said = new Manifest.TableSum(
                            o.path("rows").asLong(), o.path("sha256").asText());
                    if (!sum.equals(said)) {
                        throw ValidationException.of(
                                "archive",
                                "table " + table + " (line " + lineNo + "): its rows do "
                                        + "not match their count and hash (" + sum.rows() + " rows read, " + said.rows()
                                        + " written)");
                    }
                    reader.end(table, sum);
                    table = null;
                } else if (o.has("manifest")) {
                    reader.manifest(Manifest.read(o.path("manifest")));
                } else {
                    throw ValidationException.of("archive", "line " + lineNo + ": not a line of an archive");
                }
            }
            if (table != null) {
                throw ValidationException.of("archive", "was cut short inside table " + table);
            }
            return version;
        } catch (IOException e) {
            throw ValidationException.of("archive", "cannot be read: " + e.getMessage());
        }
    }

    /** The archive's bytes: gzip'd as a backup writes them, or plain as a copy streams them. */
    private static InputStream gunzipped(InputStream in) throws IOException {
        BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
        b.mark(2);
        int first = b.read();
        int second = b.read();
        b.reset();
        return first == 0x1f && second == 0x8b ? new GZIPInputStream(b, 1 << 16) : b;
    }

    /** One line of the archive as JSON, or an error naming the line. */
    private static JsonNode parse(String line, long lineNo) {
        try {
            return Json.mapper().readTree(line);
        } catch (IOException e) {
            throw ValidationException.of(
                    "archive",
                    "line " + lineNo + " is not JSON: "
                            + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /**
     * A row's values with the types its table's header says, or an error naming the line and column. Read with
     * Jackson's streaming parser, no tree: a copy reads every row of the log once more here.
     */
    private static Object[] typed(String line, List<TableShape.Column> columns, long lineNo) {
        Object[] out = new Object[columns.size()];
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw ValidationException.of("archive", "line " + lineNo + " is not a row");
            }
            int i = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == null || i == out.length) {
                    throw ValidationException.of(
                            "archive", "line " + lineNo + ": a row that is not " + columns.size() + " values");
                }
                TableShape.Column c = columns.get(i);
                if (t != JsonToken.VALUE_NULL) {
                    out[i] = switch (c.type()) {
                        case INTEGER ->
                            t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                                    ? (Object) p.getLongValue()
                                    : null;
                        case REAL -> t.isNumeric() ? (Object) p.getDoubleValue() : null;
                        case BOOLEAN -> t.isBoolean() ? (Object) (t == JsonToken.VALUE_TRUE) : null;
                        case TEXT -> t == JsonToken.VALUE_STRING ? p.getText() : null;
                        case BYTES -> t == JsonToken.VALUE_STRING ? base64(p, lineNo, c.name()) : null;
                    };
                    if (out[i] == null) {
                        throw ValidationException.of(
                                "archive",
                                "line " + lineNo + ": " + c.name() + " is not "
                                        + c.type().json());
                    }
                }
                i++;
            }
            if (i != out.length) {
                throw ValidationException.of(
                        "archive", "line " + lineNo + ": a row of " + i + " values for " + columns.size() + " columns");
            }
            if (p.nextToken() != null) {
                throw ValidationException.of("archive", "line " + lineNo + ": more after the row");
            }
        } catch (IOException e) {
            throw ValidationException.of(
                    "archive",
                    "line " + lineNo + " is not JSON: "
                            + e.getMessage().lines().findFirst().orElse(""));
        }
        return out;
    }

    /**
     * An attachment's bytes, decoded by the parser from its input as it reads the string (standard base64 with
     * padding, as written): the text of a 10 MB file is never made into a string of its own.
     */
    private static byte[] base64(JsonParser p, long lineNo, String column) {
        try {
            return p.getBinaryValue(Base64Variants.MIME_NO_LINEFEEDS);
        } catch (IOException | IllegalArgumentException e) {
            throw ValidationException.of("archive", "line " + lineNo + ": " + column + " is not base64 bytes");
        }
    }

    private static final JsonFactory JSON = new JsonFactory();
}
