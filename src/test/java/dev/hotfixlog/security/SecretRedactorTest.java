package dev.hotfixlog.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each kind of pasted credential is masked, and only the secret part of it; ordinary incident text is not. */
class SecretRedactorTest {
    private final SecretRedactor redactor = new SecretRedactor();

    // Fake, but in the real formats. Built by concatenation so no scanner mistakes this file for a leak.
    private static final String GITHUB = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9" + ".eyJzdWIiOiJwcml5YSJ9" + ".c2lnbmF0dXJlLXNpZ25hdHVyZQ";

    static List<Arguments> secrets() {
        return List.of(
                Arguments.of(
                        "aws-access-key-id",
                        "key AKIAIOSFODNN7EXAMPLE in the config",
                        "key [REDACTED:aws-access-key-id] in the config"),
                Arguments.of(
                        "aws-secret-access-key",
                        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                        "aws_secret_access_key = [REDACTED:aws-secret-access-key]"),
                Arguments.of(
                        "google-api-key",
                        "maps key AIza" + "SyA1234567890abcdefghijklmnopqrstuv broke",
                        "maps key [REDACTED:google-api-key] broke"),
                Arguments.of(
                        "azure-storage-key",
                        "DefaultEndpointsProtocol=https;AccountName=logs;AccountKey="
                                + "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFy==;EndpointSuffix=x",
                        "DefaultEndpointsProtocol=https;AccountName=logs;AccountKey=[REDACTED:azure-storage-key];"
                                + "EndpointSuffix=x"),
                Arguments.of("github-token", "git clone with " + GITHUB, "git clone with [REDACTED:github-token]"),
                Arguments.of("gitlab-token", "glpat-" + "Xy12Ab34Cd56Ef78Gh90 used", "[REDACTED:gitlab-token] used"),
                Arguments.of(
                        "slack-token",
                        "bot xoxb-" + "123456789012-1234567890123-AbCdEfGhIjKl",
                        "bot [REDACTED:slack-token]"),
                Arguments.of(
                        "slack-webhook",
                        "posted to https://hooks.slack.com/services/T000/B000/XXXXXXXX now",
                        "posted to [REDACTED:slack-webhook] now"),
                Arguments.of("stripe-key", "sk_" + "live_4eC39HqLyjWDarjtT1zdp7dc", "[REDACTED:stripe-key]"),
                Arguments.of(
                        "hotfix-log-token",
                        "HOTFIX_TOKEN=hfx_" + "A".repeat(43),
                        "HOTFIX_TOKEN=[REDACTED:hotfix-log-token]"),
                Arguments.of("jwt", "cookie " + JWT + " expired", "cookie [REDACTED:jwt] expired"),
                Arguments.of(
                        "private-key",
                        "pasted:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\nabc\n"
                                + "-----END RSA PRIVATE KEY-----\nthen restarted",
                        "pasted:\n[REDACTED:private-key]\nthen restarted"),
                Arguments.of(
                        "private-key",
                        "half a key -----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk",
                        "half a key [REDACTED:private-key]"),
                Arguments.of(
                        "password-in-url",
                        "DATABASE_URL=postgres://app:s3cr3t-P4ss@db.internal:5432/prod",
                        "DATABASE_URL=postgres://app:[REDACTED:password-in-url]@db.internal:5432/prod"),
                Arguments.of(
                        "bearer-token",
                        "curl -H 'Authorization: Bearer abcdef0123456789abcdef0123' …",
                        "curl -H 'Authorization: Bearer [REDACTED:bearer-token]' …"),
                Arguments.of(
                        "password",
                        "set password=hunter2hunter2; retried",
                        "set password=[REDACTED:password]; retried"),
                Arguments.of(
                        "password",
                        "\"client_secret\": \"9f8e7d6c5b4a\"",
                        "\"client_secret\": \"[REDACTED:password]\""));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("secrets")
    void eachKind_isMaskedLeavingTheRestReadable(String kind, String text, String expected) {
        SecretRedactor.Result r = redactor.redact(text);
        assertThat(r.text()).isEqualTo(expected);
        assertThat(r.findings()).extracting(SecretRedactor.Finding::kind).containsExactly(kind);
        assertThat(redactor.redact(r.text()).changed())
                .as("masking twice changes nothing")
                .isFalse();
    }

    /**
     * The forms an independent tester found stored as typed (finding F5): a password said in prose without a colon,
     * short names ({@code pw}, {@code passwd}, {@code passphrase}), and a secret access key pasted with nothing near
     * it. Each is masked whatever its wording around it.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "the password is Hunter2hunter and it worked",
                "the db password was Tr0ub4dor&3 until the rotation",
                "passwd Sw0rdfish99 on the bastion",
                "PASSWD: Sw0rdfish99",
                "pw: kq8Zp2Lm",
                "use pw s3cret!now for the replica",
                "gpg passphrase=correct-horse-42",
                "GPG_PASSPHRASE = \"long phrase with spaces\"",
                "Passphrase is Opensesame7",
                "password \"m{{h}o)p${e]nob(ody[finds>-_$#thisone}}\";",
                "the secret key is wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY sorry",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "rotated: Zq8w7E6r5T4y3U2i1O0pAsDfGhJkLzXcVbNm1234,done"
            })
    void aPasswordSaidInProse_aShortName_orABareSecretKey_isMasked(String text) {
        SecretRedactor.Result r = redactor.redact(text);
        assertThat(r.changed()).as(r.text()).isTrue();
        for (String secret : List.of(
                "Hunter2hunter",
                "Tr0ub4dor",
                "Sw0rdfish99",
                "kq8Zp2Lm",
                "s3cret",
                "correct-horse",
                "long phrase",
                "Opensesame7",
                "bPxRfiCYEXAMPLEKEY",
                "AsDfGhJkLzXcVbNm1234",
                "nob(ody")) {
            assertThat(r.text()).doesNotContain(secret);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "The password was rotated at 03:10 and the pods restarted",
                "password for Bob expired; pw reset sent",
                "Bitwarden Password Manager is where it lives",
                "the password is wrong. passphrase is set in vault",
                "dev/hotfixlog/Security/Aws12KeyPairsTest",
                "getHotfixRecordByIdentifierAndVersion2V3",
                "PaymentGatewayTimeoutsInRegion2EuWestOn1",
                "commit 4b825dc642cb6eb9a060e54bf8d69288fbee4904 reverted"
            })
    void wordsAfterPassword_pathsIdentifiersAndDigests_areLeftAlone(String text) {
        assertThat(redactor.redact(text).text()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Checkout returns 502 after payment provider TLS rotation",
                "Rollback: re-enable payments.pinning and redeploy tag gateway-2026.10.03",
                "Post-mortem: https://wiki.example.com/postmortems/hotfix-001",
                "The password reset flow broke for SSO users",
                "Token bucket limiter set to 500 req/s; see HOTFIX-042",
                "ssh deploy@bastion.example.com then systemctl restart indexer",
                "Bearer auth failed for the partner API",
                "index lag seconds > 600 for 10 minutes"
            })
    void ordinaryIncidentText_isLeftAlone(String text) {
        assertThat(redactor.redact(text).text()).isEqualTo(text);
    }

    /** A PEM body line as pasted: 64 base64 characters (fake, made by repetition). */
    private static final String KEY_BODY_LINE =
            "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7" + "q1W2e3R4t5Y6u7I8";

    @Test
    void aKeyBodyLinePastedWithoutItsBeginLine_isMasked() {
        SecretRedactor.Result r = redactor.redact("the pod logged\n" + KEY_BODY_LINE + "\nand crashed");
        assertThat(r.text()).isEqualTo("the pod logged\n[REDACTED:private-key]\nand crashed");
        assertThat(r.findings()).extracting(SecretRedactor.Finding::kind).containsExactly("private-key");
    }

    @Test
    void aBeginLineWithoutItsEnd_masksTheKeyLinesAndKeepsTheTextAfterThem() {
        SecretRedactor.Result r = redactor.redact("used -----BEGIN RSA PRIVATE KEY-----\n" + KEY_BODY_LINE
                + "\nQUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=\nthen restarted the gateway; see HOTFIX-012.");
        assertThat(r.text()).isEqualTo("used [REDACTED:private-key]\nthen restarted the gateway; see HOTFIX-012.");
    }

    @Test
    void aWholeKeyOnOneLine_isMaskedWhole() {
        assertThat(redactor.redact("k=-----BEGIN EC PRIVATE KEY----- MHcCAQEEIB3x abc= -----END EC PRIVATE KEY----- ok")
                        .text())
                .isEqualTo("k=[REDACTED:private-key] ok");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "commit 4b825dc642cb6eb9a060e54bf8d69288fbee4904 reverted 4b825dc642cb6eb9a060e54bf8d69288fbee4904",
                "/var/lib/postgresql/15/main/pg_wal/000000010000000A000000FF/archive_status/backups",
                "PaymentGatewayCircuitBreakerOpenedAfterRepeatedUpstreamTimeoutsInRegionEuWest"
            })
    void longIdsDigestsPathsAndWords_areNotKeyMaterial(String text) {
        assertThat(redactor.redact(text).text()).isEqualTo(text);
    }

