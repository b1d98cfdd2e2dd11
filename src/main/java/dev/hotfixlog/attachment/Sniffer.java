package dev.hotfixlog.attachment;

import dev.hotfixlog.error.UnsupportedMediaTypeException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Tells a file's type from its first bytes against the allow-list: the PNG, JPEG, GIF, WebP and PDF signatures,
 * else text (no NUL, few control characters), which is markup when it opens like HTML, SVG or XML. The name and
 * the sender's Content-Type are never consulted: an HTML file named {@code graph.png} is markup.
 */
final class Sniffer {
    /** Text is judged on its first bytes only: the check costs the same for a 10 MB log as for a 10 KB one. */
    private static final int TEXT_WINDOW = 64 * 1024;

    private static final String ALLOWED = "PNG, JPEG, GIF, WebP, PDF or plain text (logs)";

    private Sniffer() {}

    static FileType sniff(byte[] b) {
        if (b.length == 0) {
            throw new UnsupportedMediaTypeException("file: is empty; attach " + ALLOWED);
        }
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return FileType.PNG;
        }
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return FileType.JPEG;
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(b, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return FileType.GIF;
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return FileType.WEBP;
        }
        if (startsWith(b, 0, '%', 'P', 'D', 'F', '-')) {
            return FileType.PDF;
        }
        if (!looksLikeText(b)) {
            throw new UnsupportedMediaTypeException(
                    "file: is not one of " + ALLOWED + " (its bytes are " + known(b) + ")");
        }
        return isMarkup(b) ? FileType.MARKUP : FileType.TEXT;
    }

    private static boolean looksLikeText(byte[] b) {
        int n = Math.min(b.length, TEXT_WINDOW);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                return false;
            }
            // Tab, line ends, form feed and ESC (colours in a terminal log) are a log's own.
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0x0C && c != 0x1B) {
                control++;
            }
        }
        return control * 100 <= n; // at most 1%: a binary file has far more
    }

    /** Opens (after a BOM and white space) like a document a browser would render or run. */
    private static boolean isMarkup(byte[] b) {
        String head = new String(b, 0, Math.min(b.length, 1024), StandardCharsets.UTF_8)
                .replace("\uFEFF", "")
                .stripLeading()
                .toLowerCase(Locale.ROOT);
        if (!head.startsWith("<")) {
            return false;
        }
        for (String tag : new String[] {
            "<!doctype",
            "<html",
            "<svg",
            "<?xml",
            "<script",
            "<head",
            "<body",
            "<iframe",
            "<!--",
            "<div",
            "<a ",
            "<img",
            "<style",
            "<meta",
            "<table",
            "<p>",
            "<p ",
            "<b>",
            "<h1",
            "<br"
        }) {
            if (head.startsWith(tag)) {
                return true;
            }
        }
        // Any other tag-like start is treated as markup too: a browser would render it.
        return head.length() > 1 && Character.isLetter(head.charAt(1));
    }

    private static String known(byte[] b) {
        if (startsWith(b, 0, 'P', 'K', 3, 4)) {
            return "a ZIP archive or an office document";
        }
        if (startsWith(b, 0, 0x7F, 'E', 'L', 'F')) {
            return "an ELF program";
        }
        if (startsWith(b, 0, 'M', 'Z')) {
            return "a Windows program";
        }
        if (startsWith(b, 0, 0x1F, 0x8B)) {
            return "gzip-compressed; attach the log itself";
        }
        return "binary data of no allowed type";
    }

    private static boolean startsWith(byte[] b, int at, int... signature) {
        if (b.length < at + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((b[at + i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
