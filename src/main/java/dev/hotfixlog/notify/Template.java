package dev.hotfixlog.notify;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.hotfixlog.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One message template: plain text with {@code {{name}}} placeholders, the seed's layout kept as written. A first
 * line {@code Subject: …} is the e-mail subject and is not part of the text; without one the subject is the
 * record's id and the first line. Unknown placeholders are refused when the template is read, with their line,
 * so a typo in a team's own template stops the start instead of reaching a channel as "{{ownr}}".
 */
public final class Template {
    private static final Pattern LINE_BREAK = Pattern.compile("\\n");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*}}");
    private final String subject;
    private final String body;

    private Template(String subject, String body) {
        this.subject = subject;
        this.body = body;
    }

    /** Reads a template; {@code source} (a setting or a file) names where it came from in every error. */
    public static Template parse(String source, String text, Set<String> known) {
        String t = text.replace("\r\n", "\n").replace('\r', '\n');
        if (t.startsWith("\uFEFF")) {
            t = t.substring(1);
        }
        String[] lines = LINE_BREAK.split(t, -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = PLACEHOLDER.matcher(lines[i]);
            while (m.find()) {
                if (!known.contains(m.group(1))) {
                    throw ValidationException.of(
                            source,
                            "line " + (i + 1) + ": unknown placeholder {{" + m.group(1) + "}}; known: "
                                    + String.join(", ", known.stream().sorted().toList()));
                }
            }
        }
        if (t.isBlank()) {
            throw ValidationException.of(source, "is empty");
        }
        String subject = null;
        if (lines[0].regionMatches(true, 0, "Subject:", 0, 8)) {
            subject = lines[0].substring(8).trim();
            int from = 1;
            while (from < lines.length && lines[from].isBlank()) {
                from++;
            }
            t = String.join("\n", List.of(lines).subList(from, lines.length));
        }
        return new Template(subject, stripTrailingNewlines(t));
    }

    /** True when the subject or the text has the placeholder {@code name}. */
    public boolean uses(String name) {
        Matcher m = PLACEHOLDER.matcher((subject == null ? "" : subject) + "\n" + body);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Fills every placeholder from {@code values} (each key is one of {@code known}). */
    public Message render(MessageKind kind, Map<String, String> values) {
        String text = fill(body, values);
        String subjectLine = subject != null
                ? fill(subject, values)
                : values.getOrDefault("id", "") + " "
                        + text.lines().findFirst().orElse("").trim();
        return new Message(kind, oneLine(subjectLine), text);
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A subject is one line: a multi-line title must not become extra mail headers. */
    private static String oneLine(String s) {
        List<String> parts = new ArrayList<>();
        s.lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(parts::add);
        String joined = String.join(" ", parts);
        return joined.length() > 200 ? joined.substring(0, 199) + "…" : joined;
    }

    private static String stripTrailingNewlines(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\n') {
            end--;
        }
        return s.substring(0, end);
    }
}
