package dev.hotfixlog.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.Setting;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.Multipart;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The forms secrets are actually pasted in (issue 31, item 9), each through a real write path, then searched for in
 * every text column of the database: a Redis URL with an empty user, the JSON {@code aws iam create-access-key}
 * prints, the YAML and ini forms, a bare secret beside its key id, secrets in the paths and queries of a record's
 * links, a deploy marker's URL and an alert's {@code runbook_url} and {@code generatorURL}, and an attachment's
 * name long enough to be cut; a secret in full-width letters or split by invisible characters, an armored private
 * key (OpenPGP, SSH2, PuTTY, PEM with armor headers) whole or cut short, a token's prefix before a random tail in
 * an address. And a refused value is never quoted back with its secret.
 */
class PastedSecretFormsTest {
    /** An armored OpenPGP private key as {@code gpg --export-secret-keys --armor} prints it (fake, shortened). */
    private static final String PGP_PRIVATE = "-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\n"
            + "Comment: Ops On-Call <oncall@example.org>\n\n"
            + "lQWGBGSVV4YBDAClvRnxezIRy2Yv7SFlzC0iFiRF/O/jePSw+XYhvcrTaqSYTGic\n"
            + "Xk2Lp8Qr4Sv9Wx1Yz6Ab3Cd7\n=8xQN\n"
            + "-----END PGP PRIVATE KEY BLOCK-----";

    /** What is pasted, and the secret in it that no column may hold. Fake, in the real formats. */
    private static final Map<String, String> PASTED = new LinkedHashMap<>();

