package dev.hotfixlog.migrate;

import dev.hotfixlog.error.NotFoundException;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.web.Pages;
import dev.hotfixlog.web.Requests;
import dev.hotfixlog.web.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * {@code POST /api/v1/migrations} (admins: the server reads the tool, so the call can reach what the server
 * reaches), {@code GET /api/v1/hotfixes/{id}/source}, and the record page's "Moved in from" line.
 */
public final class MigrationRoutes {
    private final MigrationService service;
    private final Pages pages;
    private final MigrationTools tools;

    public MigrationRoutes(MigrationService service, MigrationTools tools, Pages pages) {
        this.tools = tools;
        this.service = service;
        this.pages = pages;
    }

    public void register(RoutesConfig r) {
        r.post("/api/v1/migrations", this::migrate, Role.ADMIN);
        r.get(
                "/api/v1/hotfixes/{id}/source",
                ctx -> ctx.contentType("application/json")
                        .result(Json.write(MigrationJson.write(service.sourceOf(ctx.pathParam("id"))
                                .orElseThrow(() -> new NotFoundException(
                                        ctx.pathParam("id") + " was not moved in from another tool"))))),
                Role.VIEWER);
    }

    private void migrate(Context ctx) {
        MigrationRequest request = MigrationJson.readRequest(Json.parseObject(Requests.body(ctx)), tools);
        if (request.source().readsFiles(request.from())) {
            // The server's own files are not for an API caller to name: saved pages go through the CLI.
            throw ValidationException.of(
                    "from",
                    "over the API, give the tool's http(s) address; import saved "
                            + "pages with the CLI (hotfix migrate "
                            + request.source().name() + " --from FILE)");
        }
        MigrationReport report = service.migrate(request, Requests.actor(ctx), line -> {});
        ctx.contentType("application/json").result(Json.write(MigrationJson.write(report)));
    }

    /** The record page's line for a hotfix moved in from another tool; nothing for one that was not. */
    public String panel(Hotfix h) {
        return service.sourceOf(h.id().toString())
                .map(l -> pages.html("migration-panel.jte", Map.of("link", l)))
                .orElse("");
    }
}
