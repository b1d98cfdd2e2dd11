package dev.hotfixlog.markdown;

import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.web.ApiTransport;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.function.IntConsumer;

/** {@link MarkdownService} over a remote server's REST API (the CLI's {@code --server} mode). */
public final class MarkdownApiClient implements MarkdownService {
    private final ApiTransport transport;

    public MarkdownApiClient(String serverUrl, String token) {
        this.transport = new ApiTransport(serverUrl + "/api/v1", token);
    }

    @Override
    public String export(LogFormat format) {
        return transport.send(
                transport.request("/export?format=" + format.json()).GET());
    }

    @Override
    public String exportOne(HotfixId id) {
        return transport.send(transport
                .request("/hotfixes/" + id)
                .setHeader("Accept", "text/markdown")
                .GET());
    }

    @Override
    public ImportReport importLog(LogPage page, boolean dryRun, boolean renumber, String actor, IntConsumer progress) {
        String body = transport.send(transport
                .request("/import?dryRun=" + dryRun + "&renumber=" + renumber)
                .header("Content-Type", "text/markdown; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(page.text(), StandardCharsets.UTF_8)));
        return MarkdownRoutes.read(ApiTransport.object(body));
    }
}
