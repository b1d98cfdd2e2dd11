package dev.hotfixlog.notify;

import dev.hotfixlog.error.ConflictException;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.RecordPanels;
import dev.hotfixlog.web.Pages;
import dev.hotfixlog.web.Requests;
import dev.hotfixlog.web.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The message pages: a template's preview for a record, with a Send button ({@code /hotfixes/{id}/announce/{kind}}),
 * and the "Messages" panel on the record page listing every delivery and how it went.
 */
public final class NotifyPages implements RecordPanels {
    private final NotifyService service;
    private final Pages pages;

    public NotifyPages(NotifyService service, Pages pages) {
        this.service = service;
        this.pages = pages;
    }

    public void register(RoutesConfig r) {
        r.get("/hotfixes/{id}/announce/{kind}", this::preview, Role.VIEWER);
        r.post("/hotfixes/{id}/announce/{kind}", this::send, Role.RESPONDER);
    }

    @Override
    public String html(Hotfix h) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", h.id().toString());
        p.put("deliveries", service.deliveries(h.id()));
        return pages.html("deliveries.jte", p);
    }

    private void preview(Context ctx) {
        show(ctx, 200, ctx.queryParam("eta"), UUID.randomUUID().toString(), null);
    }

    /** The form's key makes a double click queue the message once. */
    private void send(Context ctx) {
        HotfixId id = HotfixId.fromPath(ctx.pathParam("id"));
        MessageKind kind = MessageKind.parse("kind", ctx.pathParam("kind"));
        String key = Requests.formText(ctx, "key");
        try {
            service.send(
                    id,
                    kind,
                    Requests.formText(ctx, "eta"),
                    Requests.actor(ctx),
                    key == null || key.isBlank() ? null : "form-" + key);
            ctx.status(303).header("Location", "/hotfixes/" + id + "#deliveries");
        } catch (ConflictException e) {
            show(ctx, 409, Requests.formText(ctx, "eta"), UUID.randomUUID().toString(), e.getMessage());
        }
    }

    private void show(Context ctx, int status, String eta, String key, String problem) {
        Preview preview = service.preview(
                HotfixId.fromPath(ctx.pathParam("id")), MessageKind.parse("kind", ctx.pathParam("kind")), eta);
        Map<String, Object> p = Requests.pageModel(ctx);
        p.put("preview", preview);
        p.put("eta", eta == null ? "" : eta);
        p.put("key", key);
        p.put("canEdit", Requests.canEdit(ctx));
        p.put("problem", problem);
        pages.render(ctx, status, "announce.jte", p);
    }
}
