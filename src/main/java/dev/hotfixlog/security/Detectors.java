package dev.hotfixlog.security;

import com.google.re2j.Pattern;
import java.util.List;

/**
 * The named kinds of credential the redactor knows, each a pattern on RE2/J: every pattern here reads whatever a
 * person pastes, so none may backtrack (the old JWT pattern took 26 s on 100 KB of {@code -eyJ}). RE2/J has no
 * lookaround: a secret already masked is told apart in code ({@link SecretRedactor}), not by a lookahead.
 *
 * <p>Each pattern is a constant of its own, so that the linear-time test finds it by reflection.
 */
final class Detectors {
    /** A pattern whose group {@code group} is the secret (0: the whole match), and its hint words. */
    record Detector(String kind, Pattern pattern, int group, List<String> hints) {
    }

    static final Pattern AWS_ACCESS_KEY_ID = Pattern.compile(
            "\\b(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ABIA|ACCA)[0-9A-Z]{16}\\b");
    /**
     * The secret after its name in every form AWS prints it: {@code aws_secret_access_key = …} (ini, env, YAML)
     * and {@code "SecretAccessKey": "…"} (the JSON of {@code aws iam create-access-key}).
     */
    static final Pattern AWS_SECRET_ACCESS_KEY = Pattern.compile(
            "(?i)(?:aws_?)?secret_?access_?key[\"']?\\s*[:=]\\s*[\"']?([A-Za-z0-9/+=]{40})(?:[^A-Za-z0-9/+=]|$)");
    static final Pattern GOOGLE_API_KEY = Pattern.compile("\\b(AIza[0-9A-Za-z_\\-]{35})(?:[^0-9A-Za-z_\\-]|$)");
    static final Pattern AZURE_STORAGE_KEY = Pattern.compile("(?i)AccountKey=([A-Za-z0-9+/]{40,}={0,2})");
    static final Pattern GITHUB_TOKEN = Pattern.compile(
            "\\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\\b");
    static final Pattern GITLAB_TOKEN = Pattern.compile("\\bgl(?:pat|dt|soat|cbt|rt|ptt|ft|imt|agent|oas)-"
            + "[A-Za-z0-9_\\-]{20,}");
    static final Pattern SLACK_TOKEN = Pattern.compile("\\bxox[abposre]-[A-Za-z0-9-]{10,}");
    static final Pattern SLACK_WEBHOOK = Pattern.compile("https://hooks\\.slack\\.com/services/[A-Za-z0-9/_-]+");
    static final Pattern STRIPE_KEY = Pattern.compile("\\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}\\b");
    static final Pattern HOTFIX_LOG_TOKEN = Pattern.compile("\\b(hfx_[A-Za-z0-9_\\-]{43})(?:[^A-Za-z0-9_\\-]|$)");
    /** Header and claims, the signature when there is one ({@code alg: none} has an empty one). */
    static final Pattern JWT = Pattern.compile(
            "\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}(?:\\.[A-Za-z0-9_-]*)?");
    /** The password of {@code scheme://user:password@host}; the user may be empty ({@code redis://:pw@host}). */
    static final Pattern PASSWORD_IN_URL = Pattern.compile("://[^\\s:/@]*:([^\\s@/]+)@");
    static final Pattern BEARER_TOKEN = Pattern.compile("(?i)\\bBearer\\s+([A-Za-z0-9._~+/-]{20,}=*)");
    static final Pattern PASSWORD = Pattern.compile("(?i)\\b(?:password|passwd|pwd|client_secret|api_?key"
            + "|secret_?key|access_?token|aws_?access_?key)[\"']?\\s*[:=]\\s*[\"']?([^\\s\"',;]{6,})");

    static final List<Detector> ALL = List.of(
            new Detector("aws-access-key-id", AWS_ACCESS_KEY_ID, 0,
                    List.of("akia", "asia", "agpa", "aida", "aroa", "aipa", "anpa", "anva", "abia", "acca")),
            new Detector("aws-secret-access-key", AWS_SECRET_ACCESS_KEY, 1, List.of("secret")),
            new Detector("google-api-key", GOOGLE_API_KEY, 1, List.of("aiza")),
            new Detector("azure-storage-key", AZURE_STORAGE_KEY, 1, List.of("accountkey=")),
            new Detector("github-token", GITHUB_TOKEN, 0,
                    List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_")),
            new Detector("gitlab-token", GITLAB_TOKEN, 0, List.of("glpat-", "gldt-", "glsoat-", "glcbt-", "glrt-",
                    "glptt-", "glft-", "glimt-", "glagent-", "gloas-")),
            new Detector("slack-token", SLACK_TOKEN, 0, List.of("xox")),
            new Detector("slack-webhook", SLACK_WEBHOOK, 0, List.of("hooks.slack.com")),
            new Detector("stripe-key", STRIPE_KEY, 0, List.of("_live_", "_test_")),
            new Detector("hotfix-log-token", HOTFIX_LOG_TOKEN, 1, List.of("hfx_")),
            new Detector("jwt", JWT, 0, List.of("eyj")),
            new Detector("password-in-url", PASSWORD_IN_URL, 1, List.of("://")),
            new Detector("bearer-token", BEARER_TOKEN, 1, List.of("bearer")),
            new Detector("password", PASSWORD, 1, List.of("pass", "pwd", "secret", "api", "access")));

    private Detectors() {
    }
}