    static {
        PASTED.put("cache is redis://:Rd5-pass-9917@cache.internal:6379/0", "Rd5-pass-9917");
        PASTED.put(
                "{\"AccessKey\": {\"UserName\": \"deploy\", \"Status\": \"Active\", \"SecretAccessKey\": "
                        + "\"Zq8w7E6r5T4y3U2i1O0pAsDfGhJkLzXcVbNm1234\"}}",
                "Zq8w7E6r5T4y3U2i1O0pAsDfGhJkLzXcVbNm1234");
        PASTED.put(
                "aws:\n  region: eu-west-1\n  secret_access_key: Yx9v8U7t6S5r4Q3p2O1nMlKjIhGfEdCbA0987654\n",
                "Yx9v8U7t6S5r4Q3p2O1nMlKjIhGfEdCbA0987654");
        PASTED.put(
                "[default]\naws_secret_access_key = Wq1e2R3t4Y5u6I7o8P9aSdFgHjKlZxCvBnM0qwer",
                "Wq1e2R3t4Y5u6I7o8P9aSdFgHjKlZxCvBnM0qwer");
        PASTED.put(
                "used AKIAZXCVBNMASDFGHJKL Pl0kMnJiUhBvGyTfCxDrEsZaWq1234567890abCD from the CI box",
                "Pl0kMnJiUhBvGyTfCxDrEsZaWq1234567890abCD");
        // The table `aws iam create-access-key --output table` prints, and a session's key id beside its (longer)
        // session token: the id is masked first, and the secret after it must still be found (the attacker's).
        PASTED.put(
                "ACCESSKEY  ASIAQ3EGUWXYZ7ABCDEF  2026-12-01T10:00:00Z  "
                        + "IQoJb3JpZ2luX2VjEJr2Lm8Np4Qr6St0Uv2Wx4Yz6Ab8Cd0Ef2Gh4Ij6Kl8Mn0  Active  ci",
                "IQoJb3JpZ2luX2VjEJr2Lm8Np4Qr6St0Uv2Wx4Yz6Ab8Cd0Ef2Gh4Ij6Kl8Mn0");
        // Kinds and shapes the attacker's replay found stored: vendors' prefixes, a key as an address's user (a
        // Sentry DSN), a lower-case webhook key after /hooks/ (Mattermost), a bot token after a colon (Telegram).
        PASTED.put("STRIPE_WEBHOOK_SECRET=whsec_Hk3Lp9Qr2Sv7Wx1Yz5Ab8Cd4", "Hk3Lp9Qr2Sv7Wx1Yz5Ab8Cd4");
        PASTED.put(
                "//registry.npmjs.org/:_authToken=npm_Zx8Cv7Bn6Mq5Wr4Et3Ty2Ui1Op0As9Df8Gh",
                "Zx8Cv7Bn6Mq5Wr4Et3Ty2Ui1Op0As9Df8Gh");
        PASTED.put(
                "SENTRY_DSN https://a1b2c3d4e5f60718293a4b5c6d7e8f90@o4504.ingest.sentry.io/4505",
                "a1b2c3d4e5f60718293a4b5c6d7e8f90");
        PASTED.put(
                "curl -X POST https://chat.example.com/hooks/k7d2m9x4q1w8e5r3t6y0u2i4op -d '{}'",
                "k7d2m9x4q1w8e5r3t6y0u2i4op");
        PASTED.put(
                "https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage",
                "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
        // A presigned address: its credential is a key id, masked first, and the signature after it stays a secret.
        PASTED.put(
                "https://bucket.s3.amazonaws.com/f?X-Amz-Credential=AKIAQ3EGUWXYZ7ABCDEF%2F20261201"
                        + "&X-Amz-Signature=Zm9vYmFyYmF6cXV4c2lnbmF0dXJl",
                "Zm9vYmFyYmF6cXV4c2lnbmF0dXJl");
        // The three forms an independent tester found stored as pasted: a key id in full-width letters or split by
        // an invisible character, a PGP private key block (whole, and cut short), a lower-case token in a path.
        PASTED.put("key " + fullWidth("AKIAJ5TRV8WQ2XP4YKLM") + " in the CI log", fullWidth("J5TRV8WQ2XP4YKLM"));
        PASTED.put("key AKIA\u200BJ6USW9XR3YQ5ZLMN from the wiki", "J6USW9XR3YQ5ZLMN");
        PASTED.put(PGP_PRIVATE, "Xk2Lp8Qr4Sv9Wx1Yz6Ab3Cd7"); // its last line: a 64-character line was masked before
        PASTED.put(
                "half of it:\n-----BEGIN PGP PRIVATE KEY BLOCK-----\nComment: ops@example.org\n\n"
                        + "lQVYBGSWX5ZBDADmwSoyFaJzR3Xv8TgmDb0\nhm then the call dropped",
                "lQVYBGSWX5ZBDADmwSoyFaJzR3Xv8TgmDb0");
        PASTED.put(
                "GET https://api.example.com/v1/tk_8e1d4c7b2a9f6e3d0c5b8a1f/events returned 401",
                "8e1d4c7b2a9f6e3d0c5b8a1f");
    }

    /** {@code ascii} in the full-width forms of its letters and digits (U+FF01 and on), as some IMEs type them. */
    static String fullWidth(String ascii) {
        StringBuilder b = new StringBuilder();
        ascii.chars().forEach(c -> b.append((char) (c + 0xFF01 - '!')));
        return b.toString();
    }

    private static final String WEBHOOK = "https://hooks.example.com/services/T0AB1/B0CD2/Hk8Lp3Qr7Sv2Wx";
    private static final String WEBHOOK_SECRET = "Hk8Lp3Qr7Sv2Wx";
    private static final String API_PATH_SECRET = "Kq7Lm2Np9Rs4Tv6Wx8Yz1Ab3Cd5Ef7Gh9Ij0Kl2Mn4";
    private static final String SIG = "Sg7Hj2Kl9Qw4Er6Ty8Ui";
    private static final String DEPLOY_TOKEN = "Tk3Ab9Cd2Ef7Gh1Jk5";
    private static final String RUNBOOK_TOKEN = "Rb4Xy7Zw2Vu9Ts6Rq3";
    private static final String GENERATOR_SECRET = "Gn5Hy8Jt3Kr6Lw9Mz2Nx4Pb7Qc1Rd0Se3Tf";
    /** An AWS key id that the name's 120-character limit would cut to 15 characters. */
    private static final String KEY_ID_IN_A_NAME = "AKIAQAZWSXEDCRFVTGBY";

    @BothDatabases
    void everyPastedForm_isMaskedBeforeItIsStored(TestDb db) throws Exception {
        try (RunningServer s = new RunningServer(
                db.config(Map.of(Setting.INTEGRATIONS, "alertmanager prod bearer=am-secret-1")),
                MutableClock.at("2026-10-04T02:17:00Z"))) {
            Http admin = s.http();
            List<String> fields = List.of("problem", "impact", "changeMade", "rollbackPlan", "rootCause");
            List<String> pasted = new ArrayList<>(PASTED.keySet());
            // Five forms a record, as many records as it takes: every form is written, not the first five only.
            for (int from = 0; from < pasted.size(); from += fields.size()) {
                ObjectNode h = Json.object();
                h.put("title", "Checkout 502s, part " + (from / fields.size() + 1));
                h.put("severity", "critical");
                for (int k = 0; k < fields.size(); k++) {
                    h.put(fields.get(k), from + k < pasted.size() ? pasted.get(from + k) : "n/a");
                }
                if (from == 0) {
                    h.put("postmortemUrl", WEBHOOK);
                    h.putObject("followUps")
                            .putObject("postmortem")
                            .put("description", "write it up")
                            .put("link", "https://deploy.example.com/api/" + API_PATH_SECRET + "?sv=2024&sig=" + SIG);
                }
                Http.Response created = admin.post("/api/v1/hotfixes", h.toString());
                assertThat(created.status()).as(created.body()).isEqualTo(201);
            }

            Http.Response deploy = admin.post(
                    "/api/v1/deploys",
                    "{\"system\":\"checkout\",\"version\":\"1.2.3\"," + "\"url\":\"https://ci.example.com/job/42?token="
                            + DEPLOY_TOKEN + "\",\"at\":\"2026-10-04T02:00:00Z\"}");
            assertThat(deploy.status()).as(deploy.body()).isEqualTo(201);

            Http.Response alert = s.anonymous()
                    .post("/api/v1/ingest/alertmanager/prod", alertDelivery(), "Authorization", "Bearer am-secret-1");
            assertThat(alert.status()).as(alert.body()).isEqualTo(200);

            String token = admin.post("/api/v1/tokens", "{\"name\":\"uploader\",\"role\":\"responder\"}")
                    .json()
                    .path("token")
                    .asText();
            Multipart.Answer upload = new Multipart(s.url(), token)
                    .upload(
                            "/api/v1/hotfixes/HOTFIX-001/attachments",
                            "x".repeat(100) + "-" + KEY_ID_IN_A_NAME + ".log",
                            "text/plain",
                            "02:17 pool exhausted\n".getBytes(StandardCharsets.UTF_8),
                            null);
            assertThat(upload.status()).as(upload.text()).isEqualTo(201);
        }

        List<String> secrets = new ArrayList<>(PASTED.values());
        secrets.addAll(List.of(
                WEBHOOK_SECRET,
                API_PATH_SECRET,
                SIG,
                DEPLOY_TOKEN,
                RUNBOOK_TOKEN,
                GENERATOR_SECRET,
                KEY_ID_IN_A_NAME.substring(0, 15)));
        assertThat(leaks(db, secrets)).as("columns that hold a pasted secret").isEmpty();
    }

    @BothDatabases
    void aRefusedValue_isQuotedMasked_neverWithItsSecret(TestDb db) throws Exception {
        String secret = "ghp_Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp9Oo8Nn";
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            Http admin = s.http();
            // A value long enough that quoting it cuts it: the cut must come after the masking.
            String longValue = "x".repeat(80) + secret;
            for (String path : List.of(
                    "/api/v1/risks/" + secret,
                    "/api/v1/lessons/" + secret,
                    "/api/v1/risks/" + longValue,
                    "/api/v1/attachments/" + secret,
                    "/api/v1/risks?state=" + secret,
                    "/api/v1/search?q=x&kind=" + secret)) {
                Http.Response r = admin.get(path);
                assertThat(r.status()).as(path).isBetween(400, 499);
                // What the server says about the value; "instance" is the client's own request path, echoed.
                ObjectNode problem = Json.parseObject(r.body());
                problem.remove("instance");
                assertThat(problem.toString())
                        .as(path)
                        .doesNotContain("Zz9Yy8Xx7Ww6")
                        .contains("[REDACTED:");
            }
        }
    }

