package dev.hotfixlog.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The redactor skips a detector when the text holds none of its hint words, found in one pass. That exists for
 * speed only: masking must be exactly what running every detector's pattern over the text gives, for texts
 * built from secrets, near misses, every case, and the whitespace the patterns tell apart.
 */
class SecretRedactorProperties {
    private static final String GITHUB = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
    private static final List<String> PIECES = List.of(
            "AKIAIOSFODNN7EXAMPLE",
            "ASIA",
            "aws_secret_access_key = ",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "AIza" + "SyA1234567890abcdefghijklmnopqrstuv",
            "AccountKey=",
            "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFy==",
            GITHUB,
            "github_pat_" + "11ABCDEFG0123456789_abcdefghij",
            "gh",
            "glpat-" + "Xy12Ab34Cd56Ef78Gh90",
            "xoxb-" + "123456789012-12345",
            "https://hooks.slack.com/services/T000/B000/XXXX",
            "sk_" + "live_",
            "4eC39HqLyjWDarjtT1zdp7dc",
            "hfx_" + "A".repeat(43),
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0." + "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
            "-----BEGIN RSA PRIVATE KEY-----",
            "-----END RSA PRIVATE KEY-----",
            "postgres://",
            "https://",
            "app",
            ":",
            "s3cr3t-P4ss",
            "@",
            "/",
            "db.internal",
            "Bearer ",
            "abcdef0123456789abcdef0123",
            "password=",
            "pwd: ",
            "client_secret",
            "\"",
            "'",
            "=",
            " ",
            "\t",
            "\n",
            "\u000B",
            "\u2003",
            "\u00A0",
            "ünï",
            "日本",
            "🚨",
            "[REDACTED:password]",
            "x",
            "42",
            ";",
            ",",
            // Whole URLs, so that user parts are common: some a pattern masks, some it must not.
            "https://u:pw12345@h/x",
            "postgres://app:s3cr3t@db:5432",
            "ftp://a:b@c",
            "https://u:pw\u2003x@h",
            "https://u:pw\u000Bx@h",
            "https://host/p@x",
            "https://host:8443/a?b=c@d",
            "git+ssh://git@host:repo",
            "redis://:only-a-password@cache:6379",
            "https://u:[REDACTED:password-in-url]@h",
            // What folding reads: invisible characters and full-width letters.
            "\u200B",
            "\u00AD",
            "\uFEFF",
            "\uDB40\uDC41",
            "ＡＫＩＡ",
            "ＩＯＳＦＯＤＮＮ７",
            "ｇｈｐ＿",
            "１２");
    /** Secrets a detector masks whole, and its kind. */
    private static final Map<String, String> WHOLE = Map.of(
            "AKIAIOSFODNN7EXAMPLE",
            "aws-access-key-id",
            GITHUB,
            "github-token",
            "glpat-" + "Xy12Ab34Cd56Ef78Gh90",
            "gitlab-token",
            "sk_" + "live_4eC39HqLyjWDarjtT1zdp7dc",
            "stripe-key",
            "npm_" + "Zx8Cv7Bn6Mq5Wr4Et3Ty2Ui1Op0As9Df8Gh",
            "npm-token",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
            "jwt",
            "xoxb-" + "123456789012-1234567890123-AbCdEfGhIjKl",
            "slack-token");
    /** Every format (Cf) character there is: the zero-width ones, joiners, BOM, soft hyphen, tags, and the rest. */
    private static final List<Integer> FORMAT = IntStream.rangeClosed(0x80, Character.MAX_CODE_POINT)
            .filter(cp -> Character.getType(cp) == Character.FORMAT)
            .boxed()
            .toList();

    /**
     * A secret split by any invisible characters anywhere inside it, some of its letters in full width, is masked
     * where it was pasted, wholly: folding finds it, and the mask covers the characters it was split by.
     */
    @Property(tries = 2000)
    void aSecretSplitByInvisibleCharacters_orPartlyInFullWidth_isMaskedWhole(
            @ForAll("whole") String secret,
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 1, max = 1000) Integer> places,
            @ForAll("format") List<Integer> invisible,
            @ForAll @Size(max = 6) List<@IntRange(max = 1000) Integer> wide) {
        StringBuilder disguised = new StringBuilder(secret);
        for (int k : wide) {
            int at = k % secret.length();
            char c = disguised.charAt(at);
            if (c > ' ' && c <= '~') {
                disguised.setCharAt(at, (char) (c + 0xFF01 - '!'));
            }
        }
        // From the end, so each place is still inside the secret's own characters.
        List<Integer> inside =
                places.stream().map(k -> 1 + k % (secret.length() - 1)).sorted().toList();
        for (int k = inside.size() - 1; k >= 0; k--) {
            disguised.insert(inside.get(k), Character.toString(invisible.get(k % invisible.size())));
        }
        String text = "used " + disguised + " then";
        assertThat(new SecretRedactor().redact(text).text())
                .as(text)
                .isEqualTo("used [REDACTED:" + WHOLE.get(secret) + "] then");
    }

    @Provide
    Arbitrary<String> whole() {
        return Arbitraries.of(WHOLE.keySet());
    }

    @Provide
    Arbitrary<List<Integer>> format() {
        return Arbitraries.of(FORMAT).list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 3000)
    void hints_neverChangeWhatIsMasked(@ForAll("texts") String text) {
        SecretRedactor redactor = new SecretRedactor();
        SecretRedactor.Result fast = redactor.redact(text);
        SecretRedactor.Result all = redactor.redactSearchingAll(text);
        assertThat(fast.text()).isEqualTo(all.text());
        assertThat(fast.findings()).isEqualTo(all.findings());
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> piece =
                Arbitraries.of(PIECES).flatMap(p -> Arbitraries.of(p, p.toUpperCase(), p.toLowerCase()));
        return piece.list().ofMinSize(1).ofMaxSize(12).map(ps -> String.join("", ps));
    }
}
