package dev.hotfixlog.store;

/** The two databases this application runs on; the few SQL differences are decided by this value. */
public enum Dialect {
    SQLITE,
    POSTGRESQL;

    public static Dialect ofUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported JDBC URL (want jdbc:sqlite: or jdbc:postgresql:): " + jdbcUrl);
    }
}
