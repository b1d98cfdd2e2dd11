package dev.hotfixlog.web;

import com.google.re2j.Pattern;
import dev.hotfixlog.error.BadRequestException;
import dev.hotfixlog.error.TooLargeException;
import dev.hotfixlog.error.UnsupportedMediaTypeException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads every request strictly, in one place, before any route parses it: its path's %-escapes, its query values
 * (no NUL, which PostgreSQL cannot store), and a body's media type, charset and UTF-8. JSON routes take JSON in
 * UTF-8 only ({@code application/json}, {@code application/merge-patch+json}); the import takes Markdown text.
 * Anything else is a 400 or 415 naming what was wrong, never a stack trace from a decoder deep in a route.
 * Runs after the access gate, so a caller who may not use a route is told that first.
 */
public final class RequestGuard {
    private static final Set<String> JSON_TYPES = Set.of("application/json", "application/merge-patch+json");
    private static final Set<String> TEXT_TYPES = Set.of("text/markdown", "text/plain", "text/x-markdown");
    private static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data");
    /** Routes whose body is Markdown text, not JSON. */
    private static final Set<String> TEXT_ROUTES = Set.of("/api/v1/import");
    /** The routes that take files (evidence attachments, multipart): the only ones past the request limit. */
    private static final Pattern UPLOAD_ROUTES =
            Pattern.compile("^/(?:api/v1/)?(?:hotfixes|lessons)/[^/]+/attachments$");

    /** The chats' URLs: Slack (and Mattermost's slash command) post forms there, not JSON. */
    private static final Pattern CHAT_ROUTES =
            Pattern.compile("^/api/v1/chat/[a-z0-9-]+/[^/]+/(?:commands|interactions)$");

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /**
     * The query parameters a write takes, by route ("METHOD /path/template"): any other on a write is a 400 naming
     * it, so a misspelt option ({@code dry_run=true}) is never an import done for real. A route not listed takes
     * none. Reads ignore parameters they do not know (a page's links and htmx add their own); their flags are
     * still read strictly, near-miss spellings included ({@link Requests#boolQuery}).
     */
    private static final Map<String, Set<String>> WRITE_QUERY = Map.of(
            "POST /api/v1/import", Set.of("dryRun", "renumber"),
            "DELETE /api/v1/attachments/{aid}", Set.of("reason"),
            // the announce form has no action: it posts back to the preview's URL, ?eta= and all
            "POST /hotfixes/{id}/announce/{kind}", Set.of("eta"),
            "POST /lessons/{id}", Set.of("version"));

    private RequestGuard() {}

    /**
     * @param maxRequestBytes the largest body of any route but an upload
     * @param maxUploadBytes  the largest body of an upload: one attachment and its form (HOTFIX_ATTACH_MAX_FILE)
     */
    public static void register(RoutesConfig routes, long maxRequestBytes, long maxUploadBytes) {
        routes.beforeMatched(ctx -> check(ctx, maxRequestBytes, maxUploadBytes));
    }

    /** A POST of files: multipart, allowed past the everyday request limit up to the attachment limit. */
    public static boolean isUpload(Context ctx) {
        return isUpload(ctx.method().name(), ctx.path());
    }

    static boolean isUpload(String method, String path) {
        return method.equals("POST") && UPLOAD_ROUTES.matcher(path).matches();
    }

    /**
     * Headers a request means once: two idempotency keys (which one guards the retry?), two versions, two bodies'
     * types or two credentials are a 400, never the first one taken.
     */
    private static final List<String> SINGLE_HEADERS =
            List.of("Idempotency-Key", "If-Match", "Content-Type", "Authorization");

