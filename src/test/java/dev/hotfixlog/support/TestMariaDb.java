package dev.hotfixlog.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh MariaDB (or MySQL) database for one test, on the server named by {@code HOTFIX_TEST_MARIADB_URL} (CI sets
 * it) or else the machine's own at 127.0.0.1:3306 as root. Never skipped: without a server the test fails and
 * says how to start one.
 */
public final class TestMariaDb implements AutoCloseable {
    private static final String DEFAULT = "jdbc:mariadb://127.0.0.1:3306/test?user=root";
    private final String url;
    private final String admin;
    private final String name;

    private TestMariaDb(String admin, String name) {
        this.admin = admin;
        this.name = name;
        this.url = admin.replaceFirst("^(jdbc:\\w+://[^/]+/)[^?]*", "$1" + name);
    }

    public static TestMariaDb fresh() {
        String env = System.getenv("HOTFIX_TEST_MARIADB_URL");
        String admin = env == null || env.isBlank() ? DEFAULT : env.strip();
        String name = "morgue_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(admin);
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "no MariaDB at " + admin.replaceFirst("\\?.*", "") + " (" + e.getMessage()
                            + "): start one (Debian: apt-get install mariadb-server; start-stop-daemon --start --oknodo "
                            + "--background --exec /usr/sbin/mariadbd) or set HOTFIX_TEST_MARIADB_URL",
                    e);
        }
        return new TestMariaDb(admin, name);
    }

    /** The test database's JDBC URL, with the user (and password) the server was reached with. */
    public String url() {
        return url;
    }

    public void exec(String... statements) {
        try (Connection c = DriverManager.getConnection(url);
                Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try (Connection c = DriverManager.getConnection(admin);
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
