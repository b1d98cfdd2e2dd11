package dev.hotfixlog.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.json.Json;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The forms an independent tester found stored as pasted (redact2): a secret written in escapes (percent, HTML
 * references, {@code \\uXXXX} as text), a token cut short after its vendor's prefix, a secret known only by what
 * stands before it (a header, a command's flag, prose, {@code .netrc}, Docker's {@code config.json}, a JSON member
 * named for it), and vendors' prefixes the redactor did not know. Fake secrets, in the real formats.
 */
class EncodedAndContextSecretsTest {
    private final SecretRedactor redactor = new SecretRedactor();

    static List<Arguments> escaped() {
        return List.of(
                Arguments.of(
                        "key%3DAKIAQYLPMN5HHHFPZAM2%26secret%3DZq8v3Lr9TfW2mKd7Xp4Bn6Hj1Sg5Vc0Ye2Ru8IoP",
                        "key%3D[REDACTED:aws-access-key-id]%26[REDACTED:aws-secret-access-key]"),
                Arguments.of(
                        "https://x.example/?t=ghp%5FR7k2Lq9Xw4Tz8Vb3Nm6Pj1Hs5Dg0Fc2Ya7Ue",
                        "https://x.example/?t=[REDACTED:github-token]"),
                Arguments.of(
                        "&#65;&#75;&#73;&#65;&#81;&#89;&#76;&#80;&#77;&#78;&#53;&#72;&#72;&#72;&#70;&#80;&#90;"
                                + "&#65;&#77;&#50; Zq8v3Lr9TfW2mKd7Xp4Bn6Hj1Sg5Vc0Ye2Ru8IoP",
                        "[REDACTED:aws-access-key-id] [REDACTED:aws-secret-access-key]"),
                Arguments.of("id &#x41;&#x4b;IAQYLPMN5HHHFPZAM2 here", "id [REDACTED:aws-access-key-id] here"),
                Arguments.of(
                        "\\u0041\\u004b\\u0049\\u0041QYLPMN5HHHFPZAM2 Zq8v3Lr9TfW2mKd7Xp4Bn6Hj1Sg5Vc0Ye2Ru8IoP",
                        "[REDACTED:aws-access-key-id] [REDACTED:aws-secret-access-key]"),
                Arguments.of(
                        "postgres://app:H7mlEntPassw0rd&#64;db.internal/app",
                        "postgres://app:[REDACTED:password-in-url]&#64;db.internal/app"),
                Arguments.of(
                        "https://h/?a=1&amp;password=Amp3ntPassw0rd&amp;b=2",
                        "https://h/?a=1&amp;password=[REDACTED:password]")); // a value runs to a space, ; or ,
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("escaped")
    void aSecretWrittenInEscapes_isFoundDecoded_andMaskedWithItsEscapes(String text, String expected) {
        assertThat(redactor.redact(text).text()).isEqualTo(expected);
        assertThat(redactor.redact(expected).changed())
                .as("masking twice changes nothing")
                .isFalse();
    }

    static List<Arguments> cutShort() {
        return List.of(
                Arguments.of("token ghp_R7k2Lq9Xw4Tz8Vb3Nm6Pj1Hs5Dg0Fc2Ya7U", "token [REDACTED:github-token]"),
                Arguments.of("glpat-aBcDeFgHiJkLmNoPqRs", "[REDACTED:gitlab-token]"),
                Arguments.of(
                        "used hfx_MYxJFoIKaNlb9-KTQKCFnT9uXWIkIXjUW0ffwOItLy in the script",
                        "used [REDACTED:hotfix-log-token] in the script"),
                Arguments.of("hfx_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789aB", "[REDACTED:hotfix-log-token]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cutShort")
    void aTokenCutShortAfterItsPrefix_isMaskedWhole(String text, String expected) {
        assertThat(redactor.redact(text).text()).isEqualTo(expected);
    }

    static List<Arguments> byContext() {
        return List.of(
                Arguments.of("X-Api-Key: 0a1b2c3d4e5f60718293a4b5c6d7e8f9", "X-Api-Key: [REDACTED:password]"),
                Arguments.of("-H 'Api-Key: Zk3Lp9Qr2Sv7Wx1Y'", "-H 'Api-Key: [REDACTED:password]'"),
                Arguments.of("X-Auth-Key: 9f8e7d6c5b4a3210", "X-Auth-Key: [REDACTED:password]"),
                Arguments.of(
                        "Cookie: session=0a1b2c3d4e5f60718293a4b5c6d7e8f9; csrftoken=abc", "Cookie: [REDACTED:cookie]"),
                Arguments.of("Set-Cookie: sid=Zk3Lp9Qr2Sv7; Path=/; HttpOnly", "Set-Cookie: [REDACTED:cookie]"),
                Arguments.of(
                        "mysql -h db -u root -pMySqlCli-Passw0rd app", "mysql -h db -u root -p[REDACTED:password] app"),
                Arguments.of(
                        "mysqldump -u root -p'Qu0ted Passw0rd' app", "mysqldump -u root -p'[REDACTED:password]' app"),
                Arguments.of("sshpass -p Ssh9assPassw0rd ssh ops@box", "sshpass -p [REDACTED:password] ssh ops@box"),
                Arguments.of(
                        "curl -uadmin:CurlAttached-Passw0rd https://api.example.com",
                        "curl -u[REDACTED:basic-auth] https://api.example.com"),
                Arguments.of("The root password is: Pr0se-Passw0rd-42", "The root password is: [REDACTED:password]"),
                Arguments.of(
                        "machine api.example.com login bob password N3trcPassw0rd",
                        "machine api.example.com login bob password [REDACTED:password]"),
                Arguments.of(
                        "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"ZG9ja2VyOkQwY2tlckF1dGhQYXNzdzByZA==\"}}}",
                        "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"[REDACTED:docker-auth]\"}}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("byContext")
    void aSecretKnownByWhatStandsBeforeIt_isMasked(String text, String expected) {
        assertThat(redactor.redact(text).text()).isEqualTo(expected);
    }

    static List<Arguments> vendors() {
        return List.of(
                Arguments.of("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", "[REDACTED:shopify-token]"),
                Arguments.of("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", "[REDACTED:shopify-token]"),
                Arguments.of("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", "[REDACTED:shopify-token]"),
                Arguments.of(
                        "docker login -u ops -p dckr_pat_2b3c4d5e6f7g8h9i0jKlMnOpQrS",
                        "docker login -u ops -p [REDACTED:docker-hub-token]"),
                Arguments.of("HF_TOKEN hf_aBcDeFgHiJkLmNoPqRsTuVwXyZaBcDeFgH", "HF_TOKEN [REDACTED:huggingface-token]"),
                Arguments.of(
                        "dop_v1_0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9",
                        "[REDACTED:digitalocean-token]"),
                Arguments.of(
                        "PMAK-0a1b2c3d4e5f607182930a1b-0a1b2c3d4e5f60718293a4b5c6d7e8f9ab", "[REDACTED:postman-key]"),
                Arguments.of("glsa_aBcDeFgHiJkLmNoPqRsTuVwXyZ012345_0a1b2c3d", "[REDACTED:grafana-token]"),
                Arguments.of("lin_api_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789aBcD", "[REDACTED:linear-key]"),
                Arguments.of("AGE-SECRET-KEY-1" + "Q".repeat(58), "[REDACTED:age-secret-key]"),
                Arguments.of("api:key-0a1b2c3d4e5f60718293a4b5c6d7e8f9", "api:[REDACTED:mailgun-key]"),
                Arguments.of(
                        "MAILCHIMP_KEY=0a1b2c3d4e5f60718293a4b5c6d7e8f9-us21",
                        "MAILCHIMP_KEY=[REDACTED:mailchimp-key]"),
                Arguments.of(
                        "refresh 1//0gaBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789-aBcDeFgHiJkLmNoPqRs",
                        "refresh [REDACTED:google-oauth-token]"),
                Arguments.of(
                        "git clone https://0123456789abcdef0123456789abcdef01234567:x-oauth-basic@github.com/a/b",
                        "git clone https://[REDACTED:github-token]@github.com/a/b"),
                Arguments.of(
                        "client = Client('AC0a1b2c3d4e5f60718293a4b5c6d7e8f9', 'f9e8d7c6b5a4039281706f5e4d3c2b1a')",
                        "client = Client('AC0a1b2c3d4e5f60718293a4b5c6d7e8f9', '[REDACTED:twilio-auth-token]')"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vendors")
    void aVendorsTokenInProse_isMaskedByItsPrefix(String text, String expected) {
        assertThat(redactor.redact(text).text()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"db_password", "api_key", "password", "clientSecret", "x-auth", "authToken"})
    void aJsonTextUnderANameThatSaysSecret_isMaskedWhole(String name) {
        ObjectNode labels = Json.object();
        labels.putObject("labels")
                .put(name, "AmLabelPassw0rd")
                .put("author", "priya")
                .put("service", "pay");
        List<SecretRedactor.Masked> found = redactor.maskInPlace(labels);
        assertThat(Json.write(labels))
                .isEqualTo("{\"labels\":{\"" + name
                        + "\":\"[REDACTED:secret]\",\"author\":\"priya\",\"service\":\"pay\"}}");
        assertThat(found).containsExactly(new SecretRedactor.Masked("labels." + name, "secret"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "50% of requests failed & retried",
                "R&D; see \\users",
                "100%% done",
                "a &b; c",
                "the password is required",
                "cookie jar"
            })
    void ordinaryTextWithEscapeCharacters_isLeftAlone(String text) {
        assertThat(redactor.redact(text).changed()).isFalse();
    }
}
