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

/**
 * The forms secrets are actually pasted in (issue 31, item 9), each through a real write path, then searched for in
 * every text column of the database: a Redis URL with an empty user, the JSON {@code aws iam create-access-key}
 * prints, the YAML and ini forms, a bare secret beside its key id, secrets in the paths and queries of a record's
 * links, a deploy marker's URL and an alert's {@code runbook_url} and {@code generatorURL}, and an attachment's
 * name long enough to be cut. And a refused value is never quoted back with its secret.
 */
class PastedSecretFormsTest {
    /** What is pasted, and the secret in it that no column may hold. Fake, in the real formats. */
    private static final Map<String, String> PASTED = new LinkedHashMap<>();

    static {
        PASTED.put("cache is redis://:Rd5-pass-9917@cache.internal:6379/0", "Rd5-pass-9917");
        PASTED.put("{\"AccessKey\": {\"UserName\": \"deploy\", \"Status\": \"Active\", \"SecretAccessKey\": "
                + "\"Zq8w7E6r5T4y3U2i1O0pAsDfGhJkLzXcVbNm1234\"}}", "Zq8w7E6r5T4y3U2i1O0pAsDfGhJkLzXcVbNm1234");
        PASTED.put("aws:\n  region: eu-west-1\n  secret_access_key: Yx9v8U7t6S5r4Q3p2O1nMlKjIhGfEdCbA0987654\n",
                "Yx9v8U7t6S5r4Q3p2O1nMlKjIhGfEdCbA0987654");
        PASTED.put("[default]\naws_secret_access_key = Wq1e2R3t4Y5u6I7o8P9aSdFgHjKlZxCvBnM0qwer",
                "Wq1e2R3t4Y5u6I7o8P9aSdFgHjKlZxCvBnM0qwer");
        PASTED.put("used AKIAZXCVBNMASDFGHJKL Pl0kMnJiUhBvGyTfCxDrEsZaWq1234567890abCD from the CI box",
                "Pl0kMnJiUhBvGyTfCxDrEsZaWq1234567890abCD");
        // The table `aws iam create-access-key --output table` prints, and a session's key id beside its (longer)
        // session token: the id is masked first, and the secret after it must still be found (the attacker's).
        PASTED.put("ACCESSKEY  ASIAQ3EGUWXYZ7ABCDEF  2026-12-01T10:00:00Z  "
                + "IQoJb3JpZ2luX2VjEJr2Lm8Np4Qr6St0Uv2Wx4Yz6Ab8Cd0Ef2Gh4Ij6Kl8Mn0  Active  ci",
                "IQoJb3JpZ2luX2VjEJr2Lm8Np4Qr6St0Uv2Wx4Yz6Ab8Cd0Ef2Gh4Ij6Kl8Mn0");
        // Kinds and shapes the attacker's replay found stored: vendors' prefixes, a key as an address's user (a
        // Sentry DSN), a lower-case webhook key after /hooks/ (Mattermost), a bot token after a colon (Telegram).
        PASTED.put("STRIPE_WEBHOOK_SECRET=whsec_Hk3Lp9Qr2Sv7Wx1Yz5Ab8Cd4", "Hk3Lp9Qr2Sv7Wx1Yz5Ab8Cd4");
        PASTED.put("//registry.npmjs.org/:_authToken=npm_Zx8Cv7Bn6Mq5Wr4Et3Ty2Ui1Op0As9Df8Gh",
                "Zx8Cv7Bn6Mq5Wr4Et3Ty2Ui1Op0As9Df8Gh");
        PASTED.put("SENTRY_DSN https://a1b2c3d4e5f60718293a4b5c6d7e8f90@o4504.ingest.sentry.io/4505",
                "a1b2c3d4e5f60718293a4b5c6d7e8f90");
        PASTED.put("curl -X POST https://chat.example.com/hooks/k7d2m9x4q1w8e5r3t6y0u2i4op -d '{}'",
                "k7d2m9x4q1w8e5r3t6y0u2i4op");
        PASTED.put("https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage",
                "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
        // A presigned address: its credential is a key id, masked first, and the signature after it stays a secret.
        PASTED.put("https://bucket.s3.amazonaws.com/f?X-Amz-Credential=AKIAQ3EGUWXYZ7ABCDEF%2F20261201"
                + "&X-Amz-Signature=Zm9vYmFyYmF6cXV4c2lnbmF0dXJl", "Zm9vYmFyYmF6cXV4c2lnbmF0dXJl");
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
        try (RunningServer s = new RunningServer(db.config(Map.of(Setting.INTEGRATIONS,
                "alertmanager prod bearer=am-secret-1")), MutableClock.at("2026-10-04T02:17:00Z"))) {
            Http admin = s.http();
            ObjectNode h = Json.object();
            h.put("title", "Checkout 502s");
            h.put("severity", "critical");
            List<String> fields = List.of("problem", "impact", "changeMade", "rollbackPlan", "rootCause");
            List<String> pasted = new ArrayList<>(PASTED.keySet());
            for (int k = 0; k < fields.size(); k++) {
                h.put(fields.get(k), pasted.get(k));
            }
            h.put("postmortemUrl", WEBHOOK);
            h.putObject("followUps").putObject("postmortem").put("description", "write it up")
                    .put("link", "https://deploy.example.com/api/" + API_PATH_SECRET + "?sv=2024&sig=" + SIG);
            Http.Response created = admin.post("/api/v1/hotfixes", h.toString());
            assertThat(created.status()).as(created.body()).isEqualTo(201);

            Http.Response deploy = admin.post("/api/v1/deploys", "{\"system\":\"checkout\",\"version\":\"1.2.3\","
                    + "\"url\":\"https://ci.example.com/job/42?token=" + DEPLOY_TOKEN + "\",\"at\":\"2026-10-04T02:00:00Z\"}");
            assertThat(deploy.status()).as(deploy.body()).isEqualTo(201);

            Http.Response alert = s.anonymous().post("/api/v1/ingest/alertmanager/prod", alertDelivery(),
                    "Authorization", "Bearer am-secret-1");
            assertThat(alert.status()).as(alert.body()).isEqualTo(200);

            String token = admin.post("/api/v1/tokens", "{\"name\":\"uploader\",\"role\":\"responder\"}").json()
                    .path("token").asText();
            Multipart.Answer upload = new Multipart(s.url(), token).upload("/api/v1/hotfixes/HOTFIX-001/attachments",
                    "x".repeat(100) + "-" + KEY_ID_IN_A_NAME + ".log", "text/plain",
                    "02:17 pool exhausted\n".getBytes(StandardCharsets.UTF_8), null);
            assertThat(upload.status()).as(upload.text()).isEqualTo(201);
        }

        List<String> secrets = new ArrayList<>(PASTED.values());
        secrets.addAll(List.of(WEBHOOK_SECRET, API_PATH_SECRET, SIG, DEPLOY_TOKEN, RUNBOOK_TOKEN, GENERATOR_SECRET,
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
            for (String path : List.of("/api/v1/risks/" + secret, "/api/v1/lessons/" + secret,
                    "/api/v1/risks/" + longValue, "/api/v1/attachments/" + secret,
                    "/api/v1/risks?state=" + secret, "/api/v1/search?q=x&kind=" + secret)) {
                Http.Response r = admin.get(path);
                assertThat(r.status()).as(path).isBetween(400, 499);
                // What the server says about the value; "instance" is the client's own request path, echoed.
                ObjectNode problem = Json.parseObject(r.body());
                problem.remove("instance");
                assertThat(problem.toString()).as(path).doesNotContain("Zz9Yy8Xx7Ww6").contains("[REDACTED:");
            }
        }
    }

    /** Every text column of every table that holds one of {@code secrets}, with the secret. */
    private static List<String> leaks(TestDb db, List<String> secrets) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.url())) {
            for (Map.Entry<String, List<String>> table : SecretsEverywhereTest.textColumns(db).entrySet()) {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT * FROM " + table.getKey())) {
                    while (rs.next()) {
                        for (String column : table.getValue()) {
                            String value = rs.getString(column);
                            secrets.stream().filter(x -> value != null && value.contains(x))
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
        a.putObject("annotations").put("summary", "primary down")
                .put("runbook_url", "https://runbooks.example.com/db?token=" + RUNBOOK_TOKEN);
        a.put("startsAt", "2026-10-04T02:00:00Z");
        a.put("generatorURL", "https://prometheus.example.com/graph/" + GENERATOR_SECRET);
        a.put("fingerprint", "fp-1");
        return m.toString();
    }
}
