package dev.hotfixlog.lesson;

import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.web.Requests;
import dev.hotfixlog.web.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The lessons' REST API, a thin projection of {@link LessonService}: {@code /api/v1/lessons} (list with
 * {@code published, category, bucket, tag, hotfix, limit}; create), {@code /api/v1/lessons/{id}} (get with ETag,
 * PATCH as a merge patch with If-Match, DELETE), {@code POST /api/v1/hotfixes/{id}/lesson} (a lesson from a
 * completed hotfix in one step) and {@code POST /api/v1/lessons/check} (the legibility checklist of a draft).
 */
public final class LessonRoutes {
    private static final String BASE = "/api/v1/lessons";
    private final LessonService service;

    public LessonRoutes(LessonService service) {
        this.service = service;
    }

    public void register(RoutesConfig r) {
        r.get(BASE, this::list, Role.VIEWER);
        r.post(BASE, ctx -> created(ctx, service.create(body(ctx), Requests.actor(ctx))), Role.RESPONDER);
        r.post(
                BASE + "/check",
                ctx -> ctx.contentType("application/json")
                        .result(Json.write(LessonJson.write(service.check(body(ctx))))),
                Role.VIEWER);
        r.get(BASE + "/{id}", this::get, Role.VIEWER);
        r.patch(
                BASE + "/{id}",
                ctx -> write(
                        ctx, service.edit(pathId(ctx), Requests.ifMatchVersion(ctx), body(ctx), Requests.actor(ctx))),
                Role.RESPONDER);
        r.delete(
                BASE + "/{id}",
                ctx -> {
                    service.delete(pathId(ctx), Requests.actor(ctx));
                    ctx.status(204);
                },
                Role.ADMIN);
        r.post(
                "/api/v1/hotfixes/{id}/lesson",
                ctx -> created(
                        ctx,
                        service.createFrom(
                                HotfixId.fromPath(ctx.pathParam("id")),
                                Requests.body(ctx).isBlank() ? MergePatch.of(Json.object()) : body(ctx),
                                Requests.actor(ctx))),
                Role.RESPONDER);
    }

    private void list(Context ctx) {
        LessonQuery q = new LessonQuery(
                Requests.boolQuery(ctx, "published"),
                ctx.queryParam("category"),
                Bucket.parse(ctx.queryParam("bucket")),
                ctx.queryParam("tag"),
                hotfix(ctx.queryParam("hotfix")),
                Requests.intQuery(ctx, "limit", LessonQuery.DEFAULT_LIMIT));
        var out = Json.object();
        out.set("items", LessonJson.writeAll(service.list(q)));
        ctx.contentType("application/json").result(Json.write(out));
    }

    private void get(Context ctx) {
        Lesson l = service.get(pathId(ctx));
        if (Requests.etag(l.version()).equals(ctx.header("If-None-Match"))) {
            ctx.status(304).header("ETag", Requests.etag(l.version()));
            return;
        }
        write(ctx, l);
    }

    private static String hotfix(String text) {
        return text == null || text.isBlank() ? null : HotfixId.parse(text).toString();
    }

    private static MergePatch body(Context ctx) {
        return MergePatch.of(Json.parseObject(Requests.body(ctx)));
    }

    private static void created(Context ctx, Lesson l) {
        ctx.status(201).header("Location", BASE + "/" + l.id());
        write(ctx, l);
    }

    private static void write(Context ctx, Lesson l) {
        ctx.header("ETag", Requests.etag(l.version()))
                .contentType("application/json")
                .result(Json.write(LessonJson.write(l)));
    }

    private static LessonId pathId(Context ctx) {
        return LessonId.fromPath(ctx.pathParam("id"));
    }
}
