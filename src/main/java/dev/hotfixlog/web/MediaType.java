package dev.hotfixlog.web;

import dev.hotfixlog.error.BadRequestException;
import dev.hotfixlog.error.UnsupportedMediaTypeException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code Content-Type} read strictly, as RFC 9110 §8.3.1 writes it: {@code type/subtype} then {@code ; name=value}
 * parameters, each value a token or a quoted string. Names are case-insensitive (kept in lower case), so is the
 * charset's value; a quoted value is unquoted. An unbalanced quote, a parameter without a value or given twice, a
 * character outside the grammar is a 400 naming the header: Javalin's own reading of the charset (a split on
 * {@code ;} and {@code Charset.forName} on what follows {@code charset=}) threw a 500 on {@code charset="utf-8}.
 *
 * @param type       e.g. {@code application/json}, in lower case
 * @param parameters by lower-case name, in the order sent
 */
public record MediaType(String type, Map<String, String> parameters) {
    /** RFC 9110 tchar: what a token (a type, a parameter name, an unquoted value) may hold. */
    private static final String TCHARS = "!#$%&'*+-.^_`|~";

    public MediaType {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** The header read strictly; null when the request has none. */
    public static MediaType parse(String header) {
        if (header == null) {
            return null;
        }
        return new Reader("Content-Type", header).mediaType();
    }

    /**
     * A header of the same grammar with a bare word first, such as a multipart part's
     * {@code Content-Disposition: form-data; name="file"; filename="a.log"}: the word in lower case, under the
     * key "", then the parameters.
     */
    static Map<String, String> parseWordAndParameters(String field, String header) {
        Reader r = new Reader(field, header);
        Map<String, String> out = new LinkedHashMap<>();
        r.skipSpace();
        out.put("", r.token("value").toLowerCase(Locale.ROOT));
        out.putAll(r.parameters());
        return out;
    }

    /** The charset parameter in lower case, or null when none is given. */
    public String charset() {
        return parameters.get("charset");
    }

    /**
     * Refuses (415, naming the header) a charset other than UTF-8: every body is read as UTF-8, whatever else a
     * client names, and one that names something else would be misread.
     */
    public void requireUtf8() {
        String charset = charset();
        if (charset != null && !charset.equals("utf-8") && !charset.equals("utf8")) {
            throw new UnsupportedMediaTypeException(
                    "Content-Type: the body's charset must be UTF-8, was '" + charset + "'");
        }
    }

    /** One pass over the header; every refusal names the header and the character where reading stopped. */
    private static final class Reader {
        private final String field;
        private final String text;
        private int at;

        Reader(String field, String text) {
            this.field = field;
            this.text = text;
        }

        MediaType mediaType() {
            skipSpace();
            String type = token("type");
            expect('/', "a type/subtype such as application/json");
            String subtype = token("subtype");
            return new MediaType((type + "/" + subtype).toLowerCase(Locale.ROOT), parameters());
        }

        Map<String, String> parameters() {
            Map<String, String> parameters = new LinkedHashMap<>();
            skipSpace();
            while (at < text.length()) {
                expect(';', "';' between parameters");
                skipSpace();
                if (at == text.length()) {
                    break; // "text/plain;" : RFC 9110 allows an empty parameter
                }
                if (text.charAt(at) == ';') {
                    continue;
                }
                String name = token("parameter name").toLowerCase(Locale.ROOT);
                expect('=', "'=' after the parameter " + name);
                String value = at < text.length() && text.charAt(at) == '"' ? quoted(name) : token(name + "'s value");
                if (parameters.put(name, name.equals("charset") ? value.toLowerCase(Locale.ROOT) : value) != null) {
                    throw bad("the parameter " + name + " is given twice");
                }
                skipSpace();
            }
            return parameters;
        }

        private String token(String what) {
            int start = at;
            while (at < text.length() && isTchar(text.charAt(at))) {
                at++;
            }
            if (at == start) {
                throw bad(
                        at == text.length()
                                ? "the " + what + " is missing at the end"
                                : "the " + what + " is missing at character " + (at + 1));
            }
            return text.substring(start, at);
        }

        private String quoted(String name) {
            StringBuilder value = new StringBuilder();
            at++; // the opening quote
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\' && at < text.length()) {
                    c = text.charAt(at++);
                }
                if (c < 0x20 && c != '\t' || c == 0x7f) {
                    throw bad("the parameter " + name + " holds a control character");
                }
                value.append(c);
            }
            throw bad("the parameter " + name + "'s quoted value has no closing quote");
        }

        private void expect(char c, String what) {
            if (at >= text.length() || text.charAt(at) != c) {
                throw bad("expected " + what
                        + (at >= text.length()
                                ? " at the end"
                                : " at character " + (at + 1) + ", found '" + text.charAt(at) + "'"));
            }
            at++;
        }

        private void skipSpace() {
            while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
                at++;
            }
        }

        /** Control characters (Java's \\p{Cntrl}: below U+0020, and U+007F) as "?", so the message stays one line. */
        private static String withoutControls(String s) {
            StringBuilder out = new StringBuilder(s.length());
            for (int k = 0; k < s.length(); k++) {
                char c = s.charAt(k);
                out.append(c < 0x20 || c == 0x7F ? '?' : c);
            }
            return out.toString();
        }

        private BadRequestException bad(String why) {
            String shown = text.length() > 100 ? text.substring(0, 100) + "…" : text;
            return new BadRequestException(field, "'" + withoutControls(shown) + "' cannot be read: " + why);
        }

        private static boolean isTchar(char c) {
            return c < 0x7f && (Character.isLetterOrDigit(c) || TCHARS.indexOf(c) >= 0);
        }
    }
}
