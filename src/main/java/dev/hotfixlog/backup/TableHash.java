package dev.hotfixlog.backup;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A table's row count and the SHA-256 of its rows' canonical lines. */
final class TableHash {
    private final MessageDigest digest;
    long rows;

    TableHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private CharsetEncoder utf8;
    private ByteBuffer chunk;

    /** A row's line as read back from an archive; a long one (an attachment's) is encoded a chunk at a time. */
    void add(String rowText) {
        if (rowText.length() < 1 << 16) {
            digest.update(rowText.getBytes(StandardCharsets.UTF_8));
        } else {
            if (utf8 == null) { // as getBytes(UTF_8): a lone surrogate becomes '?'
                utf8 = StandardCharsets.UTF_8
                        .newEncoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE);
                chunk = ByteBuffer.allocate(1 << 16);
            }
            utf8.reset();
            CharBuffer in = CharBuffer.wrap(rowText);
            CoderResult r;
            do {
                r = utf8.encode(in, chunk, true);
                digest.update(chunk.array(), 0, chunk.position());
                chunk.clear();
            } while (r.isOverflow());
            utf8.flush(chunk);
            digest.update(chunk.array(), 0, chunk.position());
            chunk.clear();
        }
        endRow();
    }

    /** A piece of the row being written; {@link #endRow} ends it. */
    void update(byte[] b, int off, int len) {
        digest.update(b, off, len);
    }

    void endRow() {
        digest.update((byte) '\n');
        rows++;
    }

    /** Once: the digest is spent by it. */
    Manifest.TableSum sum() {
        return new Manifest.TableSum(rows, HexFormat.of().formatHex(digest.digest()));
    }
}
