package dev.hotfixlog.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * A pattern whose group {@code group} is the secret (0: the whole match), and lower-case ASCII words of which
     * every match contains one (ignoring case): a text without any of them is not searched (most text has none,
     * and an import of thousands of records runs every detector over every field).
     */
    private record Detector(String kind, Pattern pattern, int group, List<String> hints) {
    }

    /** A hint word and the detectors (as bits of their index) that need it. */
    private record Hint(String word, long detectors) {
    }

    private static final String NOT_MASKED = "(?!\\[REDACTED)";
    private static final String PRIVATE_KEY = "private-key";
    private static final List<Detector> DETECTORS = List.of(
            new Detector("aws-access-key-id", Pattern.compile(
                    "\\b(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[0-9A-Z]{16}\\b"), 0,
                    List.of("akia", "asia", "agpa", "aida", "aroa", "aipa", "anpa", "anva")),
            new Detector("aws-secret-access-key", Pattern.compile(
                    "(?i)aws_?secret_?access_?key[\"']?\\s*[:=]\\s*[\"']?" + NOT_MASKED + "([A-Za-z0-9/+=]{40})"), 1,
                    List.of("secret")),
            new Detector("google-api-key", Pattern.compile("\\bAIza[0-9A-Za-z_\\-]{35}(?![0-9A-Za-z_\\-])"), 0,
                    List.of("aiza")),
            new Detector("azure-storage-key", Pattern.compile("(?i)AccountKey=" + NOT_MASKED
                    + "([A-Za-z0-9+/]{40,}={0,2})"), 1,
                    List.of("accountkey=")),
            new Detector("github-token", Pattern.compile(
                    "\\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\\b"), 0,
                    List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_")),
            new Detector("gitlab-token", Pattern.compile("\\bglpat-[A-Za-z0-9_\\-]{20,}"), 0,
                    List.of("glpat-")),
            new Detector("slack-token", Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}"), 0,
                    List.of("xox")),
            new Detector("slack-webhook", Pattern.compile(
                    "https://hooks\\.slack\\.com/services/[A-Za-z0-9/_-]+"), 0,
                    List.of("hooks.slack.com")),
            new Detector("stripe-key", Pattern.compile("\\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}\\b"), 0,
                    List.of("_live_", "_test_")),
            new Detector("hotfix-log-token", Pattern.compile("\\bhfx_[A-Za-z0-9_\\-]{43}(?![A-Za-z0-9_\\-])"), 0,
                    List.of("hfx_")),
            new Detector("jwt", Pattern.compile(
                    "\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"), 0,
                    List.of("eyj")),
            new Detector("password-in-url", Pattern.compile(
                    "://[^\\s:/@]++:" + NOT_MASKED + "([^\\s@/]++)@"), 1,
                    List.of("://")),
            new Detector("bearer-token", Pattern.compile("(?i)\\bBearer\\s+" + NOT_MASKED
                    + "([A-Za-z0-9._~+/-]{20,}=*)"), 1,
                    List.of("bearer")),
            new Detector("password", Pattern.compile("(?i)\\b(?:password|passwd|pwd|client_secret|api_?key|secret_?key"
                    + "|access_?token)[\"']?\\s*[:=]\\s*[\"']?" + NOT_MASKED + "([^\\s\"',;]{6,})"), 1,
                    List.of("pass", "pwd", "secret", "api", "access")));

    /** Hint words by their first two characters, lower-cased, as {@code first << 7 | second}. */
    private static final Hint[][] HINTS_BY_START = indexHints();

    private static Hint[][] indexHints() {
        if (DETECTORS.size() > Long.SIZE) {
            throw new IllegalStateException("detectors are bits of a long: at most 64, there are " + DETECTORS.size());
        }
        Map<String, Long> detectorsByWord = new LinkedHashMap<>();
        for (int d = 0; d < DETECTORS.size(); d++) {
            for (String word : DETECTORS.get(d).hints()) {
                if (word.length() < 2 || !word.equals(word.toLowerCase(Locale.ROOT))
                        || !word.chars().allMatch(c -> c < 128)) {
                    throw new IllegalStateException("a hint is two or more lower-case ASCII characters: " + word);
                }
                detectorsByWord.merge(word, 1L << d, (a, b) -> a | b);
            }
        }
        Hint[][] index = new Hint[128 * 128][];
        detectorsByWord.forEach((word, detectors) -> {
            int key = word.charAt(0) << 7 | word.charAt(1);
            Hint[] before = index[key] == null ? new Hint[0] : index[key];
            Hint[] after = Arrays.copyOf(before, before.length + 1);
            after[before.length] = new Hint(word, detectors);
            index[key] = after;
        });
        return index;
    }

    /**
     * The detectors (as bits) whose hint words {@code text} contains, ignoring ASCII case: one pass over the text
     * instead of one per word, and no lower-cased copy.
     */
    private static long candidates(String text) {
        long found = 0;
        for (int i = 0, last = text.length() - 1; i < last; i++) {
            int first = lowerAscii(text.charAt(i));
            int second = lowerAscii(text.charAt(i + 1));
            if ((first | second) >= 128) {
                continue;
            }
            Hint[] hints = HINTS_BY_START[first << 7 | second];
            if (hints == null) {
                continue;
            }
            for (Hint h : hints) {
                if ((found & h.detectors()) != h.detectors()
                        && text.regionMatches(true, i, h.word(), 0, h.word().length())) {
                    found |= h.detectors();
                }
            }
        }
        return found;
    }

    private static int lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }

    public Result redact(String text) {
        return redact(text, true);
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
        // Key blocks first (a key's body must not be half-masked by another detector), bare key material last
        // (so that a named kind, such as an Azure account key, names what it can).
        String current = mask(text, KeyMaterial.pemBlocks(text), findings);
        long candidates = useHints ? candidates(current) : -1L;
        for (int index = 0; index < DETECTORS.size() && candidates != 0; index++) {
            if ((candidates & 1L << index) == 0) {
                continue;
            }
            Detector d = DETECTORS.get(index);
            Matcher m = d.pattern().matcher(current);
            StringBuilder out = new StringBuilder();
            int last = 0;
            boolean found = false;
            while (m.find()) {
                found = true;
                out.append(current, last, m.start(d.group())).append("[REDACTED:").append(d.kind()).append(']');
                last = m.end(d.group());
                findings.add(new Finding(d.kind()));
            }
            if (found) {
                out.append(current, last, current.length());
                current = out.toString();
            }
        }
        current = mask(current, KeyMaterial.bareRuns(current), findings);
        return findings.isEmpty() ? new Result(text, List.of()) : new Result(current, findings);
    }

    private static String mask(String text, List<int[]> spans, List<Finding> findings) {
        if (spans.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        for (int[] span : spans) {
            out.append(text, last, span[0]).append("[REDACTED:").append(PRIVATE_KEY).append(']');
            last = span[1];
            findings.add(new Finding(PRIVATE_KEY));
        }
        return out.append(text, last, text.length()).toString();
    }
}
