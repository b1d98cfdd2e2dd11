package dev.hotfixlog.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.Config;
import dev.hotfixlog.json.Json;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: Jetty through Javalin, with every feature's routes registered up front and failures mapped
 * by {@link ProblemMapper}. Started and stopped by {@code App}.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("dev.hotfixlog.access");
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    /** The htmx webjar's version in the pom; a test fetches the script, so a bump that forgets this fails. */
    static final String HTMX_VERSION = "2.0.8";
    /** Room for a multipart form's boundaries, headers and note beside its file. */
    static final long UPLOAD_OVERHEAD = 64 * 1024;

    private final Javalin app;

    /**
     * @param features each feature's routes, the access gate first
     * @param openApi  fills in what the features describe of the OpenAPI document (the record's fields)
     * @param mask     the secret redactor's masking, for every text an error answer shows
     */
    public WebServer(
            Config config,
            List<Consumer<RoutesConfig>> features,
            UnaryOperator<ObjectNode> openApi,
            UnaryOperator<String> mask) {
        ProblemMapper problems = new ProblemMapper(mask);
        byte[] openApiDocument = Json.write(openApi.apply(
                        Json.parseObject(new String(classpathBytes("/openapi.json"), StandardCharsets.UTF_8))))
                .getBytes(StandardCharsets.UTF_8);
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            // Bodies are read whole up to the larger of the request limit and an attachment (plus its form's other
            // parts); RequestGuard holds every route but an upload to the request limit.
            long largestBody = Math.max(config.maxRequestBytes(), config.attachMaxFile() + UPLOAD_OVERHEAD);
            c.http.maxRequestSize = largestBody;
            c.jetty.multipartConfig.maxFileSize(config.attachMaxFile() + UPLOAD_OVERHEAD, SizeUnit.BYTES);
            c.jetty.multipartConfig.maxTotalRequestSize(largestBody, SizeUnit.BYTES);
            c.jetty.multipartConfig.maxInMemoryFileSize((int) Math.min(Integer.MAX_VALUE, largestBody), SizeUnit.BYTES);
            // Bounded work under load and against slow clients: see ServerLimits.
            c.jetty.addConnector((server, http) -> ServerLimits.connector(server, http, config.bind(), config.port()));
            c.jetty.threadPool = ServerLimits.workers();
            Admission admission = new Admission();
            long uploadBytes = config.attachMaxFile() + UPLOAD_OVERHEAD;
            BodyLimits.RouteLimit limits =
                    (method, path) -> RequestGuard.isUpload(method, path) ? uploadBytes : config.maxRequestBytes();
            c.jetty.modifyServer(server ->
                    server.insertHandler(ServerLimits.protectiveHandlers(largestBody, limits, admission, problems)));
            c.staticFiles.add(sf -> {
                sf.hostedPath = "/static";
                sf.directory = "/static";
                sf.location = Location.CLASSPATH;
                sf.roles = Set.of(Role.ANYONE); // style sheets are public; the gate denies by default
            });
            // One line per request: during an incident the log is the witness of what the tool was asked to do.
            c.requestLogger.http((ctx, millis) -> {
                if (!ctx.path().equals("/health")) {
                    LOG.info(
                            "{} {} -> {} in {} ms",
                            ctx.method(),
                            ctx.path(),
                            ctx.statusCode(),
                            String.format("%.1f", millis));
                }
            });
            c.routes.before(SecurityHeaders::apply);
            problems.register(c.routes);
            features.forEach(f -> f.accept(c.routes));
            c.routes.after(admission::accepted); // a credential the access gate let through is a known caller's
            RequestGuard.register(
                    c.routes,
                    config.maxRequestBytes(),
                    config.attachMaxFile()
                            + UPLOAD_OVERHEAD); // after the access gate's check: who may ask is said first
            // htmx from its webjar, under /static like every other asset (no CDN). The webjar has no directory
            // entries, so it cannot be a static-files directory: one route serves the one file it needs.
            byte[] htmx = classpathBytes("/META-INF/resources/webjars/htmx.org/" + HTMX_VERSION + "/dist/htmx.min.js");
            c.routes.get(
                    "/static/htmx/htmx.min.js",
                    ctx -> ctx.contentType("text/javascript; charset=utf-8")
                            .header("Cache-Control", "max-age=86400")
                            .result(htmx),
                    Role.ANYONE);
            c.routes.get(
                    "/api/v1/openapi.json",
                    ctx -> ctx.contentType("application/json").result(openApiDocument),
                    Role.ANYONE);
        });
    }

    private static byte[] classpathBytes(String path) {
        try (var in = WebServer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the jar; is HTMX_VERSION the pom's?");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
