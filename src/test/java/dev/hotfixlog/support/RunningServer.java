package dev.hotfixlog.support;

import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.web.Role;
import dev.hotfixlog.web.WebServer;
import java.time.Clock;

/** A real server on a random loopback port over a test database. */
public final class RunningServer implements AutoCloseable {
    private final App app;
    private final WebServer server;
    private final Http http;

    public RunningServer(Config config, Clock clock) {
        this.app = App.local(config, clock);
        this.server = app.serve();
        this.http = new Http(url(), TestDb.ADMIN_TOKEN);
    }

    /** A client acting as a new token with this name and role. */
    public Http as(String name, Role role) {
        return new Http(url(), token(name, role));
    }

    /** The secret of a new token with this name and role. */
    public String token(String name, Role role) {
        return app.tokens().create(name, role, null, "test").secret();
    }

    public Http anonymous() {
        return new Http(url());
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A client with the admin bootstrap token. */
    public Http http() {
        return http;
    }

    public WebServer server() {
        return server;
    }

    public App app() {
        return app;
    }

    @Override
    public void close() {
        server.close();
        app.close();
    }
}
