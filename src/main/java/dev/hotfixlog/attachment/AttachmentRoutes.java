package dev.hotfixlog.attachment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.lesson.Lesson;
import dev.hotfixlog.lesson.LessonId;
import dev.hotfixlog.web.Pages;
import dev.hotfixlog.web.Requests;
import dev.hotfixlog.web.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evidence over HTTP. API: {@code GET|POST /api/v1/hotfixes/{id}/attachments} and the same under lessons
 * (multipart, parts named {@code file}, an optional {@code note}), {@code GET /api/v1/attachments/{aid}},
 * {@code …/content}, {@code DELETE …?reason=}. Pages: the record's and the lesson's "Evidence" panel (paste, drop
 * or choose files), {@code GET /attachments/{aid}} (the bytes) and {@code POST /attachments/{aid}/delete}.
 * Every file is served as what its bytes were sniffed to be, with {@code Content-Disposition}, {@code nosniff} and
 * a sandboxing Content-Security-Policy: markup and PDF only ever as downloads.
 */
public final class AttachmentRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(AttachmentRoutes.class);
    /** What a served file may do if a browser renders it anyway: nothing (no script, no fetch, no form). */
    static final String FILE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";
    /** Files one request may carry: a drop of several screenshots, not a folder. */
    static final int MAX_FILES = 20;

    private final AttachmentService service;
    private final Pages pages;

    public AttachmentRoutes(AttachmentService service, Pages pages) {
        this.service = service;
        this.pages = pages;
    }

    public void register(RoutesConfig r) {
        r.get(
                "/api/v1/hotfixes/{id}/attachments",
                ctx -> json(
                        ctx,
                        200,
                        AttachmentJson.writeList(service.list(hotfix(ctx), Requests.boolQuery(ctx, "deleted")))),
                Role.VIEWER);
        r.get(
                "/api/v1/lessons/{id}/attachments",
                ctx -> json(
                        ctx,
                        200,
                        AttachmentJson.writeList(service.list(lesson(ctx), Requests.boolQuery(ctx, "deleted")))),
                Role.VIEWER);
        r.post(
                "/api/v1/hotfixes/{id}/attachments",
                ctx -> json(ctx, 201, AttachmentJson.writeList(upload(ctx, hotfix(ctx)))),
                Role.RESPONDER);
        r.post(
                "/api/v1/lessons/{id}/attachments",
                ctx -> json(ctx, 201, AttachmentJson.writeList(upload(ctx, lesson(ctx)))),
                Role.RESPONDER);
        r.get(
                "/api/v1/attachments/{aid}",
                ctx -> json(ctx, 200, AttachmentJson.write(service.get(aid(ctx)))),
                Role.VIEWER);
        r.get("/api/v1/attachments/{aid}/content", this::serve, Role.VIEWER);
        r.delete(
                "/api/v1/attachments/{aid}",
                ctx -> json(
                        ctx,
                        200,
                        AttachmentJson.write(service.delete(aid(ctx), ctx.queryParam("reason"), Requests.actor(ctx)))),
                Role.RESPONDER);
        r.get("/attachments/{aid}", this::serve, Role.VIEWER);
        r.get(
                "/api/v1/attachment-contents/{sha256}",
                ctx -> send(ctx, service.contentOf(ctx.pathParam("sha256"))),
                Role.VIEWER);
        r.post("/hotfixes/{id}/attachments", ctx -> uploadPage(ctx, hotfix(ctx)), Role.RESPONDER);
        r.post("/lessons/{id}/attachments", ctx -> uploadPage(ctx, lesson(ctx)), Role.RESPONDER);
        r.post(
                "/attachments/{aid}/delete",
                ctx -> {
                    Attachment a = service.delete(aid(ctx), Requests.formText(ctx, "reason"), Requests.actor(ctx));
                    ctx.status(303).header("Location", a.owner().page() + "#attachments");
                },
                Role.RESPONDER);
    }

    private List<Attachment> upload(Context ctx, Owner owner) {
        String note = Requests.formText(ctx, "note");
        List<Attachment> made = new ArrayList<>();
        for (Requests.FilePart f : Requests.files(ctx, MAX_FILES)) {
            made.add(service.add(owner, new Upload(f.fileName(), note, f.bytes()), Requests.actor(ctx)));
        }
        ctx.attribute(
                Requests.AUDIT_SUBJECT,
                owner.id() + " attachment " + made.get(0).id());
        return made;
    }

    /** From the page's script: the refreshed panel; from a plain form: back to the page. */
    private void uploadPage(Context ctx, Owner owner) {
        upload(ctx, owner);
        if (Requests.isHtmx(ctx)) {
            ctx.contentType("text/html; charset=utf-8").result(panel(owner));
        } else {
            ctx.status(303).header("Location", owner.page() + "#attachments");
        }
    }

    /** The bytes, as what they were sniffed to be; never rendered as a page of this origin. */
    private void serve(Context ctx) {
        send(ctx, service.content(aid(ctx)));
    }

    private static void send(Context ctx, StoredFile f) {
        Attachment a = f.attachment();
        ctx.contentType(a.type().servedAs());
        ctx.header("Content-Disposition", disposition(a, f.bytes()));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", FILE_CSP);
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        // The bytes at an id never change (content-addressed, deletion is a 404): a browser may keep them.
        ctx.header("Cache-Control", "private, max-age=86400");
        ctx.disableCompression(); // images and PDFs are compressed already; a log is small enough as it is
        ctx.result(f.bytes());
    }

    /**
     * inline for plain text and for an image whose bytes are the whole image and nothing else (a picture with a
     * page after its end is a download, whatever its first bytes say), attachment for the rest; the name as ASCII
     * and as RFC 8187 UTF-8.
     */
    static String disposition(Attachment a, byte[] bytes) {
        String name = a.servedName();
        StringBuilder ascii = new StringBuilder(name.length());
        name.codePoints()
                .forEach(
                        c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
        String utf8 = URLEncoder.encode(name, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A");
        boolean inline = a.type() == FileType.TEXT || Scrubber.isWholeImage(a.type(), bytes);
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + utf8;
    }

    /** The record page's "Evidence" panel; a failure here says so in the panel and leaves the page open. */
    public String panel(Hotfix h) {
        return panel(Owner.hotfix(h.id()));
    }

    /** The lesson page's "Evidence" panel. */
    public String panel(Lesson l) {
        return panel(Owner.lesson(l.id()));
    }

    private String panel(Owner owner) {
        try {
            Map<String, Object> p = new HashMap<>();
            p.put("owner", owner);
            p.put("attachments", service.list(owner, true));
            return pages.html("attachment-panel.jte", p);
        } catch (RuntimeException e) {
            LOG.warn("the attachments of {} could not be looked up", owner, e);
            return "<section class=\"section\" id=\"attachments\"><h2>Evidence</h2><p class=\"meta\">The attachments "
                    + "could not be looked up just now.</p></section>";
        }
    }

    private static Owner hotfix(Context ctx) {
        return Owner.hotfix(HotfixId.fromPath(ctx.pathParam("id")));
    }

    private static Owner lesson(Context ctx) {
        return Owner.lesson(LessonId.fromPath(ctx.pathParam("id")));
    }

    private static long aid(Context ctx) {
        return AttachmentJson.parseId(ctx.pathParam("aid"));
    }

    private static void json(Context ctx, int status, ObjectNode body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }
}
