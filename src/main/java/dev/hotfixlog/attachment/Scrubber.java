package dev.hotfixlog.attachment;

import dev.hotfixlog.error.ValidationException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Takes the metadata out of an image before it is stored: where a photo was taken (EXIF GPS), the device, the
 * software, comments and anything after the image's end (where a polyglot hides its second file). It works on
 * the containers' own structure, in one pass and without decoding a pixel: PNG keeps only the chunks that draw
 * the image, JPEG drops its APP1 (EXIF, XMP), APP3–APP13, APP15 and comment segments, WebP its EXIF and XMP
 * chunks (with their flags), GIF its comments and application blocks but the loop count and colour profile
 * ({@link Gif}). PDF is kept as it is (it is only ever downloaded). A container that does not hold together is
 * refused, naming the field, rather than stored half understood.
 */
final class Scrubber {
    /** The PNG chunks that draw the image (animation included); text, time and EXIF chunks are left out. */
    private static final Set<String> PNG_KEPT = Set.of(
            "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "pHYs", "bKGD", "acTL",
            "fcTL", "fdAT");

    private Scrubber() {}

    static byte[] scrub(FileType type, byte[] bytes) {
        return switch (type) {
            case PNG -> png(bytes);
            case JPEG -> jpeg(bytes);
            case WEBP -> webp(bytes);
            case GIF -> Gif.scrub(bytes);
            default -> bytes;
        };
    }

    /**
     * Whether the bytes are an image exactly as the scrubber keeps it, whole: nothing after its end, no metadata,
     * a container that holds together. Only such an image is shown inline; a file stored before a kind was
     * scrubbed (a GIF with a page after its trailer) is served as a download instead. Non-images: false.
     */
    static boolean isWholeImage(FileType type, byte[] bytes) {
        if (type.display() != FileType.Display.IMAGE) {
            return false;
        }
        try {
            return Arrays.equals(scrub(type, bytes), bytes);
        } catch (ValidationException e) {
            return false;
        }
    }

    private static byte[] png(byte[] b) {
        // One pass to check the chunks; a clean image (the usual screenshot) is kept as it came, without a copy.
        int end = pngEnd(b);
        boolean clean = end == b.length;
        for (int at = 8; clean && at < end; at += 12 + (int) u32(b, at)) {
            clean = PNG_KEPT.contains(new String(b, at + 4, 4, StandardCharsets.ISO_8859_1));
        }
        if (clean) {
            return b;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(end);
        out.write(b, 0, 8);
        for (int at = 8; at < end; ) {
            int whole = 12 + (int) u32(b, at);
            if (PNG_KEPT.contains(new String(b, at + 4, 4, StandardCharsets.ISO_8859_1))) {
                out.write(b, at, whole);
            }
            at += whole;
        }
        return out.toByteArray(); // whatever followed the image's end (a polyglot's page) is gone
    }

    /** Where the PNG's IEND chunk ends; every chunk checked to lie within the file. */
    private static int pngEnd(byte[] b) {
        int at = 8;
        while (true) {
            if (at + 12 > b.length) {
                throw broken("PNG", "ends before its IEND chunk");
            }
            long length = u32(b, at);
            String type = new String(b, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (length > b.length - at - 12L) {
                throw broken("PNG", "has a chunk " + type + " longer than the file");
            }
            at += 12 + (int) length;
            if (type.equals("IEND")) {
                return at;
            }
        }
    }

    private static byte[] jpeg(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(0xFF);
        out.write(0xD8);
        int at = 2;
        while (true) {
            if (at + 2 > b.length || (b[at] & 0xFF) != 0xFF) {
                throw broken("JPEG", "has no marker where one belongs (byte " + at + ")");
            }
            int marker = b[at + 1] & 0xFF;
            if (marker == 0xFF) { // fill bytes before a marker
                at++;
                continue;
            }
            if (marker == 0xD9) {
                out.write(0xFF);
                out.write(0xD9);
                return out.toByteArray(); // the end of the image; a polyglot's tail is dropped
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                out.write(b, at, 2);
                at += 2;
                continue;
            }
            if (at + 4 > b.length) {
                throw broken("JPEG", "ends inside a segment header");
            }
            int length = ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
            if (length < 2 || at + 2 + length > b.length) {
                throw broken("JPEG", "has a segment longer than the file");
            }
            if (keepJpeg(marker, b, at + 4, length - 2)) {
                out.write(b, at, 2 + length);
            }
            at += 2 + length;
            if (marker == 0xDA) { // start of scan: entropy-coded data up to the next real marker
                int from = at;
                while (at + 1 < b.length) {
                    if ((b[at] & 0xFF) == 0xFF) {
                        int next = b[at + 1] & 0xFF;
                        if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7) && next != 0xFF) {
                            break;
                        }
                    }
                    at++;
                }
                if (at + 1 >= b.length) {
                    throw broken("JPEG", "ends inside its image data");
                }
                out.write(b, from, at - from);
            }
        }
    }

