package dev.hotfixlog.attachment;

import dev.hotfixlog.error.ValidationException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A GIF walked block by block to its trailer, as {@link Scrubber} walks the other images: the header, the screen
 * descriptor and its colour table, then images and extensions, each made of length-prefixed sub-blocks, up to
 * the trailer byte. Comments and application blocks other than the animation's loop count and a colour profile
 * are left out, and so is whatever follows the trailer (where a polyglot's page hides).
 */
final class Gif {
    private static final int EXTENSION = 0x21;
    private static final int IMAGE = 0x2C;
    private static final int TRAILER = 0x3B;
    private static final int COMMENT = 0xFE;
    private static final int APPLICATION = 0xFF;

    private Gif() {}

    static byte[] scrub(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        if (b.length < 13) {
            throw broken("is shorter than its header");
        }
        int at = 13 + colourTable(b[10]);
        need(b, at, "ends inside its colour table");
        out.write(b, 0, at);
        while (true) {
            need(b, at + 1, "ends before its trailer");
            int block = b[at] & 0xFF;
            if (block == TRAILER) {
                out.write(TRAILER);
                return out.toByteArray(); // a polyglot's tail after the trailer is dropped
            }
            int start = at;
            if (block == IMAGE) {
                need(b, at + 11, "ends inside an image descriptor");
                at += 10 + colourTable(b[at + 9]);
                need(b, at + 1, "ends inside a colour table");
                at = subBlocks(b, at + 1); // after the LZW code size
                out.write(b, start, at - start);
            } else if (block == EXTENSION) {
                need(b, at + 2, "ends inside an extension");
                int label = b[at + 1] & 0xFF;
                at = subBlocks(b, at + 2);
                if (label != COMMENT && (label != APPLICATION || kept(b, start + 2))) {
                    out.write(b, start, at - start);
                }
            } else {
                throw broken("has a block 0x" + Integer.toHexString(block) + " where an image, an extension or its "
                        + "trailer belongs (byte " + at + ")");
            }
        }
    }

    /** The animation's loop count (NETSCAPE2.0, ANIMEXTS1.0) and an ICC colour profile; no XMP, no others. */
    private static boolean kept(byte[] b, int sizeAt) {
        if ((b[sizeAt] & 0xFF) != 11 || sizeAt + 12 > b.length) {
            return false;
        }
        String id = new String(b, sizeAt + 1, 11, StandardCharsets.ISO_8859_1);
        return id.equals("NETSCAPE2.0") || id.equals("ANIMEXTS1.0") || id.equals("ICCRGBG1012");
    }

    /** Where a run of sub-blocks (a length byte, that many bytes; a zero length ends it) ends. */
    private static int subBlocks(byte[] b, int at) {
        while (true) {
            need(b, at + 1, "ends inside its data");
            int size = b[at] & 0xFF;
            need(b, at + 1 + size, "has a data block longer than the file");
            at += 1 + size;
            if (size == 0) {
                return at;
            }
        }
    }

    private static int colourTable(byte packed) {
        return (packed & 0x80) == 0 ? 0 : 3 << ((packed & 0x07) + 1);
    }

    private static void need(byte[] b, int length, String what) {
        if (b.length < length) {
            throw broken(what);
        }
    }

    private static ValidationException broken(String what) {
        return ValidationException.of("file", "starts like a GIF image but " + what);
    }
}
