package dev.hotfixlog.followup;

import dev.hotfixlog.json.Json;
import dev.hotfixlog.web.Pages;
import dev.hotfixlog.web.Requests;
import dev.hotfixlog.web.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Map;

/**
 * {@code GET /api/v1/followups?overdue=true&owner=…&done=true&limit=…} and {@code GET /api/v1/debt}, and their
 * pages: "My follow-ups" at {@code /followups} (the signed-in person's by default, anyone's with
 * {@code ?owner=}, everybody's with {@code ?owner=*}) and the debt ledger at {@code /debt}.
 */
public final class FollowUpRoutes {
    private final FollowUpService service;
    private final Pages pages;
    private final Clock clock;

    public FollowUpRoutes(FollowUpService service, Pages pages, Clock clock) {
        this.service = service;
        this.pages = pages;
        this.clock = clock;
    }

    public void register(RoutesConfig r) {
        r.get("/api/v1/followups", this::listApi, Role.VIEWER);
        r.get(
                "/api/v1/debt",
                ctx -> ctx.contentType("application/json").result(Json.write(FollowUpJson.write(service.debt()))),
                Role.VIEWER);
        r.get("/followups", this::page, Role.VIEWER);
        r.get("/debt", this::debtPage, Role.VIEWER);
    }

    private void listApi(Context ctx) {
        FollowUpQuery q = new FollowUpQuery(
                Requests.boolQuery(ctx, "overdue"),
                ctx.queryParam("owner"),
                Requests.boolQuery(ctx, "done"),
                Requests.intQuery(ctx, "limit", FollowUpQuery.DEFAULT_LIMIT));
        ctx.contentType("application/json").result(Json.write(FollowUpJson.write(service.list(q))));
    }

    private void page(Context ctx) {
        String owner = ctx.queryParam("owner");
        if (owner == null) {
            owner = Requests.actor(ctx);
        }
        boolean everyone = owner.isBlank() || owner.equals("*");
        boolean overdue = Requests.boolQuery(ctx, "overdue");
        Map<String, Object> p = Requests.pageModel(ctx);
        p.put("owner", everyone ? "" : owner);
        p.put("mine", owner.equals(Requests.actor(ctx)));
        p.put("overdue", overdue);
        p.put(
                "items",
                service.list(new FollowUpQuery(overdue, everyone ? null : owner, false, FollowUpQuery.MAX_LIMIT)));
        p.put("now", clock.instant());
        pages.render(ctx, 200, "followups.jte", p);
    }

    private void debtPage(Context ctx) {
        Map<String, Object> p = Requests.pageModel(ctx);
        p.put("ledger", service.debt());
        pages.render(ctx, 200, "debt.jte", p);
    }
}
