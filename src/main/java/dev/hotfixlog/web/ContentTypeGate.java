package dev.hotfixlog.web;

import dev.hotfixlog.error.BadRequestException;
import dev.hotfixlog.error.HotfixLogException;
import dev.hotfixlog.error.ValidationException;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request's {@code Content-Type}, read strictly ({@link MediaType}) before Javalin sees the request, and
 * handed on rewritten as {@code type/subtype} (with its boundary, for multipart) and nothing else: Javalin reads
 * the charset from the header itself, with a split on {@code ;}, for the body and for every query parameter, and
 * a header it misread ({@code charset="utf-8"}, {@code charset="utf-8}, a bare {@code charset}) was a 500 on
 * any route, before any of ours ran. A malformed header is a 400, a charset other than UTF-8 a 415, both naming
 * the header; once the charset is known to be UTF-8 it is dropped, and Javalin's default is UTF-8.
 */
final class ContentTypeGate extends Handler.Wrapper {
    private static final Logger LOG = LoggerFactory.getLogger("dev.hotfixlog.access");

    private final ProblemMapper problems;

    ContentTypeGate(Handler next, ProblemMapper problems) {
        super(next);
        this.problems = problems;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String header = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (header == null) {
            return super.handle(request, response, callback);
        }
        MediaType type;
        try {
            // Two types are a 400 here: past this gate only the first would be seen (RequestGuard's rule of one).
            int count =
                    request.getHeaders().getValuesList(HttpHeader.CONTENT_TYPE).size();
            if (count > 1) {
                throw new BadRequestException("Content-Type", "is sent " + count + " times; send it once");
            }
            type = MediaType.parse(header);
            type.requireUtf8();
            if (type.type().equals("multipart/form-data")) {
                MultipartForm.requireBoundary(type);
            }
        } catch (HotfixLogException e) {
            String path = request.getHttpURI().getPath();
            LOG.info("{} {} -> {}: {}", request.getMethod(), path, e.httpStatus(), e.getMessage());
            problems.refuse(
                    response,
                    callback,
                    e.httpStatus(),
                    e.kind().type(),
                    HttpStatus.getMessage(e.httpStatus()),
                    e.getMessage(),
                    path,
                    e instanceof ValidationException v ? v.errors() : List.of());
            return true;
        }
        String canonical = type.type()
                + (type.parameters().containsKey("boundary")
                        ? "; boundary=\"" + type.parameters().get("boundary") + "\""
                        : "");
        HttpFields headers = HttpFields.build(request.getHeaders())
                .put(HttpHeader.CONTENT_TYPE, canonical)
                .asImmutable();
        return super.handle(
                new Request.Wrapper(request) {
                    @Override
                    public HttpFields getHeaders() {
                        return headers;
                    }
                },
                response,
                callback);
    }
}
