package dev.hotfixlog.risk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.web.ApiTransport;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** {@link RiskService} over a remote server's REST API (the CLI's {@code --server} mode). */
public final class RiskApiClient implements RiskService {
    private final ApiTransport transport;

    public RiskApiClient(String serverUrl, String token) {
        this.transport = new ApiTransport(serverUrl + "/api/v1", token);
    }

    @Override
    public List<Risk> list(RiskQuery q) {
        StringBuilder s = new StringBuilder("/risks?limit=" + q.limit());
        param(s, "state", q.standing() == null ? null : q.standing().json());
        param(s, "system", q.system());
        param(s, "owner", q.owner());
        param(s, "hotfix", q.hotfixId());
        return RiskJson.readList(ApiTransport.object(
                transport.send(transport.request(s.toString()).GET())));
    }

    private static void param(StringBuilder s, String name, String value) {
        if (value != null) {
            s.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    @Override
    public Risk get(long id) {
        return RiskJson.read(ApiTransport.object(
                transport.send(transport.request("/risks/RISK-" + id).GET())));
    }

    @Override
    public List<RiskEvent> history(long id) {
        ObjectNode o = ApiTransport.object(
                transport.send(transport.request("/risks/RISK-" + id).GET()));
        ObjectNode wrapped = Json.object();
        wrapped.set("items", o.path("history"));
        return RiskJson.readHistory(wrapped);
    }

    @Override
    public Risk add(NewRisk r, String actor) {
        ObjectNode body = Json.object()
                .put("hotfix", r.hotfixId())
                .put("statement", r.statement())
                .put("decision", r.decision().json());
        if (r.owner() != null) {
            body.put("owner", r.owner());
        }
        if (r.controls() != null) {
            body.put("controls", r.controls());
        }
        if (r.properFix() != null) {
            body.put("properFix", r.properFix());
        }
        if (r.reviewBy() != null) {
            body.put("reviewBy", r.reviewBy().toString());
        }
        return post("/risks", body);
    }

    @Override
    public Risk retire(long id, String reason, String actor) {
        return post("/risks/RISK-" + id + "/retire", Json.object().put("reason", reason));
    }

    @Override
    public Risk reaccept(long id, Instant reviewBy, String reason, String actor) {
        return post(
                "/risks/RISK-" + id + "/reaccept",
                Json.object()
                        .put("reviewBy", reviewBy == null ? null : reviewBy.toString())
                        .put("reason", reason));
    }

    @Override
    public Risk mitigate(long id, String controls, String actor) {
        return post("/risks/RISK-" + id + "/mitigate", Json.object().put("controls", controls));
    }

    private Risk post(String path, ObjectNode body) {
        return RiskJson.read(ApiTransport.object(transport.send(transport
                .request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))))));
    }
}
