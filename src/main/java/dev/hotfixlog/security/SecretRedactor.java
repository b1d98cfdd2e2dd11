package dev.hotfixlog.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.re2j.Matcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Finds credentials pasted in a hurry (cloud keys, tokens, private keys, passwords in URLs) and masks them as
 * {@code [REDACTED:kind]}. Each detector masks only the secret part: the user and host of a URL, the key name of
 * an assignment, stay readable. Masked text never matches again, so redacting twice changes nothing.
 *
 * <p>Detectors lean towards masking: a false positive costs a reader one word, a false negative leaks a key
 * into every export, backup and notification.
 */
public final class SecretRedactor {
    /** What a redaction looked like, without the secret. */
    public record Finding(String kind) {
    }

    /** The text with every secret masked, and what was found. */
    public record Result(String text, List<Finding> findings) {
        public boolean changed() {
            return !findings.isEmpty();
        }
    }

    private static final String MASKED = "[REDACTED";
    private static final String PRIVATE_KEY = "private-key";
    private static final Hints HINTS = new Hints(Detectors.ALL);
    /** How much of a refused value an error message shows. */
    public static final int QUOTED_MAX_CHARS = 100;
    /** Stateless: the detectors are constants, so one instance serves every message. */
    private static final SecretRedactor QUOTING = new SecretRedactor();

    public Result redact(String text) {
        return redact(text, true);
    }

    /**
     * A refused value as an error message quotes it: masked first, then cut to {@link #QUOTED_MAX_CHARS} (cutting
     * first would hide a secret from the detectors and echo its first half). Null reads {@code 'null'}.
     */
    public static String quoted(Object refused) {
        String text = refused == null ? "null" : QUOTING.redact(refused.toString()).text();
        return "'" + (text.length() <= QUOTED_MAX_CHARS ? text : text.substring(0, QUOTED_MAX_CHARS - 1) + "…") + "'";
    }

    /** Where in a JSON document a secret was masked: a path such as {@code followUps.postmortem.description}. */
    public record Masked(String path, String kind) {
    }

    /**
     * Masks every text in {@code document}, at any depth, in place: the one way a JSON body is redacted before
     * it is read into a value, so that no field of it can be forgotten. Iterative, so depth costs no stack.
     */
    public List<Masked> maskInPlace(JsonNode document) {
        List<Masked> found = new ArrayList<>();
        Deque<Place> todo = new ArrayDeque<>();
        todo.push(new Place("", document, null, null, -1));
        while (!todo.isEmpty()) {
            Place at = todo.pop();
            if (at.node().isTextual()) {
                Result r = redact(at.node().asText());
                r.findings().forEach(f -> found.add(new Masked(at.path(), f.kind())));
                if (r.changed()) {
                    at.replace(r.text());
                }
            } else if (at.node() instanceof ObjectNode o) {
                List<String> names = new ArrayList<>();
                o.fieldNames().forEachRemaining(names::add);
                for (int k = names.size() - 1; k >= 0; k--) { // pushed last to first: popped in document order
                    String name = names.get(k);
                    todo.push(new Place(at.path().isEmpty() ? name : at.path() + "." + name, o.get(name), o, name,
                            -1));
                }
            } else if (at.node() instanceof ArrayNode a) {
                for (int k = a.size() - 1; k >= 0; k--) {
                    todo.push(new Place(at.path() + "[" + k + "]", a.get(k), a, null, k));
                }
            }
        }
        return found;
    }

    /** A node still to mask, and where it sits in its parent. */
    private record Place(String path, JsonNode node, JsonNode parent, String name, int index) {
        void replace(String text) {
            if (parent instanceof ObjectNode o) {
                o.put(name, text);
            } else if (parent instanceof ArrayNode a) {
                a.set(index, TextNode.valueOf(text));
            }
        }
    }

    /** Every detector's pattern over the text, hints unused: what {@link #redact} must equal. */
    Result redactSearchingAll(String text) {
        return redact(text, false);
    }

    private Result redact(String text, boolean useHints) {
        if (text == null || text.isEmpty()) {
            return new Result(text, List.of());
        }
        List<Finding> findings = new ArrayList<>();
        // Key blocks first (a key's body must not be half-masked by another detector), then a secret beside its
        // key id (while the id can still be read), bare key material last (so that a named kind, such as an
        // Azure account key, names what it can).
        String current = mask(text, privateKeys(KeyMaterial.pemBlocks(text)), findings);
        long candidates = useHints ? HINTS.candidates(current) : -1L;
        if ((candidates & 1L) != 0) { // the AWS key id detector is the first
            current = mask(current, AwsKeyPairs.secretsNearKeyIds(current), findings);
        }
        for (int index = 0; index < Detectors.ALL.size() && candidates != 0; index++) {
            if ((candidates & 1L << index) != 0) {
                current = mask(current, spans(Detectors.ALL.get(index), current), findings);
            }
        }
        if (current.contains("://")) {
            current = mask(current, UrlSecrets.spans(current), findings);
        }
        current = mask(current, privateKeys(KeyMaterial.bareRuns(current)), findings);
        return findings.isEmpty() ? new Result(text, List.of()) : new Result(current, findings);
    }

    /** The secrets a detector's pattern finds, except those already masked: masking twice changes nothing. */
    private static List<Span> spans(Detectors.Detector d, String text) {
        List<Span> out = new ArrayList<>();
        Matcher m = d.pattern().matcher(text);
        while (m.find()) {
            int group = d.group();
            for (int g = 1; group == Detectors.FIRST_GROUP; g++) {
                group = m.start(g) >= 0 ? g : group;
            }
            if (!text.startsWith(MASKED, m.start(group))) {
                out.add(new Span(m.start(group), m.end(group), d.kind()));
            }
        }
        return out;
    }

    private static List<Span> privateKeys(List<int[]> spans) {
        return spans.stream().map(s -> new Span(s[0], s[1], PRIVATE_KEY)).toList();
    }

    private static String mask(String text, List<Span> spans, List<Finding> findings) {
        if (spans.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        for (Span span : spans) {
            out.append(text, last, span.start()).append(MASKED).append(':').append(span.kind()).append(']');
            last = span.end();
            findings.add(new Finding(span.kind()));
        }
        return out.append(text, last, text.length()).toString();
    }
}
