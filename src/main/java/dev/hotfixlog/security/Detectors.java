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
    /**
     * A pattern whose group {@code group} is the secret (0: the whole match; {@link #FIRST_GROUP}: whichever of
     * its groups took part), its hint words, and the fewest characters a secret of it has (a shorter one is a
     * word of prose, not a secret: RE2/J cannot say "at least four, one of them a digit" in one pattern).
     */
    record Detector(String kind, Pattern pattern, int group, List<String> hints, int minChars) {
        Detector(String kind, Pattern pattern, int group, List<String> hints) {
            this(kind, pattern, group, hints, 1);
        }
    }

    static final int FIRST_GROUP = -1;
    // A prefix that names a vendor's token is enough: no word boundary before it, so a token glued to the word
    // before it ("xghp_…", "id=glpat-…") is still found.
    static final Pattern AWS_ACCESS_KEY_ID =
            Pattern.compile("\\b(?:A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ABIA|ACCA)[0-9A-Z]{16}\\b");
    /**
     * The secret after its name in every form AWS prints it: {@code aws_secret_access_key = …} (ini, env, YAML)
     * and {@code "SecretAccessKey": "…"} (the JSON of {@code aws iam create-access-key}).
     */
    static final Pattern AWS_SECRET_ACCESS_KEY = Pattern.compile(
            "(?i)(?:aws_?)?secret_?access_?key[\"']?\\s*[:=]\\s*[\"']?([A-Za-z0-9/+=]{40})(?:[^A-Za-z0-9/+=]|$)");

    static final Pattern GOOGLE_API_KEY = Pattern.compile("\\b(AIza[0-9A-Za-z_\\-]{35})(?:[^0-9A-Za-z_\\-]|$)");
    static final Pattern AZURE_STORAGE_KEY = Pattern.compile("(?i)AccountKey=([A-Za-z0-9+/]{40,}={0,2})");
    static final Pattern GITHUB_TOKEN = Pattern.compile("(?:gh[pousr]_[A-Za-z0-9]{8,}|github_pat_[A-Za-z0-9_]{8,})\\b");
    /** Personal, deploy, runner and other GitLab tokens, and the runner registration token. */
    static final Pattern GITLAB_TOKEN =
            Pattern.compile("(?:gl(?:pat|dt|soat|cbt|rt|ptt|ft|imt|agent|oas)-" + "|GR1348941)[A-Za-z0-9_\\-]{8,}");

    static final Pattern SLACK_TOKEN = Pattern.compile("(?:xox[abposre]|xapp-\\d)-[A-Za-z0-9-]{10,}");
    static final Pattern SLACK_WEBHOOK = Pattern.compile("https://hooks\\.slack\\.com/services/[A-Za-z0-9/_-]+");
    static final Pattern STRIPE_KEY = Pattern.compile("(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}\\b");
    static final Pattern HOTFIX_LOG_TOKEN = Pattern.compile("(hfx_[A-Za-z0-9_\\-]{8,})(?:[^A-Za-z0-9_\\-]|$)");
    /** Header and claims, the signature when there is one ({@code alg: none} has an empty one). */
    static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}(?:\\.[A-Za-z0-9_-]*)?");
    /** The password of {@code scheme://user:password@host}; the user may be empty ({@code redis://:pw@host}). */
    static final Pattern PASSWORD_IN_URL = Pattern.compile("://[^\\s:/@]*:([^\\s@/]+)@");

    static final Pattern BEARER_TOKEN = Pattern.compile("(?i)\\bBearer\\s+([A-Za-z0-9._~+/-]{20,}=*)");
    /** Any other scheme, or none: {@code Authorization: Basic …}, {@code Authorization: Token …}. */
    static final Pattern AUTHORIZATION = Pattern.compile("(?i)\\bauthorization[\"']?\\s*[:=]\\s*[\"']?"
            + "(?:(?:basic|token|api-token|digest|negotiate)\\s+)?([^\\s\"',;]{8,})");
    /** {@code curl -u user:password} and {@code --user}: the whole credential, quotes and all. */
    static final Pattern CURL_USER = Pattern.compile("(?:^|\\s)(?:-u|--user)(?:\\s+|=)?(\\S*:\\S*)");

    static final Pattern OPENAI_KEY = Pattern.compile("\\bsk-[A-Za-z0-9_-]{32,}");
    static final Pattern SENDGRID_KEY = Pattern.compile("\\bSG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}");
    static final Pattern VAULT_TOKEN = Pattern.compile("\\bhv[sbr]\\.[A-Za-z0-9_-]{24,}");
    static final Pattern STRIPE_WEBHOOK_SECRET = Pattern.compile("\\bwhsec_[A-Za-z0-9+/=]{20,}");
    static final Pattern NPM_TOKEN = Pattern.compile("\\bnpm_[A-Za-z0-9]{20,}");
    static final Pattern HEROKU_KEY = Pattern.compile("\\bHRKU-AA[0-9A-Za-z_-]{58}");
    /** An Azure AD client secret: three characters, a digit, {@code Q~}, then 31 to 34 more. */
    static final Pattern AZURE_CLIENT_SECRET = Pattern.compile(
            "(?:^|[^A-Za-z0-9_~.-])([A-Za-z0-9_~.]{3}\\dQ~[A-Za-z0-9_~.-]{31,34})(?:[^A-Za-z0-9_~.-]|$)");
    /**
     * The value after a name that says it is a secret ({@code password}, {@code db_pass}, {@code pw},
     * {@code passphrase}, {@code apiKey},
     * {@code authToken}, {@code client-secret}, {@code private_key}, {@code credentials}), in {@code =}, {@code :},
     * {@code :=} and {@code =>} forms: a quoted value whole (spaces and all), else a run of six or more.
     */
    static final Pattern PASSWORD = Pattern.compile("(?i)(?:[A-Za-z0-9_.-]*(?:passw(?:or)?d|passphrase|pwd|secret"
            + "|token|api_?key|access_?key|private_?key|credentials?)|(?:^|[^A-Za-z0-9])(?:[A-Za-z0-9]*[_.-])?"
            + "(?:pass|pw))"
            + "(?:[_.-][A-Za-z0-9]+)*[\"'`]?\\s*(?::=|=>|[:=])\\s*@?"
            + "(?:\"([^\"\\n]{4,})\"|'([^'\\n]{4,})'|`([^`\\n]{4,})`|([^\\s\"'`,;]{6,}))");

    // Vendors' tokens by their prefixes, as each vendor documents them; a token cut short is still masked whole
    // from a few characters on, since its prefix already says what it is.
    static final Pattern SHOPIFY_TOKEN = Pattern.compile("\\bshp(?:at|ss|ca|pa)_[A-Fa-f0-9]{8,}\\b");
    static final Pattern DOCKER_HUB_TOKEN = Pattern.compile("dckr_pat_[A-Za-z0-9_-]{8,}");
    /** {@code hf_} and 34 letters: a short prefix, so a long tail of letters and digits only (not a name). */
    static final Pattern HUGGING_FACE_TOKEN = Pattern.compile("\\bhf_[A-Za-z0-9]{30,}\\b");

    static final Pattern DIGITALOCEAN_TOKEN = Pattern.compile("do[por]_v1_[a-f0-9]{8,}");
    static final Pattern POSTMAN_KEY = Pattern.compile("PMAK-[A-Za-z0-9]{8,}(?:-[A-Za-z0-9]{8,})?");
    /** A service account token ({@code glsa_}) and a Grafana Cloud access policy token ({@code glc_}, base64). */
    static final Pattern GRAFANA_TOKEN = Pattern.compile("\\b(?:glsa_[A-Za-z0-9_]{8,}|glc_[A-Za-z0-9+/]{8,}={0,2})");

    static final Pattern LINEAR_KEY = Pattern.compile("lin_api_[A-Za-z0-9]{8,}");
    static final Pattern AGE_SECRET_KEY = Pattern.compile("AGE-SECRET-KEY-1[0-9A-Z]{8,}");
    /** A Google OAuth refresh token: {@code 1//0} and a long tail. */
    static final Pattern GOOGLE_REFRESH_TOKEN = Pattern.compile("\\b1//0[A-Za-z0-9_-]{20,}");

    static final Pattern MAILGUN_KEY = Pattern.compile("\\bkey-[0-9a-f]{32}\\b");
    /** 32 hex digits and the data center ({@code -us21}). */
    static final Pattern MAILCHIMP_KEY = Pattern.compile("\\b[0-9a-f]{32}-us[0-9]{1,2}\\b");
    /** A Twilio auth token (32 hex digits) just after its account SID ({@code AC} and 32 hex digits). */
    static final Pattern TWILIO_AUTH_TOKEN =
            Pattern.compile("\\bAC[0-9a-f]{32}\\b[^A-Za-z0-9\\n]{1,8}([0-9a-f]{32})\\b");
    /** A legacy GitHub token (40 hex digits) as an address's user, with what follows it: {@code …:x-oauth-basic@}. */
    static final Pattern GITHUB_TOKEN_IN_URL = Pattern.compile("://([0-9a-f]{40}(?::[^\\s@/]*)?)@");

    // Secrets known by their context only.
    /**
     * A header whose name says credential and that {@link #PASSWORD} does not read ({@code X-Api-Key},
     * {@code Api-Key}, {@code X-Auth-Token}): a pattern of its own, so that the common words stay cheap.
     */
    static final Pattern HEADER_SECRET =
            Pattern.compile("(?i)(?:x-)?(?:api-key|auth-[a-z0-9-]+)[\"']?\\s*:\\s*[\"']?" + "([^\\s\"',;]{6,})");
    /** A cookie header's value whole: every cookie in it may be a session. */
    static final Pattern COOKIE = Pattern.compile("(?i)\\b(?:set-)?cookie\\s*:\\s*([^\\s=;]+=[^\\r\\n]*)");
    /** {@code mysql -pSECRET}, {@code -p'…'} (the password is glued to {@code -p}), and {@code sshpass -p …}. */
    static final Pattern PASSWORD_FLAG = Pattern.compile("(?:(?:mysql|mysqldump|mysqladmin|mariadb)\\b[^\\n]*?"
            + "\\s-p|sshpass\\s+-p\\s*)(?:'([^'\\n]+)'|\"([^\"\\n]+)\"|([^\\s'\"]+))");
    /** Prose: {@code the password is: …}, and {@code .netrc}'s {@code machine … login … password …}. */
    static final Pattern PASSWORD_PROSE = Pattern.compile("(?i)(?:\\bpass(?:word|phrase)\\s+(?:is|was)\\s*:\\s*"
            + "|\\bmachine\\s+\\S+\\s+(?:login\\s+\\S+\\s+)?password\\s+)([^\\s\"'`,;]{4,})");
    /**
     * Prose without a colon: {@code the password is hunter2}, {@code passwd Tr0ub4dor}, {@code pw s3cret!}, and a
     * quoted value after the name ({@code password "…"}). Unquoted, only a value that does not read as a word is taken (a digit or a symbol in it, or a capital after its first letter):
     * {@code the password was rotated}, {@code password for Bob}, {@code Password Manager} stay readable.
     */
    static final Pattern PASSWORD_SAID = Pattern.compile(
            "\\b(?i:pass(?:word|phrase)|passwd|pwd|pw)\\s+"
                    + "(?:(?i:is|was)\\s+)?(?:\"([^\"\\n]{4,})\"|'([^'\\n]{4,})'|([^\\s\"'`,;]*[0-9@#$%^&*_+=~][^\\s\"'`,;]*|[^\\s\"'`,;]+[A-Z][^\\s\"'`,;]*))");
    /** Docker's {@code config.json}: {@code "auth": "<base64 of user:password>"}, and an identity token. */
    static final Pattern DOCKER_AUTH =
            Pattern.compile("\"(?:auth|identitytoken)\"\\s*:\\s*\"([A-Za-z0-9+/=_.-]{8,})\"");

    static final List<Detector> ALL = List.of(
            new Detector(
                    "aws-access-key-id",
                    AWS_ACCESS_KEY_ID,
                    0,
                    List.of("akia", "asia", "agpa", "aida", "aroa", "aipa", "anpa", "anva", "abia", "acca", "a3t")),
            new Detector("aws-secret-access-key", AWS_SECRET_ACCESS_KEY, 1, List.of("secret")),
            new Detector("google-api-key", GOOGLE_API_KEY, 1, List.of("aiza")),
            new Detector("azure-storage-key", AZURE_STORAGE_KEY, 1, List.of("accountkey=")),
            new Detector(
                    "github-token", GITHUB_TOKEN, 0, List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_")),
            new Detector(
                    "gitlab-token",
                    GITLAB_TOKEN,
                    0,
                    List.of(
                            "glpat-",
                            "gldt-",
                            "glsoat-",
                            "glcbt-",
                            "glrt-",
                            "glptt-",
                            "glft-",
                            "glimt-",
                            "glagent-",
                            "gloas-",
                            "gr1348941")),
            new Detector("slack-token", SLACK_TOKEN, 0, List.of("xox", "xapp-")),
            new Detector("slack-webhook", SLACK_WEBHOOK, 0, List.of("hooks.slack.com")),
            new Detector("stripe-key", STRIPE_KEY, 0, List.of("_live_", "_test_")),
            new Detector("hotfix-log-token", HOTFIX_LOG_TOKEN, 1, List.of("hfx_")),
            new Detector("jwt", JWT, 0, List.of("eyj")),
            new Detector("password-in-url", PASSWORD_IN_URL, 1, List.of("://")),
            new Detector("bearer-token", BEARER_TOKEN, 1, List.of("bearer")),
            new Detector("authorization", AUTHORIZATION, 1, List.of("authorization")),
            new Detector("basic-auth", CURL_USER, 1, List.of("-u")),
            new Detector("api-key", OPENAI_KEY, 0, List.of("sk-")),
            new Detector("sendgrid-key", SENDGRID_KEY, 0, List.of("sg.")),
            new Detector("vault-token", VAULT_TOKEN, 0, List.of("hvs.", "hvb.", "hvr.")),
            new Detector("heroku-key", HEROKU_KEY, 0, List.of("hrku-")),
            new Detector("stripe-webhook-secret", STRIPE_WEBHOOK_SECRET, 0, List.of("whsec_")),
            new Detector("npm-token", NPM_TOKEN, 0, List.of("npm_")),
            new Detector("azure-client-secret", AZURE_CLIENT_SECRET, 1, List.of("q~")),
            new Detector(
                    "password",
                    PASSWORD,
                    FIRST_GROUP,
                    List.of("pass", "pw", "secret", "token", "api", "key", "credential")),
            new Detector("password", HEADER_SECRET, 1, List.of("api-key", "x-auth-")),
            new Detector("shopify-token", SHOPIFY_TOKEN, 0, List.of("shpat_", "shpss_", "shpca_", "shppa_")),
            new Detector("docker-hub-token", DOCKER_HUB_TOKEN, 0, List.of("dckr_pat_")),
            new Detector("huggingface-token", HUGGING_FACE_TOKEN, 0, List.of("hf_")),
            new Detector("digitalocean-token", DIGITALOCEAN_TOKEN, 0, List.of("_v1_")),
            new Detector("postman-key", POSTMAN_KEY, 0, List.of("pmak-")),
            new Detector("grafana-token", GRAFANA_TOKEN, 0, List.of("glsa_", "glc_")),
            new Detector("linear-key", LINEAR_KEY, 0, List.of("lin_api_")),
            new Detector("age-secret-key", AGE_SECRET_KEY, 0, List.of("age-secret-key-1")),
            new Detector("google-oauth-token", GOOGLE_REFRESH_TOKEN, 0, List.of("1//0")),
            new Detector("mailgun-key", MAILGUN_KEY, 0, List.of("key-")),
            new Detector("mailchimp-key", MAILCHIMP_KEY, 0, List.of("-us")),
            new Detector(
                    "twilio-auth-token",
                    TWILIO_AUTH_TOKEN,
                    1,
                    List.of(
                            "ac0", "ac1", "ac2", "ac3", "ac4", "ac5", "ac6", "ac7", "ac8", "ac9", "aca", "acb", "acc",
                            "acd", "ace", "acf")),
            new Detector("github-token", GITHUB_TOKEN_IN_URL, 1, List.of("://")),
            new Detector("cookie", COOKIE, 1, List.of("cookie")),
            new Detector("password", PASSWORD_FLAG, FIRST_GROUP, List.of("mysql", "mariadb", "sshpass")),
            new Detector("password", PASSWORD_PROSE, 1, List.of("pass")),
            new Detector("password", PASSWORD_SAID, FIRST_GROUP, List.of("pass", "pw"), 4),
            new Detector("docker-auth", DOCKER_AUTH, 1, List.of("\"auth\"", "\"identitytoken\"")));

    private Detectors() {}
}
