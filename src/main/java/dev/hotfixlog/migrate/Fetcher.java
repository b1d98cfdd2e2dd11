package dev.hotfixlog.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Pattern;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.time.TimeText;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * GETs one JSON page of a tool's API the way a patient client does: a rate limit (429) or a busy answer (502–504)
 * waits as long as {@code Retry-After} says (or backs off) and asks again; an answer that is not a JSON object (a
 * proxy's error page, a cut body) or that stops coming (silent for the read timeout, not whole within the answer
 * timeout) is asked for again twice before the run stops with the page's address. A page's {@code next} link must
 * stay on the origin the run was given, so a source cannot send the token elsewhere.
 */
public final class Fetcher {
    /** One answer past this is not a page of records. */
    static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    private static final int MAX_TRIES = 8;
    private static final Pattern SECONDS = Pattern.compile("\\d{1,6}");
    private static final int MALFORMED_TRIES = 3;
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(2);

    /** What the fetches cost: requests sent, rate-limit answers waited out, malformed answers asked again. */
    public record Counts(int requests, int rateLimited, int malformedRetried) {}

    /** How a wait is spent; tests and the benchmark use the real one. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final HttpClient client;
    private final URI base;
    private final Map<String, String> headers;
    private final Sleeper sleeper;
    private final MigrationLimits limits;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final AtomicInteger malformed = new AtomicInteger();

    Fetcher(String base, Map<String, String> headers, Sleeper sleeper, MigrationLimits limits) {
        this.base = URI.create(base.endsWith("/") ? base : base + "/");
        this.headers = Map.copyOf(headers);
        this.sleeper = sleeper;
        this.limits = limits;
        this.client = HttpClient.newBuilder()
                .connectTimeout(limits.readTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Counts counts() {
        return new Counts(requests.get(), rateLimited.get(), malformed.get());
    }

    /** A path below the base ({@code incidents?offset=0}) or a {@code next} link on the same origin. */
    ObjectNode get(String pathOrUrl) {
        URI uri = resolve(pathOrUrl);
        int malformedLeft = MALFORMED_TRIES;
        Duration backOff = Duration.ofSeconds(1);
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder b =
                    HttpRequest.newBuilder(uri).timeout(limits.readTimeout()).GET();
            headers.forEach(b::header);
            HttpResponse<byte[]> response;
            requests.incrementAndGet();
            try {
                response = send(b.build(), uri);
            } catch (SlowAnswer e) {
                // A source that stops sending is asked again like a malformed answer, then named.
                if (--malformedLeft == 0) {
                    throw notAPage(uri, e.getMessage());
                }
                malformed.incrementAndGet();
                pause(Duration.ofMillis(200));
                continue;
            } catch (IOException e) {
                if (attempt >= MAX_TRIES) {
                    throw ValidationException.of("from", shown(uri) + ": " + e.getMessage());
                }
                pause(backOff);
                backOff = backOff.multipliedBy(2);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while fetching " + shown(uri), e);
            }
            int status = response.statusCode();
            byte[] body = response.body();
            if (status == 429 || status == 502 || status == 503 || status == 504) {
                if (status == 429) {
                    rateLimited.incrementAndGet();
                }
                if (attempt >= MAX_TRIES) {
                    throw ValidationException.of(
                            "from", shown(uri) + " answered " + status + " " + attempt + " times; try again later");
                }
                Duration wait = retryAfter(response).orElse(backOff);
                backOff = backOff.multipliedBy(2);
                pause(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
                continue;
            }
            if (status == 401 || status == 403) {
                throw ValidationException.of(
                        "token", "the source refused it (HTTP " + status + " at " + shown(uri) + ")");
            }
            if (status != 200) {
                throw ValidationException.of("from", shown(uri) + " answered HTTP " + status + ": " + firstLine(body));
            }
            try {
                JsonNode page = Json.mapper().readTree(body);
                if (page instanceof ObjectNode o) {
                    return o;
                }
                throw new IOException("a JSON "
                        + (page == null ? "nothing" : page.getNodeType().name().toLowerCase(Locale.ROOT))
                        + ", not an object");
            } catch (IOException e) {
                if (--malformedLeft == 0) {
                    throw notAPage(uri, firstLine(e.getMessage().getBytes(StandardCharsets.UTF_8)));
                }
                malformed.incrementAndGet();
                pause(Duration.ofMillis(200));
            }
        }
    }

    private static ValidationException notAPage(URI uri, String why) {
        return ValidationException.of(
                "page", shown(uri) + " is not a page of records after " + MALFORMED_TRIES + " tries: " + why);
    }

    /** A source that fell silent, or is sending too slowly to finish. */
    private static final class SlowAnswer extends Exception {
        SlowAnswer(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * One request and its whole body, within the limits: silent for at most the read timeout (to the first line
     * and between two parts of the body), whole within the answer timeout (a byte now and then does not keep it
     * open), at most {@link #MAX_BODY_BYTES} however it is sent.
     */
    private HttpResponse<byte[]> send(HttpRequest request, URI uri)
            throws IOException, InterruptedException, SlowAnswer {
        BoundedBody body = new BoundedBody(MAX_BODY_BYTES);
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(request, info -> body);
        long silence = limits.readTimeout().toNanos();
        long whole = limits.answerTimeout().toNanos();
        while (true) {
            long now = System.nanoTime();
            long silenceLeft = body.lastPartNanos() + silence - now;
            long wholeLeft = started + whole - now;
            if (silenceLeft <= 0 || wholeLeft <= 0) {
                body.cut();
                answer.cancel(true);
                throw silenceLeft <= 0
                        ? silent()
                        : new SlowAnswer("the answer was not whole after " + TimeText.human(limits.answerTimeout())
                                + " (--answer-timeout)");
            }
            try {
                return answer.get(Math.min(silenceLeft, wholeLeft), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // look again: a part of the body may have come meanwhile
            } catch (InterruptedException e) {
                body.cut();
                answer.cancel(true);
                throw e;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof BoundedBody.TooLarge) {
                    throw ValidationException.of(
                            "page",
                            shown(uri) + " is larger than " + (MAX_BODY_BYTES >> 20) + " MiB; no page of records is");
                }
                if (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)) {
                    throw silent();
                }
                throw cause instanceof IOException io ? io : new IOException(cause);
            }
        }
    }

    private SlowAnswer silent() {
        return new SlowAnswer(
                "the source sent nothing for " + TimeText.human(limits.readTimeout()) + " (--read-timeout)");
    }

    private URI resolve(String pathOrUrl) {
        URI uri = base.resolve(pathOrUrl); // sources ask for relative paths, so a base's own path is kept
        if (!sameOrigin(uri, base)) {
            throw ValidationException.of(
                    "page",
                    "a next link points to another origin (" + shown(uri) + "); only " + shown(base)
                            + " is read with your token");
        }
        return uri;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null
                && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /** Seconds, or an HTTP date; anything else is ignored (the back-off applies). */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            String t = v.strip();
            if (SECONDS.matcher(t).matches()) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(t)));
            }
            try {
                Duration d = Duration.between(
                        Instant.now(),
                        ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toInstant());
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    private void pause(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to ask again", e);
        }
    }

    /** An address as a message may show it: without its query's values (a source may put a key there). */
    static String shown(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
                + uri.getRawPath();
    }

    private static String firstLine(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8).strip();
        int nl = s.indexOf('\n');
        s = nl >= 0 ? s.substring(0, nl) : s;
        StringBuilder out = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            out.append(c < 0x20 || c == 0x7F ? ' ' : c); // Java's \\p{Cntrl}
        }
        return out.toString();
    }
}
