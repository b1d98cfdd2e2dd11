package dev.hotfixlog.web;

import dev.hotfixlog.security.Role;
import io.javalin.config.RoutesConfig;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code GET /}: until the board exists, a page that says where the API, its description and the health check
 * are. Behind sign-in like every page.
 */
public final class HomeRoutes {
    private final Pages pages;

    public HomeRoutes(Pages pages) {
        this.pages = pages;
    }

    public void register(RoutesConfig routes) {
        routes.get("/", ctx -> {
            Map<String, Object> p = new HashMap<>();
            p.put("user", Requests.actor(ctx));
            p.put("csrf", ctx.attribute(Requests.CSRF_TOKEN));
            pages.render(ctx, 200, "home.jte", p);
        }, Role.VIEWER);
    }
}
