package dev.hotfixlog.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL the tests run on: the server named by {@code HOTFIX_TEST_PG_URL} when set (CI sets it), else one
 * embedded PostgreSQL started once for this JVM. Never skipped: if neither works, the tests fail and say why.
 */
final class TestPostgres {
    private static final Object LOCK = new Object();
    private static String baseUrl;

    private TestPostgres() {}

    static TestDb freshSchema() {
        String base = baseUrl();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        exec(base, "CREATE SCHEMA " + schema);
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try {
            return new TestDb(
                    "postgresql",
                    url,
                    Files.createTempDirectory("hotfix-test-pg-"),
                    () -> exec(base, "DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String baseUrl() {
        synchronized (LOCK) {
            if (baseUrl == null) {
                String env = System.getenv("HOTFIX_TEST_PG_URL");
                if (env != null && !env.isBlank()) {
                    baseUrl = env.trim();
                } else {
                    try {
                        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                            try {
                                pg.close();
                            } catch (IOException ignored) {
                                // the JVM is ending; nothing more to do
                            }
                        }));
                        baseUrl = pg.getJdbcUrl("postgres", "postgres");
                    } catch (IOException e) {
                        throw new IllegalStateException(
                                "HOTFIX_TEST_PG_URL is not set and the embedded " + "PostgreSQL did not start: " + e,
                                e);
                    }
                }
            }
            return baseUrl;
        }
    }

    private static void exec(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test PostgreSQL at " + url + " refused: " + sql + ": " + e, e);
        }
    }
}
