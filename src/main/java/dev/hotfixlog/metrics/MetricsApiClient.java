package dev.hotfixlog.metrics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.web.ApiTransport;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@link MetricsService} over a remote server's REST API (the CLI's {@code --server} mode). */
public final class MetricsApiClient implements MetricsService {
    private final ApiTransport transport;

    public MetricsApiClient(String serverUrl, String token) {
        this.transport = new ApiTransport(serverUrl + "/api/v1", token);
    }

    @Override
    public Metrics compute(MetricsQuery q) {
        return MetricsJson.read(ApiTransport.object(transport.send(transport
                .request("/metrics?from=" + enc(q.from().toString()) + "&to=" + enc(q.to().toString()) + "&zone="
                        + enc(q.zone().getId()))
                .GET())));
    }

    @Override
    public List<SignReading> signs() {
        return MetricsJson.readSigns(
                ApiTransport.object(transport.send(transport.request("/signals").GET()))
                        .path("items"));
    }

    @Override
    public SignReading putSignal(
            String name, String description, double value, double threshold, String direction, String actor) {
        ObjectNode body = Json.object();
        body.put("description", description);
        body.put("value", value);
        body.put("threshold", threshold);
        body.put("direction", direction);
        ObjectNode answer = ApiTransport.object(transport.send(transport
                .request("/signals/" + enc(name))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8))));
        return MetricsJson.readSigns(Json.mapper().createArrayNode().add(answer))
                .get(0);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
