package dev.hotfixlog.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.web.ApiTransport;
import dev.hotfixlog.web.Requests;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** {@link LessonService} over a remote server's REST API (the CLI's {@code --server} mode). */
public final class LessonApiClient implements LessonService {
    private final ApiTransport transport;

    public LessonApiClient(String serverUrl, String token) {
        this.transport = new ApiTransport(serverUrl + "/api/v1", token);
    }

    @Override
    public Lesson create(MergePatch fields, String actor) {
        return LessonJson.readFull(ApiTransport.object(transport.send(transport
                .request("/lessons")
                .POST(body(fields.document()))
                .header("Content-Type", "application/json"))));
    }

    @Override
    public Lesson createFrom(HotfixId hotfix, MergePatch overrides, String actor) {
        return LessonJson.readFull(ApiTransport.object(transport.send(transport
                .request("/hotfixes/" + hotfix + "/lesson")
                .POST(body(overrides.document()))
                .header("Content-Type", "application/json"))));
    }

    @Override
    public Lesson get(LessonId id) {
        return LessonJson.readFull(ApiTransport.object(
                transport.send(transport.request("/lessons/" + id).GET())));
    }

    @Override
    public List<Lesson> list(LessonQuery q) {
        StringBuilder path = new StringBuilder("/lessons?limit=" + q.limit() + "&published=" + q.publishedOnly());
        param(path, "category", q.category());
        param(path, "bucket", q.bucket() == null ? null : q.bucket().json());
        param(path, "tag", q.tag());
        param(path, "hotfix", q.hotfix());
        ObjectNode page = ApiTransport.object(
                transport.send(transport.request(path.toString()).GET()));
        List<Lesson> out = new ArrayList<>();
        for (JsonNode n : page.path("items")) {
            out.add(LessonJson.readFull((ObjectNode) n));
        }
        return out;
    }

    @Override
    public Lesson edit(LessonId id, int expectedVersion, MergePatch patch, String actor) {
        return LessonJson.readFull(ApiTransport.object(transport.send(transport
                .request("/lessons/" + id)
                .method("PATCH", body(patch.document()))
                .header("Content-Type", "application/merge-patch+json")
                .header("If-Match", Requests.etag(expectedVersion)))));
    }

    @Override
    public void delete(LessonId id, String actor) {
        transport.send(transport.request("/lessons/" + id).DELETE());
    }

    @Override
    public Legibility check(MergePatch draft) {
        return LessonJson.readLegibility(ApiTransport.object(transport.send(transport
                .request("/lessons/check")
                .POST(body(draft.document()))
                .header("Content-Type", "application/json"))));
    }

    private static void param(StringBuilder path, String name, String value) {
        if (value != null) {
            path.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static HttpRequest.BodyPublisher body(JsonNode node) {
        return HttpRequest.BodyPublishers.ofString(Json.write(node), StandardCharsets.UTF_8);
    }
}
