package dev.hotfixlog.web;

import dev.hotfixlog.security.Role;
import io.javalin.config.RoutesConfig;

/**
 * {@code GET /}: until the board exists, an honest page that says where the API, its description and the
 * health check are, so `hotfix serve` never greets a responder with an error.
 */
public final class HomeRoutes {
    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Hotfix Log</title></head>
            <body>
            <h1>Hotfix Log</h1>
            <p>Emergency production changes, recorded while they happen.</p>
            <ul>
            <li><a href="/api/v1/hotfixes">/api/v1/hotfixes</a>: the log (REST, JSON)</li>
            <li><a href="/api/v1/openapi.json">/api/v1/openapi.json</a>: the API's description</li>
            <li><a href="/health">/health</a>: server and database state</li>
            </ul>
            <p>From a terminal: <code>./hotfix new</code>, <code>./hotfix list</code>, <code>./hotfix --help</code>.</p>
            </body>
            </html>
            """;

    public void register(RoutesConfig routes) {
        routes.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(PAGE), Role.ANYONE);
    }
}
