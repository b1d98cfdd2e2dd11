package dev.hotfixlog.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.text.Split;
import dev.hotfixlog.web.ClientWatch;
import dev.hotfixlog.web.Pages;
import dev.hotfixlog.web.Requests;
import dev.hotfixlog.web.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code GET /api/v1/metrics?from=&to=&zone=}, {@code GET /api/v1/signals}, {@code PUT /api/v1/signals/{name}},
 * the dashboard page at {@code /dashboard}, and {@code /metrics} in Prometheus text: the log's gauges (open
 * hotfixes by severity, overdue follow-ups, breached warning signs) and the server's own (JVM, process).
 */
public final class MetricsRoutes {
    private final MetricsService service;
    private final Pages pages;
    private final Clock clock;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicReference<Map<String, Double>> gauges = new AtomicReference<>(Map.of());
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public MetricsRoutes(MetricsService service, Pages pages, Clock clock) {
        this.service = service;
        this.pages = pages;
        this.clock = clock;
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        for (String severity : List.of("critical", "high", "medium")) {
            Gauge.builder("hotfix.open", gauges, g -> g.get().getOrDefault("open." + severity, 0.0))
                    .description("Hotfixes not yet completed")
                    .tag("severity", severity)
                    .register(registry);
        }
        Gauge.builder("hotfix.followups.overdue", gauges, g -> g.get().getOrDefault("overdue", 0.0))
                .description("Open follow-ups past their due time")
                .register(registry);
        Gauge.builder("hotfix.warning.signs.breached", gauges, g -> g.get().getOrDefault("breached", 0.0))
                .description("Warning signs past their threshold")
                .register(registry);
    }

    public void register(RoutesConfig r) {
        r.get("/api/v1/metrics", this::metrics, Role.VIEWER);
        r.get(
                "/api/v1/signals",
                ctx -> {
                    ObjectNode o = Json.object();
                    o.set("items", MetricsJson.writeSigns(service.signs()));
                    ctx.contentType("application/json").result(Json.write(o));
                },
                Role.VIEWER);
        r.put("/api/v1/signals/{name}", this::putSignal, Role.RESPONDER);
        r.get("/dashboard", this::dashboard, Role.VIEWER);
        r.get("/metrics", this::prometheus, Role.VIEWER);
    }

    private void metrics(Context ctx) {
        Metrics m = service.compute(
                MetricsQuery.parse(
                        ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParam("zone"), clock.instant()),
                ClientWatch.of(ctx));
        ctx.contentType("application/json").result(Json.write(MetricsJson.write(m, service.signs())));
    }

    private void putSignal(Context ctx) {
        ObjectNode body = Json.parseObject(Requests.body(ctx));
        List<FieldError> errors = new ArrayList<>();
        double value = number(body, "value", errors);
        double threshold = number(body, "threshold", errors);
        JsonNode direction = body.path("direction");
        JsonNode description = body.path("description");
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        SignReading s = service.putSignal(
                ctx.pathParam("name"),
                description.isTextual() ? description.asText() : null,
                value,
                threshold,
                direction.isTextual() ? direction.asText() : "above",
                Requests.actor(ctx));
        ctx.contentType("application/json")
                .result(Json.write(MetricsJson.writeSigns(List.of(s)).get(0)));
    }

    private static double number(ObjectNode body, String field, List<FieldError> errors) {
        JsonNode n = body.get(field);
        if (n == null || !n.isNumber()) {
            errors.add(new FieldError(field, "is required: a number"));
            return 0;
        }
        return n.asDouble();
    }

    private void dashboard(Context ctx) {
        MetricsQuery q = MetricsQuery.parse(
                ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParam("zone"), clock.instant());
        Metrics m = service.computeMonthly(q, ClientWatch.of(ctx));
        Map<String, Object> p = Requests.pageModel(ctx);
        p.put("m", m);
        p.put("signs", service.signs());
        p.put("kpis", DashboardTiles.of(m));
        p.put("charts", DashboardCharts.of(m));
        p.put("fromText", ctx.queryParamAsClass("from", String.class).getOrDefault(""));
        p.put("toText", ctx.queryParamAsClass("to", String.class).getOrDefault(""));
        pages.render(ctx, 200, "dashboard.jte", p);
    }

    private void prometheus(Context ctx) {
        if (service instanceof LocalMetricsService local) {
            Map<String, Double> now = local.gauges();
            gauges.set(now);
            // The delivery figures are tagged by system or outcome ("name|tag=value"); a new tag is a new gauge.
            for (String key : now.keySet()) {
                int bar = key.indexOf('|');
                if (bar > 0 && registered.add(key)) {
                    String[] tag = Split.on(key.substring(bar + 1), "=", 2);
                    Gauge.builder(key.substring(0, bar), gauges, g -> g.get().getOrDefault(key, Double.NaN))
                            .description("Delivery figures over the last 30 days (" + tag[0] + " \"*\" is the team)")
                            .tag(tag[0], tag[1])
                            .register(registry);
                } else if (bar < 0 && key.startsWith("hotfix.") && registered.add(key)) {
                    Gauge.builder(key, gauges, g -> g.get().getOrDefault(key, Double.NaN))
                            .description("Incoming alerts that fired again after their hotfix, last 30 days")
                            .register(registry);
                }
            }
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }

    /** The registry's background resources (the GC listener). */
    public void close() {
        gc.close();
        registry.close();
    }
}
