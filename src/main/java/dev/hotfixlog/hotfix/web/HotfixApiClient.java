package dev.hotfixlog.hotfix.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.RemoteException;
import dev.hotfixlog.hotfix.CustomFields;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixJson;
import dev.hotfixlog.hotfix.HotfixPage;
import dev.hotfixlog.hotfix.HotfixQuery;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.hotfix.LifecycleEvent;
import dev.hotfixlog.hotfix.Revision;
import dev.hotfixlog.hotfix.RevisionJson;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.web.ApiTransport;
import dev.hotfixlog.web.Requests;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link HotfixService} over a remote server's REST API: the CLI's {@code --server} mode ({@link ApiTransport}
 * turns problem documents back into the local service's exceptions).
 */
final class HotfixApiClient implements HotfixService {
    private final ApiTransport transport;
    private final String serverUrl;
    private final String token;

    public HotfixApiClient(String serverUrl, String token) {
        this.transport = new ApiTransport(serverUrl + HotfixRoutes.BASE, token);
        this.serverUrl = serverUrl;
        this.token = token;
    }

    @Override
    public Hotfix create(MergePatch fields, String actor, String idempotencyKey) {
        HttpRequest.Builder b =
                request("", actor).POST(body(fields.document())).header("Content-Type", "application/json");
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
        q.fields()
                .forEach((name, value) -> query.append("&field.")
                        .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        if (q.before() != null) {
            query.append("&cursor=")
                    .append(URLEncoder.encode(HotfixPage.cursorBefore(q.before()), StandardCharsets.UTF_8));
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
                .POST(body(EventJson.write(event)))
                .header("Content-Type", "application/json"))));
    }

    @Override
    public List<Revision> history(HotfixId id) {
        List<Revision> out = new ArrayList<>();
        for (JsonNode n :
                object(send(request("/" + id + "/history", null).GET())).path("items")) {
            out.add(RevisionJson.read(n));
        }
        return out;
    }

    @Override
    public void delete(HotfixId id, String actor) {
        send(request("/" + id, actor).DELETE());
    }

    private HttpRequest.Builder request(String path, String actor) {
        return transport.request(path);
    }

    private static HttpRequest.BodyPublisher body(JsonNode node) {
        return HttpRequest.BodyPublishers.ofString(Json.write(node), StandardCharsets.UTF_8);
    }

    private String send(HttpRequest.Builder b) {
        return transport.send(b);
    }

    private static ObjectNode object(String body) {
        return ApiTransport.object(body);
    }

    @Override
    public CustomFields customFields() {
        try {
            ApiTransport api = new ApiTransport(serverUrl + "/api/v1", token); // asked rarely: made when asked
            return CustomFields.fromJson(
                    Json.mapper().readTree(api.send(api.request("/fields").GET())));
        } catch (IOException e) {
            throw new RemoteException("the server's field list is not JSON: " + e, e);
        }
    }
}
