package dev.hotfixlog.risk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.time.TimeText;
import dev.hotfixlog.web.Pages;
import dev.hotfixlog.web.Requests;
import dev.hotfixlog.web.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The register over HTTP: {@code /api/v1/risks} (list with filters, add by hand), {@code /api/v1/risks/{id}}
 * (one with its history), its retire, reaccept and mitigate actions, and the {@code /risks} page: open risks
 * oldest first, then by system and by owner.
 */
public final class RiskRoutes {
    private final RiskService service;
    private final Pages pages;
    private final Clock clock;
    private final String runbookUrl;

    /** {@code runbookUrl}: the team's release runbook (HOTFIX_RUNBOOK_URL), linked from the record; may be empty. */
    public RiskRoutes(RiskService service, Pages pages, Clock clock, String runbookUrl) {
        this.service = service;
        this.pages = pages;
        this.clock = clock;
        this.runbookUrl = runbookUrl;
    }

    public void register(RoutesConfig r) {
        registerApi(r);
        registerPages(r);
    }

    /** {@code /api/v1/risks}: list, add, one with its history, and its retire, reaccept and mitigate actions. */
    private void registerApi(RoutesConfig r) {
        r.get(
                "/api/v1/risks",
                ctx -> json(ctx, 200, RiskJson.writeList(service.list(query(ctx)), clock.instant())),
                Role.VIEWER);
        r.post(
                "/api/v1/risks",
                ctx -> {
                    Risk made =
                            service.add(RiskJson.readNew(Json.parseObject(Requests.body(ctx))), Requests.actor(ctx));
                    ctx.header("Location", "/api/v1/risks/" + made.key());
                    json(ctx, 201, RiskJson.write(made, clock.instant()));
                },
                Role.RESPONDER);
        r.get(
                "/api/v1/risks/{id}",
                ctx -> {
                    long id = RiskJson.parseId(ctx.pathParam("id"));
                    ObjectNode o = RiskJson.write(service.get(id), clock.instant());
                    o.set("history", RiskJson.writeHistory(service.history(id)).path("items"));
                    json(ctx, 200, o);
                },
                Role.VIEWER);
        r.post(
                "/api/v1/risks/{id}/retire",
                ctx -> {
                    ObjectNode body = Json.parseObject(Requests.body(ctx));
                    answer(
                            ctx,
                            service.retire(
                                    RiskJson.parseId(ctx.pathParam("id")), field(body, "reason"), Requests.actor(ctx)));
                },
                Role.RESPONDER);
        r.post(
                "/api/v1/risks/{id}/reaccept",
                ctx -> {
                    ObjectNode body = Json.parseObject(Requests.body(ctx));
                    String reviewBy = field(body, "reviewBy");
                    answer(
                            ctx,
                            service.reaccept(
                                    RiskJson.parseId(ctx.pathParam("id")),
                                    reviewBy == null ? null : TimeText.parseInstant("reviewBy", reviewBy),
                                    field(body, "reason"),
                                    Requests.actor(ctx)));
                },
                Role.RESPONDER);
        r.post(
                "/api/v1/risks/{id}/mitigate",
                ctx -> {
                    ObjectNode body = Json.parseObject(Requests.body(ctx));
                    answer(
                            ctx,
                            service.mitigate(
                                    RiskJson.parseId(ctx.pathParam("id")),
                                    field(body, "controls"),
                                    Requests.actor(ctx)));
                },
                Role.RESPONDER);
    }

    /** The {@code /risks} pages and their forms, each answering with the risk's page. */
    private void registerPages(RoutesConfig r) {
        r.get("/risks", this::page, Role.VIEWER);
        r.get("/risks/{id}", this::riskPage, Role.VIEWER);
        r.post(
                "/risks/{id}/retire",
                ctx -> seeOther(
                        ctx,
                        service.retire(
                                RiskJson.parseId(ctx.pathParam("id")),
                                Requests.formText(ctx, "reason"),
                                Requests.actor(ctx))),
                Role.RESPONDER);
        r.post(
                "/risks/{id}/mitigate",
                ctx -> seeOther(
                        ctx,
                        service.mitigate(
                                RiskJson.parseId(ctx.pathParam("id")),
                                Requests.formText(ctx, "controls"),
                                Requests.actor(ctx))),
                Role.RESPONDER);
        r.post(
                "/risks/{id}/reaccept",
                ctx -> {
                    String reviewBy = Requests.formText(ctx, "reviewBy");
                    seeOther(
                            ctx,
                            service.reaccept(
                                    RiskJson.parseId(ctx.pathParam("id")),
                                    reviewBy == null ? null : TimeText.parseInstant("reviewBy", reviewBy),
                                    Requests.formText(ctx, "reason"),
                                    Requests.actor(ctx)));
                },
                Role.RESPONDER);
    }

