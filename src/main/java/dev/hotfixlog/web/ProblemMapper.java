package dev.hotfixlog.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.HotfixLogException;
import dev.hotfixlog.error.StaleVersionException;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.json.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers: {@code application/problem+json} (RFC 9457) with the
 * {@code errors} list naming each bad field. Nothing the caller sent can produce a 500; a real 500 is logged
 * with an id that the answer repeats, and never shows internals.
 *
 * <p>Every text of an answer (detail, instance, each field and message) passes the one masking path on its way
 * out, whichever code wrote it and whatever it quotes: a refused value, a path or a header may hold a pasted
 * secret, and an error message is the last place it could leak from (issue 31). Each is also cut to
 * {@link #TEXT_MAX_CHARS}: a message quoting a 100,000-character id answers with its start.
 */
public final class ProblemMapper {
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:hotfix-log:problem:";
    /** The longest text of a problem document; past it, the text ends with an ellipsis. */
    static final int TEXT_MAX_CHARS = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);
    private final UnaryOperator<String> mask;

    /** @param mask the secret redactor's masking, handed in by {@code App} (web knows no feature) */
    public ProblemMapper(UnaryOperator<String> mask) {
        this.mask = mask;
    }

    public void register(RoutesConfig routes) {
        routes.exception(
                SeeOther.class,
                (e, ctx) -> ctx.status(303).header("Location", e.location()).result(""));
        routes.exception(
                HotfixLogException.class,
                (e, ctx) -> write(
                        ctx,
                        e.httpStatus(),
                        e.kind().type(),
                        titleOf(e),
                        e.getMessage(),
                        e instanceof ValidationException v ? v.errors() : List.of(),
                        e));
        routes.exception(
                HttpResponseException.class,
                (e, ctx) -> write(
                        ctx,
                        e.getStatus(),
                        "http-" + e.getStatus(),
                        HttpStatus.forStatus(e.getStatus()).getMessage(),
                        e.getMessage(),
                        List.of(),
                        null));
        // Jetty's word on the request itself (a malformed or too slow message, read while a route reads the body): its
        // own status, as the client's problem, never a 500 that says "check the record".
        routes.exception(HttpException.RuntimeException.class, (e, ctx) -> {
            int status = e.getCode() >= 400 && e.getCode() < 600 ? e.getCode() : 400;
            write(
                    ctx,
                    status,
                    "http-" + status,
                    HttpStatus.forStatus(status).getMessage(),
                    e.getReason() == null ? HttpStatus.forStatus(status).getMessage() : e.getReason(),
                    List.of(),
                    null);
        });
        routes.exception(Exception.class, this::unexpected);
        routes.error(
                404,
                ctx -> unrouted(
                        ctx, 404, "not-found", "Not Found", "no such resource: " + ctx.method() + " " + ctx.path()));
        routes.error(
                405,
                ctx -> unrouted(
                        ctx,
                        405,
                        "method-not-allowed",
                        "Method Not Allowed",
                        ctx.method() + " is not allowed on " + ctx.path()));
    }

    /** Any other failure: the client's, when it hung up or was too slow (a 408), else a real 500, logged. */
    private void unexpected(Exception e, Context ctx) {
        String fault = clientFault(e);
        if (fault != null) {
            // The client's doing (it hung up, or sent its body too slowly): one line, no stack trace, and the
            // connection closed, since the rest of its body will not come.
            LOG.info("{} {} -> 408: {}", ctx.method(), ctx.path(), fault);
            ctx.header("Connection", "close");
            write(
                    ctx,
                    408,
                    "request-timeout",
                    "Request Timeout",
                    "the request's body did not arrive whole: " + fault,
                    List.of(),
                    null);
            return;
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("unexpected failure {} on {} {}", incident, ctx.method(), ctx.path(), e);
        write(
                ctx,
                500,
                "internal",
                "Internal Server Error",
                "an unexpected failure, logged as " + incident
                        + "; the request may not have been applied, so check the record before retrying",
                List.of(),
                null);
    }

    /** No route (404), or none for the method (405): the problem, unless a handler already wrote an answer. */
    private void unrouted(Context ctx, int status, String kind, String title, String detail) {
        if (ctx.result() == null) {
            write(ctx, status, kind, title, detail, List.of(), null);
        }
    }

    /**
     * What the client did, when a failure is its doing: its body ended early (it hung up: an EOF) or came too
     * slowly (Jetty's 408, or a timeout while reading it). Null for anything else, which is a real 500.
     */
    static String clientFault(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EofException || t instanceof EOFException) {
                return "the client closed the connection before its body ended";
            }
            if (t instanceof BadMessageException b && b.getCode() == 408 || t instanceof TimeoutException) {
                return "the body arrived too slowly (" + t.getMessage() + ")";
            }
        }
        return null;
    }

    private static String titleOf(HotfixLogException e) {
        return HttpStatus.forStatus(e.httpStatus()).getMessage();
    }

    /**
     * Answers a request before Javalin sees it (a header or body refused by a Jetty handler): the problem document,
     * and the connection closed, since the body it did not read is not waited for.
     */
    void refuse(
            Response response,
            Callback callback,
            int status,
            String kind,
            String title,
            String detail,
            String path,
            List<FieldError> errors) {
        response.write(true, refusal(response, status, kind, title, detail, path, errors), callback);
    }

    /**
     * Sends the problem whole, its length stated so a client has all of it at once, but leaves the exchange open:
     * {@code sent} hears when it is out, and must end the exchange ({@code response.write(true, …)}). For an answer
     * given before the rest of the request is read (a body too large, still arriving).
     */
    void refuseBeforeTheEnd(
            Response response, Callback sent, int status, String kind, String title, String detail, String path) {
        ByteBuffer body = refusal(response, status, kind, title, detail, path, List.of());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.remaining());
        response.write(false, body, sent);
    }

    private ByteBuffer refusal(
            Response response,
            int status,
            String kind,
            String title,
            String detail,
            String path,
            List<FieldError> errors) {
        ObjectNode p = problem(status, kind, title, detail, path);
        addErrors(p, errors);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, PROBLEM_JSON);
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        return ByteBuffer.wrap(Json.write(p).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code text} as an answer may show it: masked, then cut. */
    String shown(String text) {
        if (text == null) {
            return null;
        }
        String masked = mask.apply(text);
        return masked.length() <= TEXT_MAX_CHARS ? masked : masked.substring(0, TEXT_MAX_CHARS - 1) + "…";
    }

    private List<FieldError> shown(List<FieldError> errors) {
        return errors.stream()
                .map(f -> new FieldError(shown(f.field()), shown(f.message())))
                .toList();
    }

    private void addErrors(ObjectNode p, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            ArrayNode list = p.putArray("errors");
            shown(errors).forEach(f -> list.addObject().put("field", f.field()).put("message", f.message()));
        }
    }

    private ObjectNode problem(int status, String kind, String title, String detail, String instance) {
        ObjectNode p = Json.object();
        p.put("type", TYPE_PREFIX + kind);
        p.put("title", title);
        p.put("status", status);
        p.put("detail", shown(detail));
        p.put("instance", shown(instance));
        return p;
    }

    private void write(
            Context ctx,
            int status,
            String kind,
            String title,
            String detail,
            List<FieldError> errors,
            HotfixLogException e) {
        ObjectNode p = problem(status, kind, title, detail, ctx.path());
        addErrors(p, errors);
        if (e instanceof StaleVersionException s) {
            p.put("currentVersion", s.currentVersion());
        }
        if (status == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"hotfix-log\"");
        }
        if (status == 503) {
            ctx.header("Retry-After", "5");
        }
        if (wantsPage(ctx)) {
            // A person in a browser gets a page, not a JSON document: the same words, and a way back.
            ctx.status(status)
                    .contentType("text/html; charset=utf-8")
                    .result(page(status, title, shown(detail), shown(errors)).getBytes(StandardCharsets.UTF_8));
            return;
        }
        // Bytes, not a String: Jetty would encode a String in ISO-8859-1 and turn an é in an id into '?'.
        ctx.status(status).contentType(PROBLEM_JSON).result(Json.write(p).getBytes(StandardCharsets.UTF_8));
    }

    /** A page route asked for by a browser (its Accept names HTML); the API always answers problem+json. */
    private static boolean wantsPage(Context ctx) {
        String accept = ctx.header("Accept");
        return !ctx.path().startsWith("/api/")
                && accept != null
                && ctx.header("HX-Request") == null
                && "text/html".equals(Accept.preferred(accept, List.of(PROBLEM_JSON, "text/html")));
    }

    private static String page(int status, String title, String detail, List<FieldError> errors) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + status + " "
                + Markup.escape(title) + " · Hotfix Log</title><link rel=\"stylesheet\" href=\"/static/app.css\">"
                + "</head><body><main><h1>" + Markup.escape(title) + "</h1><p class=\"error\" role=\"alert\">"
                + Markup.escape(detail) + "</p>");
        if (!errors.isEmpty()) {
            b.append("<ul>");
            errors.forEach(f -> b.append("<li><strong>")
                    .append(Markup.escape(f.field()))
                    .append("</strong>: ")
                    .append(Markup.escape(f.message()))
                    .append("</li>"));
            b.append("</ul>");
        }
        return b.append("<p><a href=\"/\">Back to the board</a> · <a href=\"/hotfixes\">All hotfixes</a></p>"
                        + "</main></body></html>\n")
                .toString();
    }
}
