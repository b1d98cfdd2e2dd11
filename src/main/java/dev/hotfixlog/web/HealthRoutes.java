package dev.hotfixlog.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.store.DatabaseHealth;
import io.javalin.config.RoutesConfig;
import java.util.Locale;

/** {@code GET /health}: 200 with the database's state when it answers, 503 when it does not. */
public final class HealthRoutes {
    private final Database db;

    public HealthRoutes(Database db) {
        this.db = db;
    }

    public void register(RoutesConfig routes) {
        routes.get(
                "/health",
                ctx -> {
                    DatabaseHealth h = db.health();
                    ObjectNode o = Json.object();
                    // Degraded: it answers reads, but the last write failed for want of storage (a full disk, a
                    // read-only
                    // file). 503 all the same: declaring a hotfix is what this tool is for, so someone must be paged.
                    String status = !h.up() ? "down" : h.writable() ? "up" : "degraded";
                    o.put("status", status);
                    ObjectNode d = o.putObject("database");
                    d.put("status", status);
                    d.put("writable", h.writable());
                    d.put("dialect", db.dialect().name().toLowerCase(Locale.ROOT));
                    d.put("product", h.product());
                    d.put("version", h.version());
                    d.put("latencyMillis", h.latencyMillis());
                    if (h.error() != null) {
                        d.put("error", h.error());
                    }
                    ctx.status(h.up() && h.writable() ? 200 : 503)
                            .contentType("application/json")
                            .result(Json.write(o));
                },
                Role.ANYONE);
    }
}
