package dev.hotfixlog.web;

import dev.hotfixlog.error.BadRequestException;
import dev.hotfixlog.text.Split;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body read as UTF-8, whatever charset the header names (only UTF-8
 * gets this far): Javalin's reading took the header's charset text as it found it ({@code "utf-8} with its quote)
 * and threw a 500 from {@code Charset.forName}.
 */
final class UrlEncodedForm {
    /** Jetty's own default for a form's fields; a page's largest form has a few dozen. */
    static final int MAX_FIELDS = 1_000;

    private UrlEncodedForm() {}

    static Map<String, List<String>> parse(byte[] body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (body.length == 0) {
            return fields;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        int count = 0;
        for (String pair : Split.on(text, "&")) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++count > MAX_FIELDS) {
                throw new BadRequestException("body", "has more than " + MAX_FIELDS + " form fields");
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return fields;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(
                    "body",
                    "is not a form: a broken %-escape in '" + (text.length() > 40 ? text.substring(0, 40) + "…" : text)
                            + "'; write %XX with two hex digits");
        }
    }
}
