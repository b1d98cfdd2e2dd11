package dev.hotfixlog.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Pattern;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.TimelineMark;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.security.Integration;
import dev.hotfixlog.security.Integrations;
import dev.hotfixlog.security.SecretRedactor;
import dev.hotfixlog.security.SenderKind;
import dev.hotfixlog.web.IngestGate;
import dev.hotfixlog.web.Pages;
import dev.hotfixlog.web.Requests;
import dev.hotfixlog.web.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys over HTTP: {@code /api/v1/deploys} (a responder's token: the CLI, a script), the integrations'
 * {@code /api/v1/ingest/deploy/{name}} (a CI pipeline, Argo CD) and {@code /api/v1/ingest/github/{name}}
 * (GitHub's deployment_status, signed), a hotfix's suggested and confirmed deploys
 * ({@code /api/v1/hotfixes/{id}/deploys}), and the pages: {@code /deploys} per system, a hotfix's deploys
 * with their confirm buttons, and the record page's "Deploys" panel.
 */
public final class DeployRoutes {
    private static final Pattern DEPLOY_ID = Pattern.compile("\\d{1,15}");
    /** A CI pipeline or Argo CD: a bearer token or basic credentials (a signature in Grafana's header, if set). */
    static final SenderKind DEPLOY =
            new SenderKind("deploy", "X-Grafana-Alerting-Signature", SenderKind.Signature.ACCEPTED, "");
    /** GitHub signs every webhook with its secret: X-Hub-Signature-256, {@code sha256=<hex>}. */
    static final SenderKind GITHUB =
            new SenderKind("github", "X-Hub-Signature-256", SenderKind.Signature.REQUIRED, "sha256=");
    /** The kinds of sender this feature's URLs take, for {@code HOTFIX_INTEGRATIONS}. */
    public static final List<SenderKind> SENDERS = List.of(DEPLOY, GITHUB);

    private final DeployService service;
    private final Integrations integrations;
    private final IngestGate turns;
    private final Pages pages;
    private final Clock clock;

    public DeployRoutes(DeployService service, Integrations integrations, IngestGate turns, Pages pages, Clock clock) {
        this.turns = turns;
        this.service = service;
        this.integrations = integrations;
        this.pages = pages;
        this.clock = clock;
    }

    public void register(RoutesConfig r) {
        r.get("/api/v1/deploys", this::listApi, Role.VIEWER);
        r.post(
                "/api/v1/deploys",
                ctx -> recorded(
                        ctx,
                        service.record(
                                DeployJson.readMarker(Json.parseObject(Requests.body(ctx))),
                                "api",
                                Requests.actor(ctx))),
                Role.RESPONDER);
        r.post("/api/v1/ingest/deploy/{name}", this::marker, Role.ANYONE);
        r.post("/api/v1/ingest/github/{name}", this::github, Role.ANYONE);
        r.get(
                "/api/v1/hotfixes/{id}/deploys",
                ctx -> json(ctx, 200, DeployJson.write(service.forHotfix(ctx.pathParam("id")))),
                Role.VIEWER);
        r.post("/api/v1/hotfixes/{id}/deploys/{role}", this::confirmApi, Role.RESPONDER);
        r.get("/deploys", this::listPage, Role.VIEWER);
        r.get("/hotfixes/{id}/deploys", this::hotfixPage, Role.VIEWER);
        r.post("/hotfixes/{id}/deploys/{role}", this::confirmForm, Role.RESPONDER);
    }

    private void marker(Context ctx) {
        Integration from = integrations.verify(DEPLOY.name(), ctx, clock.instant());
        DeployMarker m = DeployJson.readMarker(Json.parseObject(Requests.body(ctx)));
        recorded(ctx, turns.take(() -> service.record(m, from.path(), from.path())));
    }

    /** GitHub: a ping is answered, a state other than success is not a deploy, a redelivery is the same one. */
    private void github(Context ctx) {
        Integration from = integrations.verify(GITHUB.name(), ctx, clock.instant());
        String event = ctx.header("X-GitHub-Event");
        if ("ping".equals(event)) {
            json(ctx, 200, Json.object().put("ok", true));
            return;
        }
        if (!"deployment_status".equals(event)) {
            throw ValidationException.of(
                    "X-GitHub-Event",
                    "this URL takes deployment_status events, was "
                            + SecretRedactor.quoted(event)
                            + "; in the webhook's settings, choose \"Deployment statuses\" only");
        }
        String delivery = ctx.header("X-GitHub-Delivery");
        if (delivery == null || delivery.isBlank()) {
            throw ValidationException.of("X-GitHub-Delivery", "is required: GitHub's id of the delivery");
        }
        ObjectNode body = Json.parseObject(new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8));
        DeployMarker m = GitHubDeployments.marker(body, delivery);
        if (m == null) {
            json(
                    ctx,
                    200,
                    Json.object()
                            .put("recorded", false)
                            .put(
                                    "reason",
                                    "state "
                                            + body.path("deployment_status")
                                                    .path("state")
                                                    .asText() + " is not a finished deploy"));
            return;
        }
        JsonNode sender = body.path("sender").path("login");
        String actor = from.path() + (sender.isTextual() ? " (" + sender.asText() + ")" : "");
        recorded(ctx, turns.take(() -> service.record(m, from.path(), actor)));
    }

    private void recorded(Context ctx, DeployService.Recorded r) {
        ObjectNode o = DeployJson.write(r.deploy());
        o.put("repeat", r.repeat());
        ctx.header(
                "Location",
                "/api/v1/deploys?system=" + URLEncoder.encode(r.deploy().system(), StandardCharsets.UTF_8));
        json(ctx, r.repeat() ? 200 : 201, o);
    }

    private void listApi(Context ctx) {
        json(
                ctx,
                200,
                DeployJson.writeList(service.list(
                        ctx.queryParam("system"), Requests.intQuery(ctx, "limit", DeployService.DEFAULT_LIMIT))));
    }

    private void confirmApi(Context ctx) {
        ObjectNode body = Json.parseObject(Requests.body(ctx));
        JsonNode deploy = body.get("deploy");
        if (deploy == null || !deploy.canConvertToLong()) {
            throw ValidationException.of("deploy", "is required: the deploy's id");
        }
        json(
                ctx,
                200,
                DeployJson.write(service.confirm(
                        ctx.pathParam("id"),
                        HotfixDeploys.Role.parse("role", ctx.pathParam("role")),
                        deploy.asLong(),
                        Requests.actor(ctx))));
    }

    private void confirmForm(Context ctx) {
        String deploy = Requests.formText(ctx, "deploy");
        if (deploy == null || !DEPLOY_ID.matcher(deploy).matches()) {
            throw ValidationException.of("deploy", "is required: the deploy's id");
        }
        HotfixDeploys hd = service.confirm(
                ctx.pathParam("id"),
                HotfixDeploys.Role.parse("role", ctx.pathParam("role")),
                Long.parseLong(deploy),
                Requests.actor(ctx));
        ctx.status(303).header("Location", "/hotfixes/" + hd.hotfixId() + "/deploys");
    }

    private void listPage(Context ctx) {
        Map<String, Object> p = Requests.pageModel(ctx);
        String system = ctx.queryParam("system");
        p.put("system", system);
        p.put("deploys", service.list(system == null || system.isBlank() ? null : system, 200));
        pages.render(ctx, 200, "deploys.jte", p);
    }

    private void hotfixPage(Context ctx) {
        Map<String, Object> p = Requests.pageModel(ctx);
        p.put("hd", service.forHotfix(ctx.pathParam("id")));
        p.put("canEdit", Requests.canEdit(ctx));
        pages.render(ctx, 200, "hotfix-deploys.jte", p);
    }

    /**
     * The record page's panel: the suggestions and confirmations, with a link to confirm them. A failure here
     * says so in the panel and leaves the record's page open.
     */
    public String panel(Hotfix h) {
        try {
            Map<String, Object> p = new HashMap<>();
            p.put("hd", service.forHotfix(h.id().toString()));
            return pages.html("deploy-panel.jte", p);
        } catch (RuntimeException e) {
            LOG.warn("the deploys of {} could not be looked up", h.id(), e);
            return "<section class=\"section\" id=\"deploys\"><h2>Deploys</h2><p class=\"meta\">The deploys could not be "
                    + "looked up just now.</p></section>";
        }
    }

    /** The suspected cause and the fix deploy on the record page's timeline, each at its deploy time. */
    public List<TimelineMark> marks(Hotfix h) {
        try {
            HotfixDeploys hd = service.forHotfix(h.id().toString());
            List<TimelineMark> out = new ArrayList<>();
            String page = "/hotfixes/" + hd.hotfixId() + "/deploys";
            for (HotfixDeploys.Link l : new HotfixDeploys.Link[] {hd.cause(), hd.fix()}) {
                if (l != null) {
                    String role = l == hd.cause() ? "suspected cause" : "the fix";
                    out.add(new TimelineMark(
                            l.deploy().at(),
                            TimelineMark.Kind.DEPLOY,
                            l.deploy().system() + " " + l.deploy().version() + ", " + role
                                    + (l.confirmed() ? " (confirmed)" : " (suggested)"),
                            page));
                }
            }
            return out;
        } catch (RuntimeException e) {
            LOG.warn("the deploys of {} could not be looked up for its timeline", h.id(), e);
            return List.of();
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(DeployRoutes.class);

    private static void json(Context ctx, int status, ObjectNode body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }
}
