package dev.hotfixlog.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What a request turned away by load shedding is told: 503 with Retry-After, and in words that nothing of it was
 * done (so a declaration can be sent again as it is) and who is served first. A browser gets a page with a way to
 * try again, the API and htmx a problem document of type {@code busy}, as {@code ProblemMapper} writes them.
 */
final class Shed {
    static final String DETAIL = "the server has more requests than it can work on at once, so this one was turned "
            + "away before anything of it was done; send it again in " + ServerLimits.MAX_WAIT.toSeconds()
            + " s. Signed-in people and API tokens are served before anonymous requests, and /health is always "
            + "answered";

    private Shed() {}

    static void answer(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        boolean page = !path.startsWith("/api/")
                && accept != null
                && accept.contains("text/html")
                && request.getHeaders().get("HX-Request") == null;
        byte[] body;
        if (page) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
            body = ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                            + "content=\"width=device-width, initial-scale=1\"><title>503 Busy · Hotfix Log</title>"
                            + "<link rel=\"stylesheet\" href=\"/static/app.css\"></head><body><main><h1>Busy</h1>"
                            + "<p class=\"error\" role=\"alert\">" + Markup.escape(DETAIL)
                            + ".</p><p>Reload the page in a "
                            + "moment · <a href=\"/\">The board</a></p></main></body>"
                            + "</html>\n")
                    .getBytes(StandardCharsets.UTF_8);
        } else {
            ObjectNode p = Json.object();
            p.put("type", ProblemMapper.TYPE_PREFIX + "busy");
            p.put("title", "Service Unavailable");
            p.put("status", 503);
            p.put("detail", DETAIL);
            p.put("instance", path);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON);
            body = Json.write(p).getBytes(StandardCharsets.UTF_8);
        }
        response.setStatus(503);
        response.getHeaders().put(HttpHeader.RETRY_AFTER, String.valueOf(ServerLimits.MAX_WAIT.toSeconds()));
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
