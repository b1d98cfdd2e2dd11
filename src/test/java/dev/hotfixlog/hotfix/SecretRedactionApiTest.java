package dev.hotfixlog.hotfix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A secret pasted into a record is masked on save, noted on the record, and never reaches the database. */
class SecretRedactionApiTest {
    private static final String AWS = "AKIAIOSFODNN7EXAMPLE";
    private static final String DB_PASSWORD = "s3cr3t-P4ss";
    private static final String KEY_LINE = "MIIEowIBAAKCAQEAsecretkeymaterial";

    @BothDatabases
    void secretsInAnyField_areMaskedNotedAndNeverStored(TestDb db) throws Exception {
        MutableClock clock = MutableClock.at("2026-10-04T02:17:00Z");
        try (RunningServer s = new RunningServer(db.config(), clock)) {
            JsonNode h = s.http()
                    .post(
                            "/api/v1/hotfixes",
                            "{\"title\":\"Key rotated\",\"severity\":\"high\","
                                    + "\"problem\":\"the job used " + AWS + " from env\","
                                    + "\"systemsAffected\":[\"billing\",\"postgres://app:" + DB_PASSWORD
                                    + "@db.internal/prod\"],"
                                    + "\"followUps\":{\"documentation\":{\"description\":\"-----BEGIN PRIVATE KEY-----\\n"
                                    + KEY_LINE
                                    + "\\n-----END PRIVATE KEY-----\"}}}")
                    .json();

            assertThat(h.path("problem").asText()).isEqualTo("the job used [REDACTED:aws-access-key-id] from env");
            assertThat(h.path("systemsAffected").get(1).asText())
                    .isEqualTo("postgres://app:[REDACTED:password-in-url]@db.internal/prod");
            assertThat(h.path("followUps")
                            .path("documentation")
                            .path("description")
                            .asText())
                    .isEqualTo("[REDACTED:private-key]");
            assertThat(notes(h))
                    .containsExactly(
                            "problem aws-access-key-id",
                            "systemsAffected[1] password-in-url",
                            "followUps.documentation.description private-key");

            clock.advance(Duration.ofMinutes(5));
            JsonNode edited = s.http()
                    .patch(
                            "/api/v1/hotfixes/HOTFIX-001",
                            "{\"rollbackPlan\":\"restore with password=hunter2hunter2\"}",
                            "If-Match",
                            "\"1\"")
                    .json();
            assertThat(edited.path("rollbackPlan").asText()).isEqualTo("restore with password=[REDACTED:password]");
            assertThat(notes(edited)).hasSize(4).endsWith("rollbackPlan password");
            assertThat(edited.path("redactions").get(3).path("at").asText()).isEqualTo("2026-10-04T02:22:00Z");
            assertThat(s.http().get("/api/v1/hotfixes/HOTFIX-001").json()).isEqualTo(edited);
        }
        for (String secret : List.of(AWS, DB_PASSWORD, KEY_LINE, "hunter2hunter2")) {
            assertThat(tablesContaining(db, secret)).as(secret).isEmpty();
        }
    }

    private static List<String> notes(JsonNode h) {
        List<String> out = new ArrayList<>();
        h.path("redactions")
                .forEach(r ->
                        out.add(r.path("field").asText() + " " + r.path("kind").asText()));
        return out;
    }

    /** Every table whose text, in any column, contains {@code needle}. */
    private static List<String> tablesContaining(TestDb db, String needle) throws Exception {
        List<String> hits = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.url())) {
            for (String table : List.of(
                    "hotfix",
                    "hotfix_system",
                    "hotfix_step",
                    "follow_up",
                    "hotfix_revision",
                    "hotfix_redaction",
                    "audit_event")) {
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            String v = rs.getString(i);
                            if (v != null && v.contains(needle)) {
                                hits.add(table);
                            }
                        }
                    }
                }
            }
        }
        return hits;
    }
}
