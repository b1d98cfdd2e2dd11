package dev.hotfixlog.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.web.ApiTransport;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@link NotifyService} over a remote server's REST API (the CLI's {@code --server} mode). */
public final class NotifyApiClient implements NotifyService {
    private final ApiTransport transport;

    public NotifyApiClient(String serverUrl, String token) {
        this.transport = new ApiTransport(serverUrl + "/api/v1", token);
    }

    @Override
    public Preview preview(HotfixId id, MessageKind kind, String eta) {
        String q = eta == null ? "" : "?eta=" + URLEncoder.encode(eta, StandardCharsets.UTF_8);
        return NotifyJson.readPreview(ApiTransport.object(transport.send(transport
                .request("/hotfixes/" + id + "/messages/" + kind.json() + q)
                .GET())));
    }

    @Override
    public List<Delivery> send(HotfixId id, MessageKind kind, String eta, String actor, String requestKey) {
        ObjectNode body = Json.object();
        if (eta != null) {
            body.put("eta", eta);
        }
        HttpRequest.Builder b = transport
                .request("/hotfixes/" + id + "/messages/" + kind.json())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
        if (requestKey != null) {
            b.header("Idempotency-Key", requestKey);
        }
        return NotifyJson.readDeliveries(ApiTransport.object(transport.send(b)));
    }

    @Override
    public List<Delivery> deliveries(HotfixId id) {
        return NotifyJson.readDeliveries(ApiTransport.object(transport.send(
                transport.request("/hotfixes/" + id + "/deliveries").GET())));
    }
}
