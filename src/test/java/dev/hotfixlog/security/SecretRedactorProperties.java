package dev.hotfixlog.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The redactor skips a detector when the text holds none of its hint words, found in one pass. That exists for
 * speed only: masking must be exactly what running every detector's pattern over the text gives, for texts
 * built from secrets, near misses, every case, and the whitespace the patterns tell apart.
 */
class SecretRedactorProperties {
    private static final String GITHUB = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
    private static final List<String> PIECES = List.of(
            "AKIAIOSFODNN7EXAMPLE", "ASIA", "aws_secret_access_key = ", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "AIza" + "SyA1234567890abcdefghijklmnopqrstuv", "AccountKey=", "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFy==",
            GITHUB, "github_pat_" + "11ABCDEFG0123456789_abcdefghij", "gh", "glpat-" + "Xy12Ab34Cd56Ef78Gh90",
            "xoxb-" + "123456789012-12345", "https://hooks.slack.com/services/T000/B000/XXXX", "sk_" + "live_",
            "4eC39HqLyjWDarjtT1zdp7dc", "hfx_" + "A".repeat(43), "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0."
                    + "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "-----BEGIN RSA PRIVATE KEY-----",
            "-----END RSA PRIVATE KEY-----", "postgres://", "https://", "app", ":", "s3cr3t-P4ss", "@", "/", "db.internal",
            "Bearer ", "abcdef0123456789abcdef0123", "password=", "pwd: ", "client_secret", "\"", "'", "=", " ", "\t",
            "\n", "\u000B", "\u2003", "\u00A0", "ünï", "日本", "🚨", "[REDACTED:password]", "x", "42", ";", ",",
            // Whole URLs, so that user parts are common: some a pattern masks, some it must not.
            "https://u:pw12345@h/x", "postgres://app:s3cr3t@db:5432", "ftp://a:b@c", "https://u:pw\u2003x@h",
            "https://u:pw\u000Bx@h", "https://host/p@x", "https://host:8443/a?b=c@d", "git+ssh://git@host:repo",
            "redis://:only-a-password@cache:6379", "https://u:[REDACTED:password-in-url]@h");

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
        Arbitrary<String> piece = Arbitraries.of(PIECES).flatMap(p -> Arbitraries.of(p, p.toUpperCase(),
                p.toLowerCase()));
        return piece.list().ofMinSize(1).ofMaxSize(12).map(ps -> String.join("", ps));
    }
}
