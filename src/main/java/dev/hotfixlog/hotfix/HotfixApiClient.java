package dev.hotfixlog.hotfix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.ConflictException;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ForbiddenException;
import dev.hotfixlog.error.HotfixLogException;
import dev.hotfixlog.error.NotFoundException;
import dev.hotfixlog.error.PreconditionRequiredException;
import dev.hotfixlog.error.RemoteException;
import dev.hotfixlog.error.StaleVersionException;
import dev.hotfixlog.error.StorageException;
import dev.hotfixlog.error.UnauthorizedException;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.web.ProblemMapper;
import dev.hotfixlog.web.Requests;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link HotfixService} over a remote server's REST API: the CLI's {@code --server} mode. Problem documents are
 * turned back into the same exceptions the local service throws, so messages and exit codes match.
 */
public final class HotfixApiClient implements HotfixService {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final String base;
    private final String token;
    private final HttpClient http;

    public HotfixApiClient(String serverUrl, String token) {
        this.base = serverUrl + HotfixRoutes.BASE;
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public Hotfix create(MergePatch fields, String actor, String idempotencyKey) {
        HttpRequest.Builder b = request("", actor).POST(body(fields.document()))
                .header("Content-Type", "application/json");
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return HotfixJson.readFull(object(send(b)));
    }

    @Override
    public Hotfix get(HotfixId id) {
        return HotfixJson.readFull(object(send(request("/" + id, null).GET())));
    }

    @Override
    public HotfixPage list(HotfixQuery q) {
        StringBuilder query = new StringBuilder("?limit=" + q.limit());
        if (q.status() != null) {
            query.append("&status=").append(q.status().json());
        }
        if (q.severity() != null) {
            query.append("&severity=").append(q.severity().json());
        }
        if (q.text() != null) {
            query.append("&q=").append(URLEncoder.encode(q.text(), StandardCharsets.UTF_8));
        }
        if (q.resolvedSince() != null) {
            query.append("&resolvedSince=").append(q.resolvedSince());
        }
        if (q.before() != null) {
            query.append("&cursor=").append(URLEncoder.encode(HotfixPage.cursorBefore(q.before()),
                    StandardCharsets.UTF_8));
        }
        ObjectNode page = object(send(request(query.toString(), null).GET()));
        List<Hotfix> items = new ArrayList<>();
        for (JsonNode n : page.path("items")) {
            items.add(HotfixJson.readFull((ObjectNode) n));
        }
        JsonNode next = page.get("nextCursor");
        return new HotfixPage(items, next == null || next.isNull() ? null : next.asText());
    }

    @Override
    public Hotfix edit(HotfixId id, int expectedVersion, MergePatch patch, String actor) {
        return HotfixJson.readFull(object(send(request("/" + id, actor)
                .method("PATCH", body(patch.document()))
                .header("Content-Type", "application/merge-patch+json")
                .header("If-Match", Requests.etag(expectedVersion)))));
    }

    @Override
    public Hotfix record(HotfixId id, LifecycleEvent event, String actor) {
        return HotfixJson.readFull(object(send(request("/" + id + "/events", actor)
                .POST(body(EventJson.write(event))).header("Content-Type", "application/json"))));
    }

    @Override
    public List<Revision> history(HotfixId id) {
        List<Revision> out = new ArrayList<>();
        for (JsonNode n : object(send(request("/" + id + "/history", null).GET())).path("items")) {
            out.add(RevisionJson.read(n));
        }
        return out;
    }

    @Override
    public void delete(HotfixId id, String actor) {
        send(request("/" + id, actor).DELETE());
    }

    private HttpRequest.Builder request(String path, String actor) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (token != null && !token.isEmpty()) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static HttpRequest.BodyPublisher body(JsonNode node) {
        return HttpRequest.BodyPublishers.ofString(Json.write(node), StandardCharsets.UTF_8);
    }

    private String send(HttpRequest.Builder b) {
        HttpRequest req = b.build();
        HttpResponse<String> res;
        try {
            res = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RemoteException("cannot reach the Hotfix Log server at " + base + ": " + e
                    + " (is `hotfix serve` running there, and is HOTFIX_SERVER right?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException("interrupted while calling " + req.uri(), e);
        }
        if (res.statusCode() / 100 == 2) {
            return res.body();
        }
        throw problem(res);
    }

    private static HotfixLogException problem(HttpResponse<String> res) {
        String type = res.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith(ProblemMapper.PROBLEM_JSON)) {
            return new RemoteException("the server answered " + res.statusCode() + " to " + res.request().method()
                    + " " + res.request().uri() + " without a problem document", null);
        }
        ObjectNode p = object(res.body());
        String kind = p.path("type").asText().replace(ProblemMapper.TYPE_PREFIX, "");
        String detail = p.path("detail").asText();
        switch (kind) {
            case "invalid-input" -> {
                List<FieldError> errors = new ArrayList<>();
                p.path("errors").forEach(e -> errors.add(new FieldError(e.path("field").asText(),
                        e.path("message").asText())));
                return errors.isEmpty() ? ValidationException.of("input", detail) : new ValidationException(errors);
            }
            case "not-found" -> {
                return new NotFoundException(detail);
            }
            case "stale-version" -> {
                return new StaleVersionException(idOf(res), ifMatch(res), p.path("currentVersion").asInt());
            }
            case "conflict" -> {
                return new ConflictException(detail);
            }
            case "unauthorized" -> {
                return new UnauthorizedException(detail + " (set HOTFIX_TOKEN to an API token of that server)");
            }
            case "forbidden" -> {
                return new ForbiddenException(detail);
            }
            case "precondition-required" -> {
                return new PreconditionRequiredException(detail);
            }
            case "storage-unavailable" -> {
                return new StorageException(detail, null);
            }
            default -> {
                return new RemoteException("the server answered " + res.statusCode() + ": " + detail, null);
            }
        }
    }

    private static String idOf(HttpResponse<String> res) {
        String path = res.request().uri().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static int ifMatch(HttpResponse<String> res) {
        String etag = res.request().headers().firstValue("If-Match").orElse("\"0\"");
        return Integer.parseInt(etag.replaceAll("\\D", ""));
    }

    private static ObjectNode object(String body) {
        return Json.parseObject(body);
    }
}
