package dev.hotfixlog.incoming;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixJson;
import dev.hotfixlog.hotfix.TimelineMark;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.security.Integration;
import dev.hotfixlog.security.Integrations;
import dev.hotfixlog.web.IngestGate;
import dev.hotfixlog.web.Pages;
import dev.hotfixlog.web.Requests;
import dev.hotfixlog.web.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incoming alerts over HTTP. The monitoring's URLs ({@code POST /api/v1/ingest/<format>/{name}} for each
 * {@link AlertFormat} App hands in: public at the gate, each checked against its integration's own secret here), the
 * API ({@code /api/v1/incoming…}: list, one, its draft, declare, dismiss), and the pages: the board's "Incoming"
 * lane (refreshed by htmx every few seconds), {@code /incoming} and {@code /incoming/{id}} with its dismiss form.
 */
public final class IncomingRoutes {
    static final String LANE_PATH = "/incoming/lane";
    private static final Logger LOG = LoggerFactory.getLogger(IncomingRoutes.class);
    private final IncomingService service;
    private final AlertIntake intake;
    private final Integrations integrations;
    private final Pages pages;
    private final Clock clock;
    private final IngestGate turns;
    private final List<AlertFormat> formats;

    public IncomingRoutes(
            IncomingService service,
            AlertIntake intake,
            List<AlertFormat> formats,
            Integrations integrations,
            IngestGate turns,
            Pages pages,
            Clock clock) {
        this.formats = List.copyOf(formats);
        this.turns = turns;
        this.service = service;
        this.intake = intake;
        this.integrations = integrations;
        this.pages = pages;
        this.clock = clock;
    }

    public void register(RoutesConfig r) {
        for (AlertFormat format : formats) {
            r.post("/api/v1/ingest/" + format.name() + "/{name}", ctx -> ingest(ctx, format), Role.ANYONE);
            // Grafana's contact point may be set to PUT.
            r.put("/api/v1/ingest/" + format.name() + "/{name}", ctx -> ingest(ctx, format), Role.ANYONE);
        }
        r.get("/api/v1/incoming", this::listApi, Role.VIEWER);
        r.get("/api/v1/incoming/{id}", ctx -> json(ctx, 200, IncomingJson.write(service.get(id(ctx)))), Role.VIEWER);
        r.get("/api/v1/incoming/{id}/draft", ctx -> json(ctx, 200, service.draft(id(ctx))), Role.VIEWER);
        r.post("/api/v1/incoming/{id}/declare", this::declareApi, Role.RESPONDER);
        r.post("/api/v1/incoming/{id}/dismiss", this::dismissApi, Role.RESPONDER);
        r.get("/incoming", this::listPage, Role.VIEWER);
        r.get(LANE_PATH, ctx -> ctx.html(lane()), Role.VIEWER);
        r.get("/incoming/{id}", this::page, Role.VIEWER);
        r.post("/incoming/{id}/dismiss", this::dismissForm, Role.RESPONDER);
    }

    /** One delivery: the integration's secret first, then the body, then one transaction. */
    private void ingest(Context ctx, AlertFormat format) {
        Integration from = integrations.verify(format.name(), ctx, clock.instant());
        String body = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
        AlertIntake.Receipt r = turns.take(() -> intake.receive(from, body));
        ctx.attribute(Requests.AUDIT_KEPT_ELSEWHERE, true);
        ObjectNode o = Json.object()
                .put("incoming", r.ref())
                .put("state", r.state().json())
                .put("opened", r.opened())
                .put("hotfix", r.hotfixId())
                .put("repeatOf", r.repeatOf());
        json(ctx, 200, o);
    }

    private void listApi(Context ctx) {
        String state = ctx.queryParam("state");
        String hotfix = ctx.queryParam("hotfix");
        int limit = Requests.intQuery(ctx, "limit", IncomingService.DEFAULT_LIMIT);
        List<IncomingAlert> list = hotfix != null ? service.ofHotfix(hotfix) : service.list(state(state), limit);
        json(ctx, 200, IncomingJson.writeList(list));
    }

    /** {@code open} by default; {@code all} for every state. */
    private static IncomingAlert.State state(String text) {
        if (text == null || text.isEmpty()) {
            return IncomingAlert.State.OPEN;
        }
        return text.equals("all") ? null : IncomingAlert.State.parse("state", text);
    }