    private static boolean keepJpeg(int marker, byte[] b, int data, int length) {
        if (marker == 0xFE) {
            return false; // comment
        }
        if (marker == 0xE2) { // APP2: keep the colour profile only
            return startsWith(b, data, length, "ICC_PROFILE");
        }
        if (marker >= 0xE1 && marker <= 0xEF) { // APP1 (EXIF, XMP) … APP15, but APP14 (Adobe colour) is kept
            return marker == 0xEE;
        }
        return true;
    }

    private static byte[] webp(byte[] b) {
        if (b.length < 12) {
            throw broken("WebP", "is shorter than its header");
        }
        long riff = u32le(b, 4);
        int end = (int) Math.min(b.length, 8 + riff);
        ByteArrayOutputStream body = new ByteArrayOutputStream(b.length);
        body.write(b, 8, 4); // "WEBP"
        int at = 12;
        while (at + 8 <= end) {
            String fourcc = new String(b, at, 4, StandardCharsets.ISO_8859_1);
            long size = u32le(b, at + 4);
            long padded = size + (size & 1);
            if (size > end - at - 8L) {
                throw broken("WebP", "has a chunk " + fourcc.strip() + " longer than the file");
            }
            int whole = 8 + (int) Math.min(padded, end - at - 8L);
            if (!fourcc.equals("EXIF") && !fourcc.equals("XMP ")) {
                int start = body.size();
                body.write(b, at, whole);
                if (fourcc.equals("VP8X") && size >= 1) {
                    byte[] so = body.toByteArray();
                    so[start + 8] &= (byte) ~0x0C; // the EXIF (0x08) and XMP (0x04) flags: their chunks are gone
                    body.reset();
                    body.write(so, 0, so.length);
                }
            }
            at += whole;
        }
        byte[] rest = body.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(rest.length + 8);
        out.write('R');
        out.write('I');
        out.write('F');
        out.write('F');
        int size = rest.length;
        out.write(size & 0xFF);
        out.write((size >> 8) & 0xFF);
        out.write((size >> 16) & 0xFF);
        out.write((size >> 24) & 0xFF);
        out.write(rest, 0, rest.length);
        return out.toByteArray();
    }

    private static boolean startsWith(byte[] b, int at, int length, String ascii) {
        if (length < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[at + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24)
                | ((b[at + 1] & 0xFF) << 16)
                | ((b[at + 2] & 0xFF) << 8)
                | (b[at + 3] & 0xFF);
    }

    private static long u32le(byte[] b, int at) {
        return ((long) (b[at + 3] & 0xFF) << 24)
                | ((b[at + 2] & 0xFF) << 16)
                | ((b[at + 1] & 0xFF) << 8)
                | (b[at] & 0xFF);
    }

    private static ValidationException broken(String kind, String what) {
        return ValidationException.of("file", "starts like a " + kind + " image but " + what);
    }
}