    @Test
    void severalSecretsInOneText_areAllMasked() {
        SecretRedactor.Result r = redactor.redact("AKIAIOSFODNN7EXAMPLE and " + GITHUB + " and https://u:pw12345@h/x");
        assertThat(r.text())
                .isEqualTo("[REDACTED:aws-access-key-id] and [REDACTED:github-token] and "
                        + "https://u:[REDACTED:password-in-url]@h/x");
    }

    /** Inputs that made the old patterns quadratic: a 20-second refusal is a request that stalls the service. */
    @ParameterizedTest
    @ValueSource(ints = {40_000, 400_000})
    void hostileShapes_areScannedInLinearTime(int n) {
        String url = "a.".repeat(n) + "://";
        String keys = "-----BEGIN RSA PRIVATE KEY----- x\n".repeat(n / 10) + "-----END RSA PRIVATE KEY-----";
        String run = "Ab1+".repeat(n);
        Assertions.assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> {
                    assertThat(redactor.redact(url).changed()).isFalse();
                    assertThat(redactor.redact(keys).text()).isEqualTo("[REDACTED:private-key]");
                    assertThat(redactor.redact(run).text()).isEqualTo("[REDACTED:private-key]");
                },
                "a hang guard, not a measure: bench/pathological.sh measures");
    }
}
