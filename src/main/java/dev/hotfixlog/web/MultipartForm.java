package dev.hotfixlog.web;

import com.google.re2j.Pattern;
import dev.hotfixlog.error.BadRequestException;
import dev.hotfixlog.text.Split;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A {@code multipart/form-data} body (RFC 7578) read from the bytes the server already holds whole: parts by the
 * boundary, each part's {@code Content-Disposition} read with the header grammar of {@link MediaType}. Anything
 * that is not such a body (empty, cut short, another boundary, a part without a name, too many parts) is a 400
 * saying which. Jetty's parser is not used: on a truncated body it answered 400 and then logged two stack traces
 * of its own (a NullPointerException, "channel already completed") for every such request.
 */
final class MultipartForm {
    /** A page's largest form has a few dozen fields; an upload is one file and a note. */
    static final int MAX_PARTS = 200;

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] BLANK_LINE = {'\r', '\n', '\r', '\n'};

    /** One part: its field name, the file name the sender gave (null for a text field), its bytes. */
    record Part(String name, String fileName, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** RFC 2046's bchars: what a boundary may hold (never a quote or a ';', so no header reader can misread it). */
    private static final Pattern BOUNDARY =
            Pattern.compile("[0-9A-Za-z'()+_,\\-./:=? ]{0,69}[0-9A-Za-z'()+_,\\-./:=?]");

    private MultipartForm() {}

    /** The boundary a multipart Content-Type must name: 1 to 70 of RFC 2046's characters, not ending in a space. */
    static String requireBoundary(MediaType type) {
        String boundary = type.parameters().get("boundary");
        if (boundary == null || !BOUNDARY.matcher(boundary).matches()) {
            throw new BadRequestException(
                    "Content-Type",
                    "multipart/form-data needs a boundary parameter of 1 to 70 "
                            + "letters, digits or '()+_,-./:=? (RFC 2046)"
                            + (boundary == null ? "; the header has none" : ", was '" + boundary + "'"));
        }
        return boundary;
    }

    static List<Part> parse(byte[] body, String boundary) {
        byte[] dash = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        if (body.length == 0) {
            throw bad("is empty: a multipart form has at least its closing boundary --" + boundary + "--");
        }
        // The first delimiter opens the body, or ends a preamble that RFC 2046 lets a sender put before it.
        int at = startsWith(body, 0, dash) ? dash.length : indexOf(body, delimiter, 0);
        if (at < 0) {
            throw bad("has no part starting with its boundary --" + boundary + " (is the boundary in Content-Type "
                    + "the one the body uses?)");
        }
        if (at != dash.length) {
            at += delimiter.length;
        }
        List<Part> parts = new ArrayList<>();
        while (true) {
            if (startsWith(body, at, new byte[] {'-', '-'})) {
                return parts; // the closing delimiter; an epilogue after it is ignored, as RFC 2046 says
            }
            int lineEnd = indexOf(body, CRLF, at);
            if (lineEnd < 0 || !new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).isBlank()) {
                throw bad("is cut short or broken after a boundary (expected a line break or --)");
            }
            if (parts.size() == MAX_PARTS) {
                throw bad("has more than " + MAX_PARTS + " parts");
            }
            int headersStart = lineEnd + 2;
            int headersEnd =
                    startsWith(body, headersStart, CRLF) ? headersStart : indexOf(body, BLANK_LINE, headersStart);
            if (headersEnd < 0) {
                throw bad("is cut short in the headers of part " + (parts.size() + 1));
            }
            int contentStart = headersEnd + (headersEnd == headersStart ? 2 : 4);
            int contentEnd = indexOf(body, delimiter, contentStart);
            if (contentEnd < 0) {
                throw bad("is cut short: part " + (parts.size() + 1) + " has no closing boundary --" + boundary + "--");
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            parts.add(part(headers, Arrays.copyOfRange(body, contentStart, contentEnd), parts.size() + 1));
            at = contentEnd + delimiter.length;
        }
    }

    private static Part part(String headers, byte[] bytes, int number) {
        for (String line : Split.on(headers, "\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("Content-Disposition")) {
                Map<String, String> d = MediaType.parseWordAndParameters("body", line.substring(colon + 1));
                String name = d.get("name");
                if (!"form-data".equals(d.get("")) || name == null) {
                    break;
                }
                return new Part(name, d.get("filename"), bytes);
            }
        }
        throw bad("part " + number + " has no Content-Disposition: form-data; name=\"…\"");
    }

    private static BadRequestException bad(String why) {
        return new BadRequestException("body", "is not a multipart form that can be read: it " + why);
    }

    private static boolean startsWith(byte[] body, int at, byte[] prefix) {
        if (at < 0 || at + prefix.length > body.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The first index of {@code needle} at or after {@code from}, or -1. Linear in practice: boundaries are short. */
    private static int indexOf(byte[] body, byte[] needle, int from) {
        for (int i = Math.max(0, from); i + needle.length <= body.length; i++) {
            if (body[i] == needle[0] && startsWith(body, i, needle)) {
                return i;
            }
        }
        return -1;
    }
}
