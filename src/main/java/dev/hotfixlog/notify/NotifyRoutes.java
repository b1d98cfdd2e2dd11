package dev.hotfixlog.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.web.Requests;
import dev.hotfixlog.web.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The REST projection of {@link NotifyService}: a message's preview, sending it, and the record's deliveries.
 * {@code GET /api/v1/hotfixes/{id}/messages/{kind}?eta=…}, {@code POST} the same with {@code {"eta": …}} and an
 * optional {@code Idempotency-Key}, {@code GET /api/v1/hotfixes/{id}/deliveries}.
 */
public final class NotifyRoutes {
    static final String BASE = "/api/v1/hotfixes/{id}";
    private final NotifyService service;

    public NotifyRoutes(NotifyService service) {
        this.service = service;
    }

    public void register(RoutesConfig r) {
        r.get(BASE + "/messages/{kind}", this::preview, Role.VIEWER);
        r.post(BASE + "/messages/{kind}", this::send, Role.RESPONDER);
        r.get(BASE + "/deliveries", this::deliveries, Role.VIEWER);
    }

    private void preview(Context ctx) {
        Preview p = service.preview(
                HotfixId.fromPath(ctx.pathParam("id")),
                MessageKind.parse("kind", ctx.pathParam("kind")),
                ctx.queryParam("eta"));
        ctx.contentType("application/json").result(Json.write(NotifyJson.write(p)));
    }

    private void send(Context ctx) {
        String eta = null;
        if (!Requests.body(ctx).isBlank()) {
            ObjectNode body = Json.parseObject(Requests.body(ctx));
            if (body.hasNonNull("eta")) {
                eta = body.get("eta").isTextual() ? body.get("eta").asText() : failEta();
            }
        }
        var queued = service.send(
                HotfixId.fromPath(ctx.pathParam("id")),
                MessageKind.parse("kind", ctx.pathParam("kind")),
                eta,
                Requests.actor(ctx),
                ctx.header("Idempotency-Key"));
        ctx.status(202).contentType("application/json").result(Json.write(NotifyJson.write(queued)));
    }

    private static String failEta() {
        throw ValidationException.of("eta", "must be text, like \"30 minutes\"");
    }

    private void deliveries(Context ctx) {
        ctx.contentType("application/json")
                .result(Json.write(NotifyJson.write(service.deliveries(HotfixId.fromPath(ctx.pathParam("id"))))));
    }
}
