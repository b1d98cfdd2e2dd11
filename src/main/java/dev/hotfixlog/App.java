package dev.hotfixlog;

import dev.hotfixlog.hotfix.HotfixApiClient;
import dev.hotfixlog.hotfix.HotfixRoutes;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.hotfix.LocalHotfixService;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.web.HealthRoutes;
import dev.hotfixlog.web.HomeRoutes;
import dev.hotfixlog.web.WebServer;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The composition root: the one place where configuration, clock, database and features are wired together by
 * constructor. Either local (owns a {@link Database}) or remote (a client of another server's REST API).
 */
public final class App implements AutoCloseable {
    private final Config config;
    private final Database db;
    private final HotfixService hotfixes;

    private App(Config config, Database db, HotfixService hotfixes) {
        this.config = config;
        this.db = db;
        this.hotfixes = hotfixes;
    }

    /** Local when no server is configured, otherwise a client of {@code config.server()}. */
    public static App open(Config config, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        if (config.isRemote()) {
            return new App(config, null, new HotfixApiClient(config.server(), config.token()));
        }
        return local(config, clock);
    }

    public static App local(Config config, Clock clock) {
        Database db = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword(), config.dbPoolSize());
        return new App(config, db, new LocalHotfixService(db, clock));
    }

    public HotfixService hotfixes() {
        return hotfixes;
    }

    /** Starts the HTTP server on this app's database; only a local app can serve. */
    public WebServer serve() {
        if (db == null) {
            throw new IllegalStateException("a remote client cannot serve; unset HOTFIX_SERVER to serve locally");
        }
        return new WebServer(config, List.of(
                new HomeRoutes()::register,
                new HealthRoutes(db)::register,
                new HotfixRoutes(hotfixes)::register)).start();
    }

    @Override
    public void close() {
        if (db != null) {
            db.close();
        }
    }
}
