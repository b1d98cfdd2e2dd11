package dev.hotfixlog.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Posts a JSON payload to a webhook: the sender every webhook kind of channel shares. Any 2xx is delivered; anything else, or no answer within the timeout,
 * is retried later by the worker. Every request carries {@code Idempotency-Key: hotfix-log-<message id>}, the
 * same on every retry, so a receiver that answered after the timeout can drop the repeat.
 */
public final class WebhookPost {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /**
     * Made on the first send, not with the sender. A client starts a selector thread that waits in native code,
     * and the JVM's exit then waits about 0.3 s for it: every CLI command paid that, although few send.
     */
    private volatile HttpClient http;

    /** Posts {@code json} to the channel's URL; any answer but a 2xx is a failure the worker retries. */
    public void send(Channel channel, QueuedMessage m, String json) throws DeliveryFailure {
        HttpRequest request = HttpRequest.newBuilder(URI.create(channel.target()))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "hotfix-log")
                .header("Idempotency-Key", "hotfix-log-" + m.id())
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = client().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DeliveryFailure(channel.shownTarget() + " did not answer: " + reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("stopped while sending");
        }
        if (response.statusCode() / 100 != 2) {
            String body = response.body() == null ? "" : response.body().strip();
            throw new DeliveryFailure(channel.shownTarget() + " answered " + response.statusCode()
                    + (body.isEmpty() ? "" : ": " + (body.length() > 200 ? body.substring(0, 200) + "…" : body)));
        }
    }

    private HttpClient client() {
        HttpClient c = http;
        if (c == null) {
            synchronized (this) {
                c = http;
                if (c == null) {
                    c = HttpClient.newBuilder()
                            .connectTimeout(TIMEOUT)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                    http = c;
                }
            }
        }
        return c;
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : " (" + m + ")");
    }
}
