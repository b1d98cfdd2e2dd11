package dev.hotfixlog.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.re2j.Matcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
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
    public record Finding(String kind) {}

    /** The text with every secret masked, and what was found. */
    public record Result(String text, List<Finding> findings) {
        public boolean changed() {
            return !findings.isEmpty();
        }
    }

    private static final String PRIVATE_KEY = "private-key";
    private static final String SECRET_BY_NAME = "secret";
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
        String text =
                refused == null ? "null" : QUOTING.redact(refused.toString()).text();
        return "'" + (text.length() <= QUOTED_MAX_CHARS ? text : text.substring(0, QUOTED_MAX_CHARS - 1) + "…") + "'";
    }

    /** Where in a JSON document a secret was masked: a path such as {@code followUps.postmortem.description}. */
    public record Masked(String path, String kind) {}

    /**
     * Masks every text in {@code document}, at any depth, in place: the one way a JSON body is redacted before
     * it is read into a value, so that no field of it can be forgotten; a text under a name that says secret
     * ({@link SecretNames}) is masked whole. Iterative, so depth costs no stack.
     */
    public List<Masked> maskInPlace(JsonNode document) {
        List<Masked> found = new ArrayList<>();
        Deque<Place> todo = new ArrayDeque<>();
        todo.push(new Place("", document, null, null, -1));
        while (!todo.isEmpty()) {
            Place at = todo.pop();
            if (at.node().isTextual()
                    && at.name() != null
                    && SecretNames.masks(at.name(), at.node().asText())) {
                // The member's name says its value is a secret, in whatever form: masked whole.
                found.add(new Masked(at.path(), SECRET_BY_NAME));
                at.replace(Masking.MASKED + ":" + SECRET_BY_NAME + "]");
            } else if (at.node().isTextual()) {
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
                    todo.push(new Place(at.path().isEmpty() ? name : at.path() + "." + name, o.get(name), o, name, -1));
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
        Folding folded = Folding.changes(text) ? Folding.of(text) : null;
        if (folded == null || folded.text().equals(text)) {
            Masking m = detect(new Masking(text, false), useHints);
            return m.findings().isEmpty() ? new Result(text, List.of()) : new Result(m.text(), m.findings());
        }
        if (Folding.ascii(text)) {
            // Only escapes fold ASCII text, and none of those that fold ends a secret (no space, comma or
            // semicolon: Escapes), so the folded reading finds all that the text as pasted holds: read once.
            List<Span> covered = new ArrayList<>();
            detect(new Masking(folded.text(), true), useHints).covered().forEach(s -> covered.add(folded.original(s)));
            return maskAll(text, covered);
        }
        // A secret written in full-width letters or split by invisible characters is found in the folded reading,
        // and masked in the text as pasted; the text as pasted is read too, since folding can also hide a secret
        // (a no-break space inside a password becomes a space that ends it).
        List<Span> covered =
                new ArrayList<>(detect(new Masking(text, true), useHints).covered());
        detect(new Masking(folded.text(), true), useHints).covered().forEach(s -> covered.add(folded.original(s)));
        return maskAll(text, covered);
    }

    /**
     * Every detector over {@code m}'s text. Key blocks first (a key's body must not be half-masked by another
     * detector), then a secret beside its key id (while the id can still be read), bare key material last (so
     * that a named kind, such as an Azure account key, names what it can).
     */
    private static Masking detect(Masking m, boolean useHints) {
        m.mask(privateKeys(KeyMaterial.pemBlocks(m.text())));
        long candidates = useHints ? HINTS.candidates(m.text()) : -1L;
        if ((candidates & 1L) != 0) { // the AWS key id detector is the first
            m.mask(AwsKeyPairs.secretsNearKeyIds(m.text()));
        }
        for (int index = 0; index < Detectors.ALL.size() && candidates != 0; index++) {
            if ((candidates & 1L << index) != 0) {
                m.mask(spans(Detectors.ALL.get(index), m.text()));
            }
        }
        if (m.text().contains("://")) {
            m.mask(UrlSecrets.spans(m.text()));
        }
        m.mask(privateKeys(KeyMaterial.bareRuns(m.text())));
        m.mask(AwsKeyPairs.bareSecrets(m.text()));
        return m;
    }

    /** Masks {@code covered} in {@code text}, overlapping spans as one (named by the first): one finding a mask. */
    private static Result maskAll(String text, List<Span> covered) {
        if (covered.isEmpty()) {
            return new Result(text, List.of());
        }
        covered.sort(Comparator.comparingInt(Span::start)
                .thenComparing(Comparator.comparingInt(Span::end).reversed()));
        List<Span> apart = new ArrayList<>();
        Span open = covered.get(0);
        for (Span s : covered.subList(1, covered.size())) {
            if (s.start() < open.end()) {
                open = new Span(open.start(), Math.max(open.end(), s.end()), open.kind());
            } else {
                apart.add(open);
                open = s;
            }
        }
        apart.add(open);
        Masking m = new Masking(text, false);
        m.mask(apart);
        return new Result(m.text(), m.findings());
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
            if (!text.startsWith(Masking.MASKED, m.start(group)) && m.end(group) - m.start(group) >= d.minChars()) {
                out.add(new Span(m.start(group), m.end(group), d.kind()));
            }
        }
        return out;
    }

    private static List<Span> privateKeys(List<int[]> spans) {
        return spans.stream().map(s -> new Span(s[0], s[1], PRIVATE_KEY)).toList();
    }
}
