package dev.hotfixlog.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hotfixlog.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A tool's API on localhost, serving its pages in the tool's documented shape (PagerDuty's REST API v2, Opsgenie's
 * Alert API v2, Grafana OnCall's public API v1), with its auth header checked, its paging, and faults on demand:
 * a 429 with {@code Retry-After}, a malformed answer (a proxy's HTML error page with a 200), a page that stays
 * broken. Records are held as the tool would list them, with their sub-lists (log entries, notes, logs,
 * resolution notes) kept beside them.
 */
public final class SourceServer implements AutoCloseable {
    /** The tools served. */
    public enum Kind {
        PAGERDUTY,
        OPSGENIE,
        OPSGENIE_INCIDENTS,
        ONCALL
    }

    /** A fault: the next {@code times} requests matching {@code when} answer this way. */
    private record Fault(Predicate<String> when, AtomicInteger times, String kind) {}

    private final Kind kind;
    private final String auth;
    private final HttpServer server;
    private final List<ObjectNode> records = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, ArrayNode>> subLists = new ConcurrentHashMap<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    /** What only a record's own address answers (Opsgenie's description, details, entity), by its id. */
    private final Map<String, ObjectNode> details = new ConcurrentHashMap<>();
    /** Opsgenie's teams and OnCall's users: id → name. */
    private final Map<String, String> names = new ConcurrentHashMap<>();
    /** PagerDuty's list answers "more": true for ever, each page 100 incidents never seen before. */
    volatile boolean endless;
    /** PagerDuty's list answers its first page whatever the offset, with "more": true. */
    volatile boolean samePage;
    /** OnCall's pages all point to page 2 as their next. */
    volatile boolean repeatNext;
    /** This PagerDuty incident's log entries answer "more": true for ever. */
    volatile String endlessLogOf;

    private final AtomicInteger generated = new AtomicInteger();
    final AtomicInteger listPages = new AtomicInteger();
    /** Served list pages before the server holds every later answer (0: never); for killing a run midway. */
    volatile int holdAfterListPages;

    final CountDownLatch held = new CountDownLatch(1);

    public SourceServer(Kind kind, String auth) {
        this.kind = kind;
        this.auth = auth;
        try {
            // The JDK's server writes headers and body apart; without TCP_NODELAY the client's delayed ACK holds
            // every answer about 40 ms. A real API does not do that.
            System.setProperty("sun.net.httpserver.nodelay", "true");
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "source-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + (kind == Kind.ONCALL ? "/oncall" : "");
    }

    void add(ObjectNode record, Map<String, ArrayNode> subs) {
        records.add(record);
        subLists.put(record.get("id").asText(), new LinkedHashMap<>(subs));
    }

    ObjectNode record(String id) {
        return records.stream()
                .filter(r -> r.get("id").asText().equals(id))
                .findFirst()
                .orElseThrow();
    }

    void detail(String id, ObjectNode fields) {
        details.put(id, fields);
    }

    void name(String id, String name) {
        names.put(id, name);
    }

    /** The next {@code times} answers matching {@code when} send their headers, then a byte every 2 s. */
    void trickle(Predicate<String> when, int times) {
        faults.add(new Fault(when, new AtomicInteger(times), "trickle"));
    }

    void rateLimitOnce(Predicate<String> when) {
        faults.add(new Fault(when, new AtomicInteger(1), "429"));
    }

    void malformedOnce(Predicate<String> when) {
        faults.add(new Fault(when, new AtomicInteger(1), "html"));
    }

    void brokenFromNowOn(Predicate<String> when) {
        faults.add(new Fault(when, new AtomicInteger(Integer.MAX_VALUE), "html"));
    }

    void clearFaults() {
        faults.clear();
    }

    List<String> requests() {
        return requests;
    }

    private void handle(HttpExchange ex) throws IOException {
        String target = ex.getRequestURI().getRawPath()
                + (ex.getRequestURI().getRawQuery() == null
                        ? ""
                        : "?" + ex.getRequestURI().getRawQuery());
        requests.add(target);
        try (ex) {
            if (!auth.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                send(ex, 401, "{\"error\":\"unauthorized\"}");
                return;
            }
            for (Fault f : faults) {
                if (f.when().test(target) && f.times().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    if (f.kind().equals("trickle")) {
                        trickle(ex);
                    } else if (f.kind().equals("429")) {
                        ex.getResponseHeaders().add("Retry-After", "1");
                        send(ex, 429, "{\"error\":\"rate limited\"}");
                    } else {
                        ex.getResponseHeaders().add("Content-Type", "text/html");
                        byte[] b =
                                "<html><body><h1>502 Bad Gateway</h1></body></html>".getBytes(StandardCharsets.UTF_8);
                        ex.sendResponseHeaders(200, b.length);
                        ex.getResponseBody().write(b);
                    }
                    return;
                }
            }
            ObjectNode body = switch (kind) {
                case PAGERDUTY -> pagerDuty(ex.getRequestURI().getRawPath(), query(ex));
                case OPSGENIE, OPSGENIE_INCIDENTS -> opsgenie(ex.getRequestURI().getRawPath(), query(ex));
                case ONCALL -> onCall(ex.getRequestURI().getRawPath(), query(ex));
            };
            if (body == null) {
                send(ex, 404, "{\"error\":\"not found\"}");
                return;
            }
            if (body.has("__status")) {
                send(ex, body.get("__status").asInt(), body.path("__body").asText());
                return;
            }
            send(ex, 200, Json.write(body));
        }
    }

    /** Headers, then one space every 2 s, for up to two minutes or until the client hangs up. */
    private static void trickle(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, 0);
        try {
            for (int i = 0; i < 60; i++) {
                ex.getResponseBody().write(' ');
                ex.getResponseBody().flush();
                Thread.sleep(2_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client cut the answer: what a trickle should meet
        }
    }

    private void listed() {
        int n = listPages.incrementAndGet();
        if (holdAfterListPages > 0 && n > holdAfterListPages) {
            held.countDown();
            try {
                Thread.sleep(Duration.ofMinutes(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---- PagerDuty: /incidents?since&until&offset&limit, /incidents/{id}/log_entries, /incidents/{id}/notes ----

    private ObjectNode pagerDuty(String path, Map<String, String> q) {
        if (path.equals("/incidents")) {
            Instant now = Instant.now();
            Instant since = q.containsKey("since") ? Instant.parse(q.get("since")) : now.minus(Duration.ofDays(30));
            Instant until = q.containsKey("until") ? Instant.parse(q.get("until")) : now;
            if (Duration.between(since, until).compareTo(Duration.ofDays(183)) > 0) {
                return error(
                        400,
                        "{\"error\":{\"message\":\"Invalid Input Provided\",\"errors\":[\"Date range "
                                + "cannot exceed 6 months\"]}}");
            }
            int offset = Integer.parseInt(q.getOrDefault("offset", "0"));
            int limit = Math.min(100, Integer.parseInt(q.getOrDefault("limit", "25")));
            if (offset + limit > 10_000) {
                return error(400, "{\"error\":{\"message\":\"Offset must be less than 10000\"}}");
            }
            listed();
            List<ObjectNode> in = sorted("created_at").stream()
                    .filter(r -> {
                        Instant c = created(r, "created_at");
                        return c != null && !c.isBefore(since) && c.isBefore(until);
                    })
                    .toList();
            ObjectNode page = Json.object();
            page.set("incidents", endless ? fresh(since, limit) : slice(in, samePage ? 0 : offset, limit));
            page.put("limit", limit)
                    .put("offset", offset)
                    .put("more", endless || samePage || offset + limit < in.size())
                    .putNull("total");
            return page;
        }
        String[] p = path.split("/");
        if (p.length == 4 && p[1].equals("incidents") && subLists.containsKey(p[2])) {
            ArrayNode all = subLists.get(p[2]).getOrDefault(p[3], Json.mapper().createArrayNode());
            ObjectNode page = Json.object();
            if (p[3].equals("log_entries")) {
                int offset = Integer.parseInt(q.getOrDefault("offset", "0"));
                int limit = Integer.parseInt(q.getOrDefault("limit", "25"));
                page.set("log_entries", slice(list(all), offset, limit));
                page.put("offset", offset)
                        .put("limit", limit)
                        .put("more", offset + limit < all.size() || p[2].equals(endlessLogOf));
            } else if (p[3].equals("notes")) {
                page.set("notes", all);
            } else {
                return null;
            }
            return page;
        }
        return null;
    }

    /** Incidents never listed before, for a list that never ends. */
    private ArrayNode fresh(Instant since, int n) {
        ArrayNode out = Json.mapper().createArrayNode();
        for (int i = 0; i < n; i++) {
            int k = generated.incrementAndGet();
            ObjectNode inc = Json.object()
                    .put("id", "E" + k)
                    .put("title", "Endless incident " + k)
                    .put("status", "triggered")
                    .put("created_at", since.plusSeconds(k).toString());
            subLists.put("E" + k, Map.of());
            out.add(inc);
        }
        return out;
    }

    // ---- Opsgenie: /v2/alerts?offset&limit&sort&order&query, /v2/alerts/{id}/notes, /v2/alerts/{id}/logs ----

    private ObjectNode opsgenie(String path, Map<String, String> q) {
        String list = kind == Kind.OPSGENIE ? "/v2/alerts" : "/v1/incidents";
        if (path.equals(list)) {
            int offset = Integer.parseInt(q.getOrDefault("offset", "0"));
            int limit = Math.min(100, Integer.parseInt(q.getOrDefault("limit", "20")));
            if (offset + limit > 20_000) {
                return error(422, "{\"message\":\"offset + limit must be at most 20000\"}");
            }
            listed();
            long after = Long.MIN_VALUE;
            long before = Long.MAX_VALUE;
            for (String term : q.getOrDefault("query", "").split(" AND ")) {
                if (term.startsWith("createdAt>=")) {
                    after = Long.parseLong(term.substring(11));
                } else if (term.startsWith("createdAt<")) {
                    before = Long.parseLong(term.substring(10));
                }
            }
            long a = after;
            long b = before;
            List<ObjectNode> in = sorted("createdAt").stream()
                    .filter(r -> {
                        Instant c = created(r, "createdAt");
                        return c == null || c.toEpochMilli() >= a && c.toEpochMilli() < b;
                    })
                    .toList();
            ObjectNode page = Json.object();
            page.set("data", slice(in, offset, limit));
            ObjectNode paging = page.putObject("paging");
            if (offset + limit < in.size()) {
                paging.put(
                        "next",
                        url() + list + "?limit=" + limit + "&offset=" + (offset + limit) + "&sort=createdAt&order=asc");
            }
            page.put("took", 0.01).put("requestId", "r-" + offset);
            return page;
        }
        String[] p = path.split("/");
        if (p.length == 4 && ("/" + p[1] + "/" + p[2]).equals(list) && subLists.containsKey(p[3])) {
            ObjectNode data = record(p[3]).deepCopy();
            data.setAll(details.getOrDefault(p[3], Json.object()));
            ObjectNode page = Json.object();
            page.set("data", data);
            return page.put("took", 0.01).put("requestId", "r-" + p[3]);
        }
        if (p.length == 4 && p[1].equals("v2") && p[2].equals("teams")) {
            String name = names.get(p[3]);
            return name == null
                    ? error(404, "{\"message\":\"No team exists with id [" + p[3] + "]\"}")
                    : Json.object()
                            .<ObjectNode>set(
                                    "data",
                                    Json.object()
                                            .put("id", p[3])
                                            .put("name", name)
                                            .put("description", ""))
                            .put("took", 0.01);
        }
        if (p.length == 5
                && ("/" + p[1] + "/" + p[2]).equals(list)
                && subLists.containsKey(p[3])
                && (p[4].equals("notes") || p[4].equals("logs"))) {
            ObjectNode page = Json.object();
            page.set("data", subLists.get(p[3]).getOrDefault(p[4], Json.mapper().createArrayNode()));
            page.putObject("paging");
            return page;
        }
        return null;
    }

    // ---- Grafana OnCall: /oncall/api/v1/alert_groups/?page=N, /oncall/api/v1/resolution_notes/?alert_group_id= ----

    private ObjectNode onCall(String path, Map<String, String> q) {
        int size = 50;
        if (path.equals("/oncall/api/v1/alert_groups/")) {
            listed();
            int pageNo = Integer.parseInt(q.getOrDefault("page", "1"));
            List<ObjectNode> newest = new ArrayList<>(sorted("created_at"));
            Collections.reverse(newest);
            ObjectNode page = Json.object();
            page.put("count", newest.size());
            boolean more = pageNo * size < newest.size();
            if (more) {
                page.put("next", url() + "/api/v1/alert_groups/?page=" + (repeatNext ? 2 : pageNo + 1));
            } else {
                page.putNull("next");
            }
            page.putNull("previous");
            page.set("results", slice(newest, (pageNo - 1) * size, size));
            page.put("page_size", size)
                    .put("current_page_number", pageNo)
                    .put("total_pages", (newest.size() + size - 1) / size);
            return page;
        }
        if (path.startsWith("/oncall/api/v1/users/") && path.endsWith("/")) {
            String id = path.substring("/oncall/api/v1/users/".length(), path.length() - 1);
            String name = names.get(id);
            return name == null
                    ? null
                    : Json.object()
                            .put("id", id)
                            .put("email", name + "@example.com")
                            .put("username", name)
                            .put("role", "user")
                            .put("timezone", "UTC");
        }
        if (path.equals("/oncall/api/v1/resolution_notes/")) {
            String id = q.get("alert_group_id");
            ArrayNode notes = id == null || !subLists.containsKey(id)
                    ? Json.mapper().createArrayNode()
                    : subLists.get(id)
                            .getOrDefault("resolution_notes", Json.mapper().createArrayNode());
            ObjectNode page = Json.object();
            page.put("count", notes.size()).putNull("next").putNull("previous");
            page.set("results", notes);
            return page;
        }
        return null;
    }

    private List<ObjectNode> sorted(String field) {
        List<ObjectNode> all = new ArrayList<>(records);
        all.sort(Comparator.comparing((ObjectNode r) -> {
                    Instant c = created(r, field);
                    return c == null ? Instant.EPOCH : c;
                })
                .thenComparing(r -> r.get("id").asText()));
        return all;
    }

    private static Instant created(JsonNode r, String field) {
        return r.hasNonNull(field) ? Instant.parse(r.get(field).asText()) : null;
    }

    private static List<JsonNode> list(ArrayNode a) {
        List<JsonNode> out = new ArrayList<>();
        a.forEach(out::add);
        return out;
    }

    private static ArrayNode slice(List<? extends JsonNode> in, int offset, int limit) {
        ArrayNode out = Json.mapper().createArrayNode();
        for (int i = offset; i < Math.min(in.size(), offset + limit); i++) {
            out.add(in.get(i));
        }
        return out;
    }

    private static ObjectNode error(int status, String body) {
        return Json.object().put("__status", status).put("__body", body);
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw == null) {
            return out;
        }
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        if (!ex.getResponseHeaders().containsKey("Content-Type")) {
            ex.getResponseHeaders().add("Content-Type", "application/json");
        }
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
