package dev.hotfixlog.search;

import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.web.ApiTransport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@link SearchService} over a remote server's REST API (the CLI's {@code --server} mode). */
public final class SearchApiClient implements SearchService {
    private final ApiTransport transport;

    public SearchApiClient(String serverUrl, String token) {
        this.transport = new ApiTransport(serverUrl + "/api/v1", token);
    }

    @Override
    public List<SearchHit> search(SearchQuery q) {
        StringBuilder path = new StringBuilder("/search?q=" + enc(q.text()) + "&limit=" + q.limit());
        if (q.kind() != null) {
            path.append("&kind=").append(enc(q.kind()));
        }
        if (q.severity() != null) {
            path.append("&severity=").append(q.severity().json());
        }
        if (q.category() != null) {
            path.append("&category=").append(enc(q.category()));
        }
        if (q.from() != null) {
            path.append("&from=").append(enc(q.from().toString()));
        }
        if (q.to() != null) {
            path.append("&to=").append(enc(q.to().toString()));
        }
        return SearchJson.read(ApiTransport.object(
                transport.send(transport.request(path.toString()).GET())));
    }

    @Override
    public List<SearchHit> similar(HotfixId hotfix, int limit) {
        return SearchJson.read(ApiTransport.object(transport.send(transport
                .request("/hotfixes/" + hotfix + "/similar?limit=" + limit)
                .GET())));
    }

    @Override
    public List<SearchHit> similar(Hotfix hotfix, int limit) {
        return similar(hotfix.id(), limit); // the server reads its own copy
    }

    @Override
    public List<SearchHit> similarTo(String description, int limit) {
        // Only the first words count (at most 24 significant ones), and a pasted log would not fit in a URL.
        String text = description == null ? "" : description.substring(0, Math.min(description.length(), 2000));
        return SearchJson.read(ApiTransport.object(transport.send(transport
                .request("/similar?text=" + enc(text) + "&limit=" + limit)
                .GET())));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
