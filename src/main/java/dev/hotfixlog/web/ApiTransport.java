package dev.hotfixlog.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.ErrorKind;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.HotfixLogException;
import dev.hotfixlog.error.RemoteException;
import dev.hotfixlog.error.StaleVersionException;
import dev.hotfixlog.error.UnauthorizedException;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * Calls to a remote server's REST API for the CLI's {@code --server} mode: the token, the timeouts, and problem
 * documents turned back into the same exceptions the local services throw, so messages and exit codes match.
 */
public final class ApiTransport {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final String base;
    private final String token;
    private final HttpClient http;

    /** @param base the server's URL plus the API path every call starts with */
    public ApiTransport(String base, String token) {
        this.base = base;
        this.token = token;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A request to {@code base + path} that accepts JSON and carries the token. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header("Accept", "application/json");
        if (token != null && !token.isEmpty()) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    /** The body of a 2xx answer; anything else becomes the matching exception. */
    public String send(HttpRequest.Builder b) {
        HttpRequest req = b.build();
        HttpResponse<String> res;
        try {
            res = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RemoteException(
                    "cannot reach the Hotfix Log server at " + base + ": " + e
                            + " (is `hotfix serve` running there, and is HOTFIX_SERVER right?)",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException("interrupted while calling " + req.uri(), e);
        }
        if (res.statusCode() / 100 == 2) {
            return res.body();
        }
        throw problem(res);
    }

    /** The bytes of a 2xx answer (a file); anything else becomes the matching exception. */
    public byte[] sendForBytes(HttpRequest.Builder b) {
        HttpRequest req = b.build();
        HttpResponse<byte[]> res;
        try {
            res = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new RemoteException("cannot reach the Hotfix Log server at " + base + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException("interrupted while calling " + req.uri(), e);
        }
        if (res.statusCode() / 100 == 2) {
            return res.body();
        }
        throw problem(new StringResponse(res));
    }

    /** A byte answer seen as text, to read its problem document. */
    private record StringResponse(HttpResponse<byte[]> bytes) implements HttpResponse<String> {
        public int statusCode() {
            return bytes.statusCode();
        }

        public HttpRequest request() {
            return bytes.request();
        }

        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        public HttpHeaders headers() {
            return bytes.headers();
        }

        public String body() {
            return new String(bytes.body(), StandardCharsets.UTF_8);
        }

        public Optional<SSLSession> sslSession() {
            return bytes.sslSession();
        }

        public URI uri() {
            return bytes.uri();
        }

        public HttpClient.Version version() {
            return bytes.version();
        }
    }

    public static ObjectNode object(String body) {
        return Json.parseObject(body);
    }

    private static HotfixLogException problem(HttpResponse<String> res) {
        String type = res.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith(ProblemMapper.PROBLEM_JSON)) {
            return new RemoteException(
                    "the server answered " + res.statusCode() + " to "
                            + res.request().method() + " " + res.request().uri() + " without a problem document",
                    null);
        }
        ObjectNode p = object(res.body());
        String kind = p.path("type").asText().replace(ProblemMapper.TYPE_PREFIX, "");
        String detail = p.path("detail").asText();
        ErrorKind known = ErrorKind.ofType(kind).orElse(null);
        if (known == null) {
            return new RemoteException("the server answered " + res.statusCode() + ": " + detail, null);
        }
        return switch (known) {
            case INVALID_INPUT -> {
                List<FieldError> errors = new ArrayList<>();
                p.path("errors")
                        .forEach(e -> errors.add(new FieldError(
                                e.path("field").asText(), e.path("message").asText())));
                yield errors.isEmpty() ? ValidationException.of("input", detail) : new ValidationException(errors);
            }
            case STALE_VERSION ->
                new StaleVersionException(
                        idOf(res), ifMatch(res), p.path("currentVersion").asInt());
            case UNAUTHORIZED ->
                new UnauthorizedException(detail + " (set HOTFIX_TOKEN to an API token of that server)");
            default -> known.fromDetail(detail);
        };
    }

    private static String idOf(HttpResponse<String> res) {
        String path = res.request().uri().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static int ifMatch(HttpResponse<String> res) {
        String etag = res.request().headers().firstValue("If-Match").orElse("\"0\"");
        return Integer.parseInt(etag.chars()
                .filter(Character::isDigit)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString());
    }
}
