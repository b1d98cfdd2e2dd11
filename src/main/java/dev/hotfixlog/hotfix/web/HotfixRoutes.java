package dev.hotfixlog.hotfix.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixJson;
import dev.hotfixlog.hotfix.HotfixPage;
import dev.hotfixlog.hotfix.HotfixQuery;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.hotfix.PageTimeline;
import dev.hotfixlog.hotfix.RecordMarkdown;
import dev.hotfixlog.hotfix.RevisionJson;
import dev.hotfixlog.hotfix.Severity;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.time.TimeText;
import dev.hotfixlog.web.Accept;
import dev.hotfixlog.web.Requests;
import dev.hotfixlog.web.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;

/**
 * The REST API of the hotfix record, a thin projection of {@link HotfixService}: parse, call, write. Failures
 * are thrown and mapped to problem+json in one place ({@code web.ProblemMapper}).
 */
final class HotfixRoutes {
    public static final String BASE = "/api/v1/hotfixes";
    private final HotfixService service;
    private final RecordMarkdown markdown;
    private final PageTimeline pageTimeline;

    public HotfixRoutes(HotfixService service, RecordMarkdown markdown) {
        this(service, markdown, PageTimeline.NONE);
    }

    public HotfixRoutes(HotfixService service, RecordMarkdown markdown, PageTimeline pageTimeline) {
        this.service = Objects.requireNonNull(service, "service");
        this.markdown = Objects.requireNonNull(markdown, "markdown");
        this.pageTimeline = Objects.requireNonNull(pageTimeline, "pageTimeline");
    }

    public void register(RoutesConfig r) {
        r.post(BASE, this::create, Role.RESPONDER);
        r.get(BASE, this::list, Role.VIEWER);
        r.get(BASE + "/{id}", this::get, Role.VIEWER);
        r.patch(BASE + "/{id}", this::patch, Role.RESPONDER);
        r.post(BASE + "/{id}/events", this::event, Role.RESPONDER);
        r.get(BASE + "/{id}/history", this::history, Role.VIEWER);
        r.delete(BASE + "/{id}", this::delete, Role.ADMIN);
        r.get(
                "/api/v1/fields",
                ctx -> ctx.contentType("application/json")
                        .result(Json.write(service.customFields().toJson())),
                Role.VIEWER);
    }

    private void create(Context ctx) {
        Hotfix h = service.create(
                MergePatch.of(Json.parseObject(Requests.body(ctx))),
                Requests.actor(ctx),
                ctx.header("Idempotency-Key"));
        ctx.status(201).header("Location", BASE + "/" + h.id());
        writeRecord(ctx, h);
    }

    private void list(Context ctx) {
        Status status = blank(ctx.queryParam("status")) ? null : Status.parse("status", ctx.queryParam("status"));
        Severity severity =
                blank(ctx.queryParam("severity")) ? null : Severity.parse("severity", ctx.queryParam("severity"));
        int limit = Requests.intQuery(ctx, "limit", HotfixQuery.DEFAULT_LIMIT);
        HotfixPage page = service.list(new HotfixQuery(
                        status,
                        severity,
                        ctx.queryParam("q"),
                        blank(ctx.queryParam("resolvedSince"))
                                ? null
                                : TimeText.parseInstant("resolvedSince", ctx.queryParam("resolvedSince")),
                        limit,
                        HotfixPage.decodeCursor(ctx.queryParam("cursor")))
                .withFields(Requests.prefixedQuery(ctx, "field.")));
        ctx.contentType("application/json").result(Json.write(HotfixJson.writePage(page)));
    }

    private static final String MARKDOWN = "text/markdown";

    private void get(Context ctx) {
        if (MARKDOWN.equals(Accept.preferred(ctx.header("Accept"), List.of("application/json", MARKDOWN)))) {
            ctx.contentType("text/markdown; charset=utf-8").result(markdown.render(pathId(ctx)));
            return;
        }
        Hotfix h = service.get(pathId(ctx));
        if (Requests.etag(h.version()).equals(ctx.header("If-None-Match"))) {
            ctx.status(304).header("ETag", Requests.etag(h.version()));
            return;
        }
        writeRecord(ctx, h);
    }

    private void patch(Context ctx) {
        HotfixId id = pathId(ctx);
        int version = Requests.ifMatchVersion(ctx);
        Hotfix h = service.edit(id, version, MergePatch.of(Json.parseObject(Requests.body(ctx))), Requests.actor(ctx));
        writeRecord(ctx, h);
    }

    private void event(Context ctx) {
        HotfixId id = pathId(ctx);
        Hotfix h = service.record(id, EventJson.read(Json.parseObject(Requests.body(ctx))), Requests.actor(ctx));
        writeRecord(ctx, h);
    }

    private void delete(Context ctx) {
        service.delete(pathId(ctx), Requests.actor(ctx));
        ctx.status(204);
    }

    private void history(Context ctx) {
        ctx.contentType("application/json").result(Json.write(RevisionJson.writeAll(service.history(pathId(ctx)))));
    }

    private void writeRecord(Context ctx, Hotfix h) {
        ObjectNode o = HotfixJson.write(h);
        ArrayNode lines = o.putArray("pageTimeline");
        pageTimeline
                .lines(h.id())
                .forEach(l -> lines.addObject().put("time", l.time()).put("text", l.text()));
        ctx.header("ETag", Requests.etag(h.version()))
                .contentType("application/json")
                .result(Json.write(o));
    }

    /** A path that names no possible hotfix is a missing resource, not a bad field. */
    private static HotfixId pathId(Context ctx) {
        return HotfixId.fromPath(ctx.pathParam("id"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
