package dev.hotfixlog.web;

import dev.hotfixlog.Config;
import dev.hotfixlog.security.Role;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: Jetty through Javalin, with every feature's routes registered up front and failures mapped
 * by {@link ProblemMapper}. Started and stopped by {@code App}.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("dev.hotfixlog.access");
    private static final java.util.Set<String> HTTP_METHODS = java.util.Set.of("GET", "POST", "PUT", "PATCH",
            "DELETE", "HEAD", "OPTIONS");
    /** The htmx webjar's version in the pom; a test fetches the script, so a bump that forgets this fails. */
    static final String HTMX_VERSION = "2.0.8";
    private final Javalin app;
    /** Threads that run requests (and Jetty's selectors and acceptors); a bound, so memory is bounded too. */
    static final int WORKER_THREADS_MAX = 64;
    static final int WORKER_THREADS_MIN = 8;
    /** A request body slower than this is abandoned (HTTP 408): 1 KiB/s is slower than any real client's. */
    static final long MIN_BODY_BYTES_PER_SECOND = 1_024;
    static final int MAX_ACTIVE_REQUESTS = 32;
    static final int MAX_WAITING = 1_024;
    /** Longer than a request takes even under load, shorter than a client's patience: then a 503 says "later". */
    static final java.time.Duration MAX_WAIT = java.time.Duration.ofSeconds(1);

    /** Reads each body whole, then takes a turn: the QoS handler under the eager-content handler. */
    private static final class ProtectiveHandlers extends org.eclipse.jetty.server.handler.EagerContentHandler {
        ProtectiveHandlers(long maxBodyBytes) {
            super(new org.eclipse.jetty.server.handler.EagerContentHandler.RetainedContentLoaderFactory(
                    maxBodyBytes, 4_096, false)); // larger: passed on unread, and Javalin answers 413 as a problem
            org.eclipse.jetty.server.handler.QoSHandler qos = new org.eclipse.jetty.server.handler.QoSHandler();
            qos.setMaxRequestCount(MAX_ACTIVE_REQUESTS);
            qos.setMaxSuspendedRequestCount(MAX_WAITING);
            qos.setMaxSuspend(MAX_WAIT);
            qos.setRejectStatusCode(503);
            setHandler(new RetryAfter(qos));
        }
    }

    /** A request turned away (503) is told when to come back, as HTTP says: the QoS handler does not say it. */
    private static final class RetryAfter extends org.eclipse.jetty.server.Handler.Wrapper {
        RetryAfter(org.eclipse.jetty.server.Handler next) {
            super(next);
        }

        @Override
        public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                              org.eclipse.jetty.util.Callback callback) throws Exception {
            return super.handle(request, new org.eclipse.jetty.server.Response.Wrapper(request, response) {
                @Override
                public void setStatus(int code) {
                    super.setStatus(code);
                    if (code == 503 && !getHeaders().contains("Retry-After")) {
                        getHeaders().put("Retry-After", String.valueOf(MAX_WAIT.toSeconds()));
                    }
                }
            }, callback);
        }
    }

    public WebServer(Config config, List<Consumer<RoutesConfig>> features) {
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.http.maxRequestSize = config.maxRequestBytes();
            c.jetty.host = config.bind();
            c.jetty.port = config.port();
            // Bounded work under load and against slow clients (issue "Bounded work under hostile input"):
            // - a fixed pool of worker threads, which never grows into hundreds;
            // - a request's body is read whole, without a thread, before it is handled (EagerContentHandler): a
            //   client trickling its body holds a connection, never a worker or a turn; one slower than
            //   MIN_BODY_BYTES_PER_SECOND is cut off (408);
            // - at most MAX_ACTIVE_REQUESTS are handled at once; up to MAX_WAITING more wait MAX_WAIT for a turn, and
            //   the rest are answered 503 at once (load shedding) instead of piling up.
            c.jetty.threadPool = new org.eclipse.jetty.util.thread.QueuedThreadPool(WORKER_THREADS_MAX,
                    WORKER_THREADS_MIN, (int) java.time.Duration.ofSeconds(1).toMillis()); // Jetty retires one idle thread a timeout: back to the minimum within a minute
            c.jetty.modifyHttpConfiguration(http -> http.setMinRequestDataRate(MIN_BODY_BYTES_PER_SECOND));
            c.jetty.modifyServer(server -> server.insertHandler(new ProtectiveHandlers(config.maxRequestBytes())));
            c.staticFiles.add(sf -> {
                sf.hostedPath = "/static";
                sf.directory = "/static";
                sf.location = io.javalin.http.staticfiles.Location.CLASSPATH;
                sf.roles = java.util.Set.of(Role.ANYONE); // style sheets are public; the gate denies by default
            });
            // One line per request: during an incident the log is the witness of what the tool was asked to do.
            c.requestLogger.http((ctx, millis) -> {
                if (!ctx.path().equals("/health")) {
                    LOG.info("{} {} -> {} in {} ms", ctx.method(), ctx.path(), ctx.statusCode(),
                            String.format("%.1f", millis));
                }
            });
            c.routes.before(SecurityHeaders::apply);
            ProblemMapper.register(c.routes);
            features.forEach(f -> f.accept(c.routes));
            RequestGuard.register(c.routes); // after the access gate's check: who may ask is said first
            // htmx from its webjar, under /static like every other asset (no CDN). The webjar has no directory
            // entries, so it cannot be a static-files directory: one route serves the one file it needs.
            byte[] htmx = classpathBytes("/META-INF/resources/webjars/htmx.org/" + HTMX_VERSION + "/dist/htmx.min.js");
            c.routes.get("/static/htmx/htmx.min.js", ctx -> ctx.contentType("text/javascript; charset=utf-8")
                    .header("Cache-Control", "max-age=86400").result(htmx), Role.ANYONE);
            c.routes.get("/api/v1/openapi.json", ctx -> {
                try (var in = WebServer.class.getResourceAsStream("/openapi.json")) {
                    ctx.contentType("application/json").result(in.readAllBytes());
                }
            }, Role.ANYONE);
        });
    }

    private static byte[] classpathBytes(String path) {
        try (var in = WebServer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the jar; is HTMX_VERSION the pom's?");
            }
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public WebServer start() {
        app.start();
        return this;
    }

    /** The port actually bound (useful when configured as 0). */
    public int port() {
        return app.port();
    }

    /** Every HTTP route as "METHOD /path", for checking the OpenAPI document against what is really served. */
    public List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(e -> HTTP_METHODS.contains(e.endpoint.method.name()))
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path)
                .toList();
    }

    @Override
    public void close() {
        app.stop();
    }
}