    static void check(Context ctx, long maxRequestBytes, long maxUploadBytes) {
        checkPath(ctx.req().getRequestURI());
        checkEscapedUtf8("query", ctx.req().getQueryString());
        for (Map.Entry<String, List<String>> q : ctx.queryParamMap().entrySet()) {
            for (String v : q.getValue()) {
                if (v.indexOf('\u0000') >= 0) {
                    throw new BadRequestException(q.getKey(), "holds a NUL character (%00)");
                }
            }
            // No route reads a parameter twice: the first of two values would be taken silently (status=active
            // &status=completed answered with the active ones).
            if (q.getValue().stream().distinct().count() > 1) {
                throw new BadRequestException(
                        q.getKey(),
                        "is given " + q.getValue().size() + " times with different " + "values; give it once");
            }
        }
        for (String name : SINGLE_HEADERS) {
            int count = Collections.list(ctx.req().getHeaders(name)).size();
            if (count > 1) {
                throw new BadRequestException(name, "is sent " + count + " times; send it once");
            }
        }
        String method = ctx.method().name();
        if (WRITES.contains(method)) {
            refuseUnknownQuery(ctx, method);
        }
        if (!method.equals("POST") && !method.equals("PUT") && !method.equals("PATCH")) {
            return;
        }
        MediaType mediaType = MediaType.parse(ctx.header("Content-Type"));
        String type = mediaType == null ? null : mediaType.type();
        boolean upload = isUpload(ctx);
        long limit = upload ? maxUploadBytes : maxRequestBytes;
        if (ctx.contentLength() > limit) {
            throw tooLarge(ctx.contentLength(), upload, limit);
        }
        if (mediaType != null) {
            mediaType.requireUtf8();
        }
        if (upload) {
            if (!"multipart/form-data".equals(type)) {
                throw new UnsupportedMediaTypeException(ctx.path() + " takes multipart/form-data (a part named file), "
                        + (type == null ? "and the request has no Content-Type" : "not " + type));
            }
            Requests.form(ctx); // the parts are read, and bounded, here; the files by Requests.files
            return;
        }
        boolean api = ctx.path().startsWith("/api/");
        if (api && ctx.contentLength() != 0) {
            boolean text = TEXT_ROUTES.contains(ctx.path());
            Set<String> accepted = text
                    ? TEXT_TYPES
                    : CHAT_ROUTES.matcher(ctx.path()).matches()
                            ? Set.of("application/json", "application/x-www-form-urlencoded")
                            : JSON_TYPES;
            if (type == null || !accepted.contains(type)) {
                throw new UnsupportedMediaTypeException(ctx.path() + " takes "
                        + String.join(" or ", accepted.stream().sorted().toList())
                        + (type == null ? "; the request has no Content-Type" : ", not " + type));
            }
        }
        // A body sent without a length (chunked) is held to the same limit once read: the server reads bodies up
        // to an attachment's size for the upload routes' sake, never for these.
        byte[] body = ctx.bodyAsBytes();
        if (body.length > maxRequestBytes) {
            throw tooLarge(body.length, false, maxRequestBytes);
        }
        if (type == null || !FORM_TYPES.contains(type)) {
            requireUtf8(body);
        }
        if (type != null && FORM_TYPES.contains(type)) {
            // A form is read here, once, whichever route it is sent to: a broken one is a 400 before any route
            // asks for a field (or reads the body as something else).
            Requests.form(ctx);
        }
    }

    private static TooLargeException tooLarge(long bytes, boolean upload, long limit) {
        return new TooLargeException(
                upload
                        ? "file: the upload is " + bytes + " bytes; an attachment may be at most " + limit
                                + " with its form " + "(HOTFIX_ATTACH_MAX_FILE); send one file a request"
                        : "body: is " + bytes + " bytes; this route reads at most " + limit
                                + " (HOTFIX_MAX_REQUEST_BYTES)");
    }

    private static void refuseUnknownQuery(Context ctx, String method) {
        if (ctx.queryParamMap().isEmpty()) {
            return;
        }
        var endpoint = ctx.endpoints().matchedHttpEndpoint();
        String route = method + " " + (endpoint == null ? ctx.path() : endpoint.path);
        Set<String> accepted = WRITE_QUERY.getOrDefault(route, Set.of());
        for (Map.Entry<String, List<String>> q : ctx.queryParamMap().entrySet()) {
            if (!accepted.contains(q.getKey())) {
                throw new BadRequestException(
                        q.getKey(),
                        "is not a parameter of " + route
                                + (accepted.isEmpty()
                                        ? ", which takes none"
                                        : "; it takes "
                                                + String.join(
                                                        ", ",
                                                        accepted.stream()
                                                                .sorted()
                                                                .toList())));
            }
            if (q.getValue().size() > 1) {
                throw new BadRequestException(
                        q.getKey(), "is given " + q.getValue().size() + " times; give it once");
            }
        }
    }

    /** Every % in the path starts a two-digit hex escape: "%u0041" would throw in the path decoder. */
    static void checkPath(String rawPath) {
        if (rawPath == null) {
            return;
        }
        for (int i = rawPath.indexOf('%'); i >= 0; i = rawPath.indexOf('%', i + 1)) {
            if (i + 2 >= rawPath.length()
                    || Character.digit(rawPath.charAt(i + 1), 16) < 0
                    || Character.digit(rawPath.charAt(i + 2), 16) < 0) {
                throw new BadRequestException(
                        "path", "has a broken %-escape at character " + (i + 1) + "; write %XX with two hex digits");
            }
            if (rawPath.charAt(i + 1) == '0' && rawPath.charAt(i + 2) == '0') {
                throw new BadRequestException("path", "holds a NUL character (%00)");
            }
        }
        checkEscapedUtf8("path", rawPath);
    }

    /**
     * The bytes a path or query's %-escapes stand for are UTF-8, as its body must be: {@code %C0%AF} (an overlong
     * "/") or a lone {@code %FF} is a 400, not a replacement character read as a word. A broken escape is left to
     * {@link #checkPath} (the path) and the server (the query).
     */
    static void checkEscapedUtf8(String field, String raw) {
        if (raw == null || raw.indexOf('%') < 0) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            int hi = c == '%' && i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
            if (lo >= 0) {
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] plain = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(plain, 0, plain.length);
            }
        }
        requireUtf8(field, bytes.toByteArray(), "its %-escapes are not valid UTF-8");
    }

    private static void requireUtf8(byte[] body) {
        requireUtf8("body", body, "is not valid UTF-8");
    }

    private static void requireUtf8(String field, byte[] bytes, String message) {
        if (bytes.length == 0) {
            return;
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new BadRequestException(field, message);
        }
    }
}
