package dev.hotfixlog.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A tiny HTTP client for tests against a real server on a random port. */
public final class Http {
    private final String base;
    private final String token;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A client that sends no credentials. */
    public Http(String base) {
        this(base, null);
    }

    /** A client that sends {@code Authorization: Bearer token}. */
    public Http(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** The server's URL this client calls. */
    public String base() {
        return base;
    }

    public Response get(String path, String... headers) {
        return send(builder(path, headers).GET());
    }

    /** A JSON body unless {@code headers} name another Content-Type (one type: the server refuses two). */
    public Response post(String path, String body, String... headers) {
        return send(typed(builder(path, headers), "application/json", headers)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    public Response patch(String path, String body, String... headers) {
        return send(typed(builder(path, headers), "application/merge-patch+json", headers)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private static HttpRequest.Builder typed(HttpRequest.Builder b, String type, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("Content-Type")) {
                return b;
            }
        }
        return b.header("Content-Type", type);
    }

    /** A body is sent as JSON unless {@code headers} name another Content-Type. */
    public Response send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = builder(path, headers);
        boolean typed = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (body != null && !typed) {
            b.header("Content-Type", "application/json");
        }
        return send(b.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder builder(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    private Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    r.statusCode(),
                    r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("ETag").orElse(null),
                    r.headers().firstValue("Location").orElse(null),
                    r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String contentType, String etag, String location, String body) {
        public JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }
}