    /** After a form: back to the risk's page, which shows what changed (post/redirect/get). */
    private static void seeOther(Context ctx, Risk r) {
        ctx.status(303).header("Location", "/risks/" + r.key());
    }

    private void riskPage(Context ctx) {
        long id = RiskJson.parseId(ctx.pathParam("id"));
        Map<String, Object> p = Requests.pageModel(ctx);
        p.put("r", service.get(id));
        p.put("history", service.history(id));
        p.put("now", clock.instant());
        p.put("canEdit", Requests.canEdit(ctx));
        pages.render(ctx, 200, "risk.jte", p);
    }

    /** {@code ?state=open|mitigated|retired|expired&system=&owner=&hotfix=&limit=}; no state: all not retired. */
    private static RiskQuery query(Context ctx) {
        String state = ctx.queryParam("state");
        return new RiskQuery(
                state == null || state.isBlank() ? null : RiskState.parse("state", state),
                ctx.queryParam("system"),
                ctx.queryParam("owner"),
                ctx.queryParam("hotfix"),
                Requests.intQuery(ctx, "limit", 200));
    }

    private static String field(ObjectNode body, String name) {
        List<FieldError> errors = new ArrayList<>();
        String v = Json.text(body, name, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return v;
    }

    private void answer(Context ctx, Risk r) {
        json(ctx, 200, RiskJson.write(r, clock.instant()));
    }

    private void page(Context ctx) {
        Instant now = clock.instant();
        RiskQuery q = query(ctx);
        List<Risk> risks = service.list(q);
        Map<String, List<Risk>> bySystem = new TreeMap<>();
        Map<String, List<Risk>> byOwner = new TreeMap<>();
        for (Risk r : risks) {
            (r.systems().isEmpty() ? List.of("(no system)") : r.systems())
                    .forEach(s ->
                            bySystem.computeIfAbsent(s, k -> new ArrayList<>()).add(r));
            byOwner.computeIfAbsent(r.owner() == null ? "(no owner)" : r.owner(), k -> new ArrayList<>())
                    .add(r);
        }
        Map<String, Object> p = Requests.pageModel(ctx);
        p.put("risks", risks);
        p.put("bySystem", bySystem);
        p.put("byOwner", byOwner);
        p.put("state", q.standing() == null ? "" : q.standing().json());
        p.put(
                "expired",
                risks.stream().filter(r -> r.standing(now) == RiskState.EXPIRED).count());
        p.put("now", now);
        pages.render(ctx, 200, "risks.jte", p);
    }

    /**
     * The record page's panel: the hotfix's risks (retired ones too) and the seed's related documents (the register,
     * the learning library, the release runbook). A failure here says so in the panel and leaves the page open.
     */
    public String panel(Hotfix h) {
        try {
            Map<String, Object> p = new HashMap<>();
            p.put("hotfixId", h.id().toString());
            List<Risk> mine = new ArrayList<>(service.list(new RiskQuery(null, null, null, h.id().toString(), 100)));
            mine.addAll(service.list(new RiskQuery(RiskState.RETIRED, null, null, h.id().toString(), 100)));
            p.put("risks", mine);
            p.put("now", clock.instant());
            p.put("runbookUrl", runbookUrl);
            return pages.html("risk-panel.jte", p);
        } catch (RuntimeException e) {
            LOG.warn("the risks of {} could not be looked up", h.id(), e);
            return "<section class=\"section\" id=\"risks\"><h2>Accepted risks</h2><p class=\"meta\">The risks could "
                    + "not be looked up just now.</p></section>";
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(RiskRoutes.class);

    private static void json(Context ctx, int status, ObjectNode body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }
}
