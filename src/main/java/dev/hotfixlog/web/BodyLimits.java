package dev.hotfixlog.web;

import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request body's limits, applied as its bytes arrive, before anything waits for them:
 * <ul>
 *   <li>its size: a {@code Content-Length} over what its route reads is answered 413 at once and the connection
 *       closed, instead of waiting for gigabytes (or for a client that announced them and sends nothing);</li>
 *   <li>its rate: past a grace period a body must have arrived at the minimum rate on average, else it is cut off
 *       with 408 and the connection closed. Jetty 12 keeps {@code setMinRequestDataRate} but never applies it.</li>
 * </ul>
 * Each refusal is one log line (no stack trace; a cut-off body's is ProblemMapper's): they are the client's doing,
 * and a hostile one sends thousands.
 * A body that stops altogether is ended by the connector's idle timeout, as before.
 */
final class BodyLimits extends Handler.Wrapper {
    private static final Logger LOG = LoggerFactory.getLogger("dev.hotfixlog.access");
    /** Set on a request whose body was cut off for its rate: why, for {@link #answerCutOff}. */
    private static final String CUT_OFF = "hotfix.body-cut-off";
    /**
     * A body over its route's limit but at most this big is read and thrown away after the 413 is sent, before the
     * connection is closed. A client
     * still writing when the server closes gets a reset that can destroy the answer before it is read (Java's
     * HttpClient then reports "header parser received no bytes" instead of the 413); reading a few megabytes is
     * cheaper than a user who never learns why the upload failed. Bigger bodies, and a client that waits for
     * {@code 100-continue}, are answered at once. The rate rule still applies to what is drained.
     */
    static final long DRAIN_BYTES = 16L << 20;

    private final RouteLimit limits;
    private final ProblemMapper problems;
    private final long minBytesPerSecond;
    private final long graceNanos;

    /** The largest body a route reads, by the request's method and path. */
    @FunctionalInterface
    interface RouteLimit {
        long maxBytes(String method, String path);
    }

    BodyLimits(Handler next, RouteLimit limits, long minBytesPerSecond, Duration grace, ProblemMapper problems) {
        super(next);
        this.problems = problems;
        this.limits = limits;
        this.minBytesPerSecond = minBytesPerSecond;
        this.graceNanos = grace.toNanos();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long length = request.getLength();
        if (length == 0) {
            return super.handle(request, response, callback);
        }
        String path = request.getHttpURI().getPath();
        long max = limits.maxBytes(request.getMethod(), path);
        if (length > max) {
            LOG.info(
                    "{} {} -> 413: announced a body of {} bytes; the route reads at most {}",
                    request.getMethod(),
                    path,
                    length,
                    max);
            String detail = "body: is " + length + " bytes; this route reads at most " + max
                    + " (HOTFIX_MAX_REQUEST_BYTES, or HOTFIX_ATTACH_MAX_FILE for an upload)";
            if (length <= DRAIN_BYTES && !request.getHeaders().contains(HttpHeader.EXPECT)) {
                // The answer goes out at once; the body is then read and thrown away before the connection ends.
                Request rated = new Rated(request);
                problems.refuseBeforeTheEnd(
                        response,
                        Callback.from(
                                () -> drain(rated, () -> response.write(true, BufferUtil.EMPTY_BUFFER, callback)),
                                callback::failed),
                        413,
                        "too-large",
                        "Content Too Large",
                        detail,
                        path);
            } else {
                problems.refuse(response, callback, 413, "too-large", "Content Too Large", detail, path, List.of());
            }
            return true;
        }
        return super.handle(new Rated(request), response, callback);
    }

    /**
     * Goes between the eager body reader and the turns: a request whose body was cut off is answered 408 here,
     * without a turn. Hundreds of trickling bodies are cut off at the same moment, and as requests taking turns
     * they pushed the real ones past their wait (503).
     */
    static Handler answerCutOff(Handler next, ProblemMapper problems) {
        return new Handler.Wrapper(next) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                Object why = request.getAttribute(CUT_OFF);
                if (why == null) {
                    return super.handle(request, response, callback);
                }
                String path = request.getHttpURI().getPath();
                LOG.info("{} {} -> 408: the body arrived too slowly ({})", request.getMethod(), path, why);
                problems.refuse(
                        response,
                        callback,
                        408,
                        "request-timeout",
                        "Request Timeout",
                        "the body arrived " + "too slowly: " + why,
                        path,
                        List.of());
                return true;
            }
        };
    }

    /** Reads the body to its end (or its failure) without keeping it, then answers; never blocks a thread. */
    private static void drain(Request request, Runnable then) {
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(() -> drain(request, then));
                return;
            }
            chunk.release();
            if (Content.Chunk.isFailure(chunk) || chunk.isLast()) {
                then.run();
                return;
            }
        }
    }

    /** The request, its reads timed: a body behind the minimum rate reads as a 408 failure. */
    private final class Rated extends Request.Wrapper {
        private final long start = System.nanoTime();
        private long received;
        private Content.Chunk cut;

        Rated(Request request) {
            super(request);
        }

        @Override
        public Content.Chunk read() {
            if (cut != null) {
                return cut;
            }
            Content.Chunk chunk = super.read();
            if (chunk == null || Content.Chunk.isFailure(chunk)) {
                return chunk;
            }
            received += chunk.remaining();
            if (chunk.isLast()) {
                return chunk;
            }
            long elapsed = System.nanoTime() - start;
            if (elapsed > graceNanos && received < minBytesPerSecond * (elapsed - graceNanos) / 1_000_000_000L) {
                chunk.release();
                String why = received + " bytes in " + elapsed / 1_000_000 + " ms, slower than " + minBytesPerSecond
                        + " bytes/s";
                setAttribute(CUT_OFF, why);
                cut = Content.Chunk.from(new BadMessageException(408, why), true);
                return cut;
            }
            return chunk;
        }
    }
}
