package dev.hotfixlog.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.web.ApiTransport;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@link DeployService} over a remote server's REST API (the CLI's {@code --server} mode, a CI job). */
public final class DeployApiClient implements DeployService {
    private final ApiTransport transport;

    public DeployApiClient(String serverUrl, String token) {
        this.transport = new ApiTransport(serverUrl + "/api/v1", token);
    }

    @Override
    public Recorded record(DeployMarker m, String source, String actor) {
        ObjectNode body = Json.object()
                .put("system", m.system())
                .put("version", m.version())
                .put("environment", m.environment());
        if (m.at() != null) {
            body.put("at", m.at().toString());
        }
        if (m.url() != null) {
            body.put("url", m.url());
        }
        if (m.externalId() != null) {
            body.put("id", m.externalId());
        }
        ObjectNode o = ApiTransport.object(transport.send(transport
                .request("/deploys")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))));
        return new Recorded(DeployJson.read(o), o.path("repeat").asBoolean());
    }

    @Override
    public List<Deploy> list(String system, int limit) {
        String q = "?limit=" + limit
                + (system == null ? "" : "&system=" + URLEncoder.encode(system, StandardCharsets.UTF_8));
        return DeployJson.readList(ApiTransport.object(
                transport.send(transport.request("/deploys" + q).GET())));
    }

    @Override
    public HotfixDeploys forHotfix(String hotfixId) {
        return DeployJson.readHotfixDeploys(ApiTransport.object(transport.send(transport
                .request("/hotfixes/" + URLEncoder.encode(hotfixId, StandardCharsets.UTF_8) + "/deploys")
                .GET())));
    }

    @Override
    public HotfixDeploys confirm(String hotfixId, HotfixDeploys.Role role, long deployId, String actor) {
        return DeployJson.readHotfixDeploys(ApiTransport.object(transport.send(transport
                .request("/hotfixes/" + URLEncoder.encode(hotfixId, StandardCharsets.UTF_8) + "/deploys/" + role.json())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        Json.write(Json.object().put("deploy", deployId)))))));
    }
}
