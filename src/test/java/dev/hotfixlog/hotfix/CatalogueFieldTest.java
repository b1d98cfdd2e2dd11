package dev.hotfixlog.hotfix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.store.Database;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.ServerProcess;
import dev.hotfixlog.support.TestDb;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A built-in field added the way the catalogue says a plain field is added: one line in the catalogue (here a
 * test-only one, {@link CustomerRef}, given to a server process through {@link RecordFields#EXTRA_FIELDS_PROPERTY})
 * and its column in one migration (here {@link #migrate}, which also puts it in the search text, as that
 * migration would). No other code knows it, yet it round-trips through the API, the record page, the Markdown
 * log (full), the CLI and search.
 */
class CatalogueFieldTest {
    /** The test-only catalogue: one plain field, searched, in The Context. */
    public static final class CustomerRef implements Supplier<List<RecordField>> {
        @Override
        public List<RecordField> get() {
            return List.of(new RecordField(
                    "customerRef",
                    "customer_ref",
                    "Customer Ref",
                    "[Ticket of the customer " + "who reported it]",
                    List.of("customer ticket"),
                    RecordSection.CONTEXT,
                    "Customer reference",
                    FieldKind.TEXT,
                    200,
                    0,
                    0,
                    null,
                    true,
                    false,
                    true));
        }
    }

    private static final List<String> JVM =
            List.of("-D" + RecordFields.EXTRA_FIELDS_PROPERTY + "=" + CustomerRef.class.getName());

    @BothDatabases
    void aFieldAddedToTheCatalogueAndOneMigration_roundTripsThroughEveryLayer(TestDb db) throws Exception {
        try (Database d = Database.open(db.url(), "", "", 2)) {
            d.read(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()); // migrated to the newest version
        }
        migrate(db);
        try (ServerProcess server = new ServerProcess(db.url(), db.dataDir(), JVM)) {
            Http api = new Http(server.url(), TestDb.ADMIN_TOKEN);

            // API: create, read, edit; a value over the catalogue's limit is refused by name.
            Http.Response made = api.post(
                    "/api/v1/hotfixes",
                    "{\"title\":\"Card declines for one merchant\","
                            + "\"severity\":\"high\",\"customerRef\":\"ACME-4242 escalation\"}");
            assertThat(made.status()).isEqualTo(201);
            assertThat(made.json().path("customerRef").asText()).isEqualTo("ACME-4242 escalation");
            assertThat(api.post(
                                    "/api/v1/hotfixes",
                                    "{\"title\":\"x\",\"severity\":\"high\",\"customerRef\":\"" + "r".repeat(201)
                                            + "\"}")
                            .body())
                    .contains("customerRef");
            Http.Response edited =
                    api.patch("/api/v1/hotfixes/HOTFIX-001", "{\"customerRef\":\"ACME-4243\"}", "If-Match", "\"1\"");
            assertThat(edited.status()).isEqualTo(200);
            assertThat(api.get("/api/v1/hotfixes/HOTFIX-001/history").body()).contains("customerRef");
            assertThat(api.get("/api/v1/openapi.json")
                            .json()
                            .at("/components/schemas/HotfixInput/properties")
                            .has("customerRef"))
                    .isTrue();

            // The record page shows it in its section, with its label; the section's editor has its input.
            String page = api.get("/hotfixes/HOTFIX-001", "Accept", "text/html").body();
            assertThat(page).contains("Customer reference").contains("ACME-4243");
            assertThat(api.get("/hotfixes/HOTFIX-001/sections/context/edit", "Accept", "text/html")
                            .body())
                    .contains("name=\"customerRef\"")
                    .contains("ACME-4243");

            // Markdown (full): written under its label; the page read back sets it.
            String log = api.get("/api/v1/export?format=full").body();
            assertThat(log).contains("**Customer Ref:** ACME-4243");
            Http.Response imported = api.post(
                    "/api/v1/import",
                    log.replace("**Customer Ref:** ACME-4243", "**Customer Ref:** ACME-5000 Globex"),
                    "Content-Type",
                    "text/markdown; charset=utf-8");
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
            assertThat(api.get("/api/v1/hotfixes/HOTFIX-001")
                            .json()
                            .path("customerRef")
                            .asText())
                    .isEqualTo("ACME-5000 Globex");

            // Search finds the record by it (a word: PostgreSQL reads "ACME-5000" as "acme" and "-5000").
            assertThat(api.get("/api/v1/search?q=globex").json().path("items").toString())
                    .contains("HOTFIX-001");

            // The CLI sets it and shows it under its label.
            assertThat(cli(db, "set", "HOTFIX-001", "customerRef=ACME-6000")).contains("updated");
            assertThat(cli(db, "show", "HOTFIX-001")).contains("Customer Ref: ACME-6000");
        }
    }

    private static String cli(TestDb db, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(ServerProcess.javaCommand(JVM));
        command.addAll(List.of(args));
        command.addAll(List.of("--db", db.url(), "--data-dir", db.dataDir().toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("HOTFIX_ACTOR", "tester");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    /**
     * The field's one migration: its column, and the search text's definition with it (SQLite: the searched-row
     * view of V21; PostgreSQL: the generated column of V15 and the record's view of V19, which names the searched
     * columns).
     */
    private static void migrate(TestDb db) throws Exception {
        List<String> statements = new ArrayList<>();
        statements.add("ALTER TABLE hotfix ADD COLUMN customer_ref TEXT");
        if (db.isPostgres()) {
            statements.add("DROP VIEW record_facts");
            statements.add("ALTER TABLE hotfix DROP COLUMN search");
            String v15 = resource("db/migration/postgresql/V15__search.sql");
            String search = v15.substring(
                    v15.indexOf("ALTER TABLE hotfix ADD COLUMN search"), v15.indexOf("CREATE INDEX hotfix_search"));
            statements.add(search.replace(
                            "coalesce(learning, '')",
                            "coalesce(learning, '') || ' ' || " + "coalesce(customer_ref, '')")
                    .strip()
                    .replaceAll(";$", ""));
            statements.add("CREATE INDEX hotfix_search ON hotfix USING GIN (search) WITH (fastupdate = off)");
            String v19 = resource("db/migration/postgresql/V19__record_read_models.sql");
            String view = v19.substring(v19.indexOf("CREATE VIEW record_facts"), v19.indexOf("FROM hotfix;"));
            statements.add(view.replace("learning,", "learning, customer_ref,") + "FROM hotfix");
        } else {
            // SQLite's searched row is one view (V21), which the search triggers read: it gains the column.
            String v21 = resource("db/migration/sqlite/V21__search_team_fields.sql");
            String view = v21.substring(v21.indexOf("CREATE VIEW search_hotfix_row"), v21.indexOf("FROM hotfix h;"));
            statements.add("DROP VIEW search_hotfix_row");
            statements.add(view.replace("h.learning,", "h.learning, h.customer_ref,") + "FROM hotfix h");
        }
        try (Connection c = DriverManager.getConnection(db.url());
                Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = CatalogueFieldTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