    private void declareApi(Context ctx) {
        String body = Requests.body(ctx);
        ObjectNode fields = body.isBlank() ? Json.object() : Json.parseObject(body);
        Hotfix h = service.declare(id(ctx), MergePatch.of(fields), Requests.actor(ctx), ctx.header("Idempotency-Key"));
        ctx.header("Location", "/api/v1/hotfixes/" + h.id());
        ctx.header("ETag", Requests.etag(h.version()));
        json(ctx, 201, HotfixJson.write(h));
    }

    private void dismissApi(Context ctx) {
        ObjectNode body = Json.parseObject(Requests.body(ctx));
        String outcome = body.path("outcome").isTextual() ? body.path("outcome").asText() : null;
        if (outcome == null) {
            throw ValidationException.of("outcome", "is required: not-a-hotfix, noise or duplicate");
        }
        String note = body.path("note").isTextual() ? body.path("note").asText() : null;
        json(
                ctx,
                200,
                IncomingJson.write(service.dismiss(
                        id(ctx), Outcome.parseDismissal("outcome", outcome), note, Requests.actor(ctx))));
    }

    private void dismissForm(Context ctx) {
        long id = id(ctx);
        service.dismiss(
                id,
                Outcome.parseDismissal("outcome", Requests.formText(ctx, "outcome")),
                Requests.formText(ctx, "note"),
                Requests.actor(ctx));
        ctx.status(303).header("Location", "/");
    }

    private void listPage(Context ctx) {
        Map<String, Object> p = Requests.pageModel(ctx);
        p.put("alerts", service.list(null, 100));
        pages.render(ctx, 200, "incoming-list.jte", p);
    }

    private void page(Context ctx) {
        Map<String, Object> p = Requests.pageModel(ctx);
        p.put("a", service.get(id(ctx)));
        p.put("canEdit", Requests.canEdit(ctx));
        pages.render(ctx, 200, "incoming.jte", p);
    }

    /** The board's lane: the open incoming alerts, refreshing itself. */
    public String lane() {
        Map<String, Object> p = new HashMap<>();
        List<IncomingAlert> open;
        try {
            open = service.list(IncomingAlert.State.OPEN, 20);
        } catch (RuntimeException e) {
            // The board stays up; the lane keeps asking and shows the alerts again once it can read them.
            LOG.warn("the incoming lane could not be read", e);
            return "<section id=\"incoming\" class=\"incoming\" hx-get=\"" + LANE_PATH + "\" hx-trigger=\"every 3s\" "
                    + "hx-swap=\"outerHTML\"><p class=\"error\" role=\"alert\">Incoming alerts could not be read just "
                    + "now.</p></section>";
        }
        p.put("alerts", open);
        p.put("now", clock.instant());
        return pages.html("incoming-lane.jte", p);
    }

    /** The record page's "Raised by" panel: the incoming alerts it was declared from, and whether they cleared. */
    public String panel(Hotfix h) {
        List<IncomingAlert> raised;
        try {
            raised = service.ofHotfix(h.id().toString());
        } catch (RuntimeException e) {
            // A panel that fails says nothing; the record's page stays open.
            LOG.warn("the incoming alerts of {} could not be looked up", h.id(), e);
            return "";
        }
        if (raised.isEmpty()) {
            return "";
        }
        Map<String, Object> p = new HashMap<>();
        p.put("alerts", raised);
        return pages.html("incoming-panel.jte", p);
    }

    /** Where the alerts that raised it fall on the record page's timeline: each when its first notice came. */
    public List<TimelineMark> marks(Hotfix h) {
        try {
            return service.ofHotfix(h.id().toString()).stream()
                    .filter(a -> a.firstAt() != null)
                    .map(a -> new TimelineMark(
                            a.firstAt(),
                            TimelineMark.Kind.ALERT,
                            a.ref() + " from " + a.integration() + ": " + a.title(),
                            "/incoming/" + a.id()))
                    .toList();
        } catch (RuntimeException e) {
            LOG.warn("the incoming alerts of {} could not be looked up for its timeline", h.id(), e);
            return List.of();
        }
    }

    private static long id(Context ctx) {
        return IncomingJson.parseId(ctx.pathParam("id"));
    }

    private static void json(Context ctx, int status, ObjectNode body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }
}
