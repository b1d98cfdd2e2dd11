package dev.hotfixlog.hotfix;

import dev.hotfixlog.error.NotFoundException;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.security.Role;
import dev.hotfixlog.web.Pages;
import dev.hotfixlog.web.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** The record's pages: the board at {@code /} and one record at {@code /hotfixes/HOTFIX-NNN} (read-only for now). */
public final class HotfixPages {
    private static final int BOARD_LIMIT = 200;
    private final HotfixService service;
    private final Pages pages;
    private final Clock clock;

    public HotfixPages(HotfixService service, Pages pages, Clock clock) {
        this.service = service;
        this.pages = pages;
        this.clock = clock;
    }

    public void register(RoutesConfig r) {
        r.get("/", this::board, Role.VIEWER);
        r.get("/hotfixes/{id}", this::record, Role.VIEWER);
    }

    private void board(Context ctx) {
        Map<String, Object> p = common(ctx);
        p.put("active", service.list(new HotfixQuery(Status.ACTIVE, null, BOARD_LIMIT, null)).items());
        p.put("deployed", service.list(new HotfixQuery(Status.DEPLOYED, null, BOARD_LIMIT, null)).items());
        p.put("now", clock.instant());
        pages.render(ctx, 200, "board.jte", p);
    }

    private void record(Context ctx) {
        HotfixId id;
        try {
            id = HotfixId.parse(ctx.pathParam("id"));
        } catch (ValidationException e) {
            throw new NotFoundException("no hotfix '" + ctx.pathParam("id") + "'");
        }
        Map<String, Object> p = common(ctx);
        p.put("h", service.get(id));
        pages.render(ctx, 200, "hotfix.jte", p);
    }

    private static Map<String, Object> common(Context ctx) {
        Map<String, Object> p = new HashMap<>();
        p.put("user", Requests.actor(ctx));
        p.put("csrf", ctx.attribute(Requests.CSRF_TOKEN));
        return p;
    }
}
