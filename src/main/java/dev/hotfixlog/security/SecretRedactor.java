package dev.hotfixlog.security;

import java.util.ArrayList;
import java.util.List;
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
     * A pattern whose group {@code group} is the secret (0: the whole match), and lower-case words of which
     * every match contains one: a text without any of them is not searched (most text has none, and an import
     * of thousands of records runs every detector over every field).
     */
    private record Detector(String kind, Pattern pattern, int group, List<String> hints) {
        boolean mayMatch(String lower) {
            for (String h : hints) {
                if (lower.contains(h)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final String NOT_MASKED = "(?!\\[REDACTED)";
    private static final List<Detector> DETECTORS = List.of(
            new Detector("private-key", Pattern.compile(
                    "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----(?:[\\s\\S]*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----"
                            + "|[\\s\\S]*)"), 0,
                    List.of("private key")),
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
                    List.of("gh", "github_pat_")),
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
                    "\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s:/@]+:" + NOT_MASKED + "([^\\s@/]+)@"), 1,
                    List.of("://")),
            new Detector("bearer-token", Pattern.compile("(?i)\\bBearer\\s+" + NOT_MASKED
                    + "([A-Za-z0-9._~+/-]{20,}=*)"), 1,
                    List.of("bearer")),
            new Detector("password", Pattern.compile("(?i)\\b(?:password|passwd|pwd|client_secret|api_?key|secret_?key"
                    + "|access_?token)[\"']?\\s*[:=]\\s*[\"']?" + NOT_MASKED + "([^\\s\"',;]{6,})"), 1,
                    List.of("pass", "pwd", "secret", "api", "access")));

    public Result redact(String text) {
        if (text == null || text.isEmpty()) {
            return new Result(text, List.of());
        }
        String current = text;
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        List<Finding> findings = new ArrayList<>();
        for (Detector d : DETECTORS) {
            if (!d.mayMatch(lower)) {
                continue;
            }
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
        return new Result(current, findings);
    }
}
