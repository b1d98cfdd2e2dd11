package dev.hotfixlog.incoming;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixJson;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.web.ApiTransport;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@link IncomingService} over a remote server's REST API (the CLI's {@code --server} mode). */
public final class IncomingApiClient implements IncomingService {
    private final ApiTransport transport;

    public IncomingApiClient(String serverUrl, String token) {
        this.transport = new ApiTransport(serverUrl + "/api/v1/incoming", token);
    }

    @Override
    public List<IncomingAlert> list(IncomingAlert.State state, int limit) {
        String query = "?limit=" + limit
                + (state == null ? "&state=all" : "&state=" + URLEncoder.encode(state.json(), StandardCharsets.UTF_8));
        return IncomingJson.readList(
                ApiTransport.object(transport.send(transport.request(query).GET())));
    }

    @Override
    public IncomingAlert get(long id) {
        return IncomingJson.read(ApiTransport.object(
                transport.send(transport.request("/ALERT-" + id).GET())));
    }

    @Override
    public ObjectNode draft(long id) {
        return ApiTransport.object(
                transport.send(transport.request("/ALERT-" + id + "/draft").GET()));
    }

    @Override
    public Hotfix declare(long id, MergePatch fields, String actor, String idempotencyKey) {
        HttpRequest.Builder b = transport
                .request("/ALERT-" + id + "/declare")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(fields.document())));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return HotfixJson.readFull(ApiTransport.object(transport.send(b)));
    }

    @Override
    public IncomingAlert dismiss(long id, Outcome outcome, String note, String actor) {
        ObjectNode body = Json.object()
                .put("outcome", outcome == null ? null : outcome.json())
                .put("note", note);
        return IncomingJson.read(ApiTransport.object(transport.send(transport
                .request("/ALERT-" + id + "/dismiss")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))))));
    }

    @Override
    public List<IncomingAlert> ofHotfix(String hotfixId) {
        return IncomingJson.readList(ApiTransport.object(transport.send(transport
                .request("?hotfix=" + URLEncoder.encode(hotfixId, StandardCharsets.UTF_8) + "&state=all&limit="
                        + MAX_LIMIT)
                .GET())));
    }
}
