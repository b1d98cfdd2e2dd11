package dev.hotfixlog.migrate;

import dev.hotfixlog.error.NotFoundException;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.web.ApiTransport;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/** {@link MigrationService} over a remote server's REST API; the server does the reading (an admin's call). */
public final class MigrationApiClient implements MigrationService {
    /** A migration answers when it is done: a long history takes minutes, not the usual call's seconds. */
    private static final Duration MIGRATION_TIMEOUT = Duration.ofHours(6);

    private final ApiTransport transport;

    public MigrationApiClient(String serverUrl, String token) {
        this.transport = new ApiTransport(serverUrl + "/api/v1", token);
    }

    @Override
    public MigrationReport migrate(MigrationRequest request, String actor, Consumer<String> progress) {
        progress.accept(
                "the server at hand reads " + request.source().label() + "; its report follows when it is done");
        return MigrationJson.read(ApiTransport.object(transport.send(transport
                .request("/migrations")
                .timeout(MIGRATION_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(MigrationJson.writeRequest(request)))))));
    }

    @Override
    public Optional<SourceLink> sourceOf(String hotfixId) {
        try {
            return Optional.of(MigrationJson.readLink(ApiTransport.object(transport.send(transport
                    .request("/hotfixes/" + URLEncoder.encode(hotfixId, StandardCharsets.UTF_8) + "/source")
                    .GET()))));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
