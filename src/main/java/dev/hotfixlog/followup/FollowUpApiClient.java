package dev.hotfixlog.followup;

import dev.hotfixlog.web.ApiTransport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@link FollowUpService} over a remote server's REST API (the CLI's {@code --server} mode). */
public final class FollowUpApiClient implements FollowUpService {
    private final ApiTransport transport;

    public FollowUpApiClient(String serverUrl, String token) {
        this.transport = new ApiTransport(serverUrl + "/api/v1", token);
    }

    @Override
    public List<FollowUpItem> list(FollowUpQuery q) {
        String path = "/followups?overdue=" + q.overdueOnly() + "&done=" + q.includeDone() + "&limit=" + q.limit()
                + (q.owner() == null ? "" : "&owner=" + URLEncoder.encode(q.owner(), StandardCharsets.UTF_8));
        return FollowUpJson.readItems(
                ApiTransport.object(transport.send(transport.request(path).GET())));
    }

    @Override
    public DebtLedger debt() {
        return FollowUpJson.readDebt(
                ApiTransport.object(transport.send(transport.request("/debt").GET())));
    }
}
