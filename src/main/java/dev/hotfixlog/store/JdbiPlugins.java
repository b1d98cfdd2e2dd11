package dev.hotfixlog.store;

import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * A pool's {@link Jdbi}, with the Jdbi plugins the class path declares ({@code META-INF/services}). The jar
 * declares none; the tests declare one that records every statement with the feature that issued it and fails a
 * test class whose features touched a table another owns. This is the tests' hook into the database: no flag, no
 * static state, and nothing in production that could switch it on.
 */
final class JdbiPlugins {
    private JdbiPlugins() {}

    static Jdbi create(DataSource pool) {
        return Jdbi.create(pool).installPlugins();
    }
}
