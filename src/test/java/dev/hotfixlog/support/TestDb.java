package dev.hotfixlog.support;

import dev.hotfixlog.Config;
import dev.hotfixlog.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * A fresh, empty database for one test: a SQLite file in a new temp folder, or a new schema on the test
 * PostgreSQL. {@link #toString()} names the dialect, so parameterized test names say which one ran.
 */
public final class TestDb implements AutoCloseable {
    /** The admin token every test server is started with (HOTFIX_BOOTSTRAP_TOKEN). */
    public static final String ADMIN_TOKEN = "test-bootstrap-admin-token";

    private final String name;
    private final String url;
    private final Path dataDir;
    private final Runnable cleanup;

    TestDb(String name, String url, Path dataDir, Runnable cleanup) {
        this.name = name;
        this.url = url;
        this.dataDir = dataDir;
        this.cleanup = cleanup;
    }

    public static TestDb sqlite() {
        try {
            Path dir = Files.createTempDirectory("hotfix-test-");
            return new TestDb("sqlite", "jdbc:sqlite:" + dir.resolve("hotfix.db"), dir, () -> {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestDb postgres() {
        return TestPostgres.freshSchema();
    }

    public String url() {
        return url;
    }

    public boolean isPostgres() {
        return name.equals("postgresql");
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Defaults, this database, any free port, plus the given overrides. */
    public Config config(Map<Setting, String> overrides) {
        Map<Setting, String> m = new EnumMap<>(Setting.class);
        m.put(Setting.DB_URL, url);
        m.put(Setting.DATA_DIR, dataDir.toString());
        m.put(Setting.PORT, "0");
        m.put(Setting.ACTOR, "tester");
        m.put(Setting.BOOTSTRAP_TOKEN, ADMIN_TOKEN);
        m.putAll(overrides);
        return Config.withOverrides(m);
    }

    public Config config() {
        return config(Map.of());
    }

    @Override
    public void close() {
        cleanup.run();
    }

    @Override
    public String toString() {
        return name;
    }
}