    /** Every text column of every table that holds one of {@code secrets}, with the secret. */
    private static List<String> leaks(TestDb db, List<String> secrets) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.url())) {
            for (Map.Entry<String, List<String>> table :
                    SecretsEverywhereTest.textColumns(db).entrySet()) {
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT * FROM " + table.getKey())) {
                    while (rs.next()) {
                        for (String column : table.getValue()) {
                            String value = rs.getString(column);
                            secrets.stream()
                                    .filter(x -> value != null && value.contains(x))
                                    .forEach(x -> out.add(table.getKey() + "." + column + " holds " + x));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String alertDelivery() {
        ObjectNode m = Json.object();
        m.put("version", "4");
        m.put("groupKey", "{}:{alertname=\"DbDown\"}");
        m.put("status", "firing");
        ObjectNode a = m.putArray("alerts").addObject();
        a.put("status", "firing");
        a.putObject("labels").put("alertname", "DbDown").put("service", "checkout");
        a.putObject("annotations")
                .put("summary", "primary down")
                .put("runbook_url", "https://runbooks.example.com/db?token=" + RUNBOOK_TOKEN);
        a.put("startsAt", "2026-10-04T02:00:00Z");
        a.put("generatorURL", "https://prometheus.example.com/graph/" + GENERATOR_SECRET);
        a.put("fingerprint", "fp-1");
        return m.toString();
    }

    /** The invisible characters a secret is split by when copied from a wiki, a chat or a word processor. */
    private static final List<String> INVISIBLE =
            List.of("\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u180E", "\u2062", "\uDB40\uDC20");

    @Test
    void aKeyIdSplitByAnyInvisibleCharacter_orInFullWidthLetters_isMaskedWhereItWasPasted() {
        SecretRedactor redactor = new SecretRedactor();
        for (String invisible : INVISIBLE) {
            String pasted = "key AKIA" + invisible + "IOSFODNN7" + invisible + "EXAMPLE in the config";
            assertThat(redactor.redact(pasted).text())
                    .as(pasted)
                    .isEqualTo("key [REDACTED:aws-access-key-id] in the config");
        }
        assertThat(redactor.redact("鍵：" + fullWidth("AKIAIOSFODNN7EXAMPLE") + "、です")
                        .text())
                .isEqualTo("鍵：[REDACTED:aws-access-key-id]、です");
        // Any detector, not the key id's only: a token's prefix in full width, a split GitHub token.
        assertThat(redactor.redact(fullWidth("ghp_") + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8 leaked")
                        .text())
                .isEqualTo("[REDACTED:github-token] leaked");
        assertThat(redactor.redact("gh\u200Dp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8")
                        .text())
                .isEqualTo("[REDACTED:github-token]");
    }

    @Test
    void textWithFullWidthOrInvisibleCharacters_butNoSecret_isLeftAlone() {
        for (String text : List.of(
                "障害：決済ＡＰＩが５０２を返す（ＨＯＴＦＩＸ－０４２）",
                "soft\u00ADhyphen\u200Bated words",
                "ﬁxed the ﬂaky test ①②③",
                "emoji 👩\u200D💻 joined")) {
            assertThat(new SecretRedactor().redact(text).text()).isEqualTo(text);
        }
    }

    @Test
    void everyArmoredPrivateKey_isMaskedWhole_headersAndChecksumIncluded() {
        SecretRedactor redactor = new SecretRedactor();
        assertThat(redactor.redact("pasted\n" + PGP_PRIVATE + "\nthen rotated").text())
                .isEqualTo("pasted\n[REDACTED:private-key]\nthen rotated");
        assertThat(redactor.redact("half of it:\n-----BEGIN PGP PRIVATE KEY BLOCK-----\nComment: ops@example.org\n\n"
                                + "lQVYBGSWX5ZBDADmwSoyFaJzR3Xv8TgmDb0\nXk2Lp8Qr4Sv9Wx1\n\nhm then the call dropped")
                        .text())
                .isEqualTo("half of it:\n[REDACTED:private-key]\n\nhm then the call dropped");
        assertThat(redactor.redact("-----BEGIN PGP SECRET KEY BLOCK-----\n\nlQOYBGSV\n=abcd\n"
                                + "-----END PGP SECRET KEY BLOCK-----")
                        .text())
                .isEqualTo("[REDACTED:private-key]");
        assertThat(redactor.redact("---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: \"rsa-key-20240101\"\n"
                                + "P2/56wAAA+4AAAA3aWYtbW9kbntzaWdu\ne3JzYS1wa2NzMS1zaGExfSxl\n"
                                + "---- END SSH2 ENCRYPTED PRIVATE KEY ----\nafter")
                        .text())
                .isEqualTo("[REDACTED:private-key]\nafter");
        assertThat(redactor.redact(
                                "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
                                        + "DEK-Info: AES-128-CBC,0123456789ABCDEF\n\nMIIEowIBAAKCAQEA\nabc\nand then the paste ended")
                        .text())
                .isEqualTo("[REDACTED:private-key]\nand then the paste ended");
        assertThat(redactor.redact("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: eddsa-key\n"
                                + "Public-Lines: 1\nAAAAC3NzaC1lZDI1NTE5AAAAIG\nPrivate-Lines: 1\nAAAAIHxqz3Rkc2VjcmV0\n"
                                + "Private-MAC: 0123abcd")
                        .text())
                .isEqualTo("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n"
                        + "Comment: eddsa-key\nPublic-Lines: 1\nAAAAC3NzaC1lZDI1NTE5AAAAIG\n[REDACTED:private-key]\n"
                        + "Private-MAC: 0123abcd");
    }

    @Test
    void aPublicKeyBlockOrCertificate_isLeftAlone() {
        for (String label : List.of("PGP PUBLIC KEY BLOCK", "PUBLIC KEY", "CERTIFICATE", "PGP SIGNATURE")) {
            String block = "-----BEGIN " + label + "-----\nComment: Ops On-Call\n\n"
                    + "mQINBGSVV4YBDAClvRnxezIRy2Yv7SFlzC0iFiRF/O/jePSw+XYhvcrTaqSYTGic\n=8xQN\n-----END " + label
                    + "-----";
            assertThat(new SecretRedactor().redact("ours:\n" + block + "\nok").text())
                    .isEqualTo("ours:\n" + block + "\nok");
        }
    }

    @Test
    void aTokensPrefixAndARandomTailInAnAddress_isMaskedInAnyCaseItsPrefixAllows() {
        SecretRedactor redactor = new SecretRedactor();
        assertThat(redactor.redact("GET https://api.example.com/v1/tk_3f9a8b7c6d5e4f3a2b1c0d9e/events 401")
                        .text())
                .isEqualTo("GET https://api.example.com/v1/[REDACTED:secret-in-url]/events 401");
        assertThat(redactor.redact("https://api.example.com/v1/events?id=TK-3F9A8B7C6D5E4F3A2B1C0D9E")
                        .text())
                .isEqualTo("https://api.example.com/v1/events?id=[REDACTED:secret-in-url]");
        assertThat(redactor.redact("https://shop.example.com/admin/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")
                        .text())
                .isEqualTo("https://shop.example.com/admin/[REDACTED:shopify-token]"); // named by its own pattern
        // A vendor's prefix in another case is not the vendor's.
        assertThat(redactor.redact("https://shop.example.com/admin/SHPAT_0C3E2B9A8F7D6E5C4B3A2F1E0D9C8B7A")
                        .text())
                .isEqualTo("https://shop.example.com/admin/SHPAT_0C3E2B9A8F7D6E5C4B3A2F1E0D9C8B7A");
    }
}
