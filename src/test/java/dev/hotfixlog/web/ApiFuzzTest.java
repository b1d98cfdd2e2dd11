package dev.hotfixlog.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RawHttp;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Every route in openapi.json, called with what a broken script or an attacker sends: ids that are not ids,
 * query values of every wrong shape, JSON bodies mutated from valid ones, bodies in other types and charsets,
 * and Markdown logs mutated line by line. No answer may be a 5xx. Bounded (a fixed number of requests a
 * database, a fixed seed so a failure repeats); {@code bench/fuzz.sh} runs the same for longer and counts.
 *
 * <p>Requests go over a raw socket, so that bytes java.net.URI refuses (a broken %-escape) reach the server too.
 * A response slower than {@link #HANG_MILLIS} fails the test as a hang; how many take over a second is counted
 * by the benchmark, not asserted here.
 */
class ApiFuzzTest {
    static final int REQUESTS = Integer.getInteger("fuzz.requests", 1_500);
    static final long SEED = Long.getLong("fuzz.seed", 20261203L);
    private static final long HANG_MILLIS = 10_000;
    private static final List<String> ODD = List.of(
            "",
            " ",
            "0",
            "-1",
            "99999999999999999999",
            "1e309",
            "NaN",
            "true",
            "yes",
            "null",
            "[]",
            "{}",
            "HOTFIX-001",
            "HOTFIX-0",
            "HOTFIX-99999999999",
            "LESSON-001",
            "é",
            "日本",
            "🚨",
            "%00",
            "%u0041",
            "%zz",
            "%",
            "%C3%28",
            "..%2F..%2Fetc%2Fpasswd",
            "<script>",
            "' OR 1=1 --",
            "\\",
            "+999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z",
            "2026-13-45",
            "P99999999999D",
            "a".repeat(5_000),
            "-".repeat(5_000),
            "*",
            "%2A",
            "critical",
            "hotfix",
            "lesson",
            "alert",
            "stakeholder");
    private static final List<String> TYPES = List.of(
            "application/json",
            "application/json; charset=utf-8",
            "application/merge-patch+json",
            "text/plain",
            "text/markdown",
            "application/xml",
            "application/json; charset=foo",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "");

    /** One operation of the API: method, path template and the names of its query parameters. */
    record Operation(String method, String path, List<String> query) {}

    static List<Operation> operations() throws IOException {
        JsonNode spec = Json.mapper().readTree(Files.readString(Path.of("src/main/resources/openapi.json")));
        List<Operation> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                JsonNode op = p.getValue().get(method);
                if (op == null) {
                    continue;
                }
                List<String> query = new ArrayList<>();
                op.path("parameters").forEach(x -> {
                    if ("query".equals(x.path("in").asText())) {
                        query.add(x.path("name").asText());
                    }
                });
                out.add(new Operation(method.toUpperCase(Locale.ROOT), p.getKey(), query));
            }
        }
        return out;
    }

    @BothDatabases
    void everyRoute_answersGarbage_withoutA5xx(TestDb db) throws Exception {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            seed(s);
            Result r = run(s, operations(), new Random(SEED), REQUESTS);
            System.out.printf(
                    "api fuzz on %s: %d requests, %d 5xx, %d over 1 s, slowest %d ms, statuses %s%n",
                    db, r.requests, r.serverErrors.size(), r.overOneSecond, r.slowestMillis, r.statuses);
            assertThat(r.serverErrors).as("5xx answers").isEmpty();
            assertThat(r.slowestMillis).as("no request hangs").isLessThan(HANG_MILLIS);
            assertThat(s.anonymous().get("/health").status()).isEqualTo(200);
        }
    }

    /** What a run saw. */
    static final class Result {
        int requests;
        int overOneSecond;
        long slowestMillis;
        final List<String> serverErrors = new ArrayList<>();
        final Map<Integer, Integer> statuses = new TreeMap<>();
    }

    /** A record, a lesson and a signal to aim at, so that valid ids reach the code behind them. */
    static void seed(RunningServer s) {
        s.http().post("/api/v1/hotfixes", "{\"title\":\"Checkout 502\",\"severity\":\"critical\",\"problem\":\"x\"}");
        s.http().post("/api/v1/hotfixes/HOTFIX-001/events", "{\"type\":\"deployed\"}");
        s.http().post("/api/v1/hotfixes/HOTFIX-001/events", "{\"type\":\"resolved\"}");
        s.http().post("/api/v1/hotfixes/HOTFIX-001/lesson", "{\"bucket\":\"state-model\"}");
        s.http().send("PUT", "/api/v1/signals/queue.depth", "{\"value\":1,\"threshold\":2}");
    }

    static Result run(RunningServer s, List<Operation> ops, Random rnd, int count) throws Exception {
        Result r = new Result();
        RawHttp http = RawHttp.of(s, (int) HANG_MILLIS);
        String markdown = Files.readString(Path.of("src/test/resources/example-hotfix-log.md"));
        for (int i = 0; i < count; i++) {
            Operation op = ops.get(rnd.nextInt(ops.size()));
            boolean importer = op.path().equals("/api/v1/import") && rnd.nextInt(4) > 0;
            String path = path(op, rnd, importer);
            String body = null;
            String type = null;
            if (!op.method().equals("GET") && !op.method().equals("DELETE")) {
                body = importer ? mutatedLog(markdown, rnd) : jsonBody(rnd);
                type = importer ? "text/markdown" : rnd.nextInt(5) == 0 ? pick(rnd, TYPES) : "application/json";
            }
            long start = System.nanoTime();
            int status = send(
                    http,
                    op.method(),
                    path,
                    type,
                    body,
                    op.method().equals("PATCH") ? "\"" + (1 + rnd.nextInt(3)) + "\"" : null);
            long millis = (System.nanoTime() - start) / 1_000_000;
            r.requests++;
            r.slowestMillis = Math.max(r.slowestMillis, millis);
            r.overOneSecond += millis > 1_000 ? 1 : 0;
            r.statuses.merge(status, 1, Integer::sum);
            if (status >= 500 || status < 100) {
                r.serverErrors.add(status + " " + op.method() + " " + path
                        + (body == null ? "" : " <- " + body.substring(0, Math.min(200, body.length()))));
            }
        }
        return r;
    }

    private static String path(Operation op, Random rnd, boolean importer) {
        String p = op.path();
        p = p.replace(
                "{id}",
                rnd.nextInt(3) == 0
                        ? pick(rnd, ODD).replace("/", "%2F").replace(" ", "%20")
                        : p.contains("lesson") && !p.contains("hotfixes") ? "LESSON-001" : "HOTFIX-001");
        p = p.replace(
                "{kind}", rnd.nextBoolean() ? "stakeholder" : pick(rnd, ODD).replace(" ", "%20"));
        p = p.replace(
                "{name}", rnd.nextBoolean() ? "queue.depth" : pick(rnd, ODD).replace(" ", "%20"));
        StringBuilder q = new StringBuilder();
        for (String name : op.query()) {
            if (importer && name.equals("dryRun")) {
                q.append(q.isEmpty() ? "?" : "&").append("dryRun=true"); // mutated logs are read, never stored
                continue;
            }
            if (rnd.nextInt(3) == 0) {
                q.append(q.isEmpty() ? "?" : "&").append(name).append('=').append(query(pick(rnd, ODD)));
            }
        }
        return p.replace(" ", "%20") + q;
    }

    /** A query value as a sloppy client writes it: sometimes encoded, sometimes raw. */
    private static String query(String v) {
        StringBuilder b = new StringBuilder();
        for (char c : v.toCharArray()) {
            if (c == ' ' || c == '&' || c == '#' || c == '\n' || c > 126) {
                b.append(URLEncoder.encode(String.valueOf(c), StandardCharsets.UTF_8));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static final List<String> FIELDS = List.of(
            "title",
            "severity",
            "owner",
            "problem",
            "detectedAt",
            "alertedAt",
            "systemsAffected",
            "followUps",
            "steps",
            "triage",
            "type",
            "at",
            "withoutDeploy",
            "name",
            "role",
            "expiresAt",
            "username",
            "value",
            "threshold",
            "direction",
            "description",
            "eta",
            "summary",
            "cases",
            "tags",
            "bucket",
            "published",
            "confidence",
            "duration",
            "status",
            "redactions");

    /** A JSON object of random fields and values, or something that is not JSON at all. */
    private static String jsonBody(Random rnd) {
        switch (rnd.nextInt(8)) {
            case 0:
                return pick(rnd, ODD);
            case 1:
                return "{\"a\":" + "[".repeat(2_000) + "]".repeat(2_000) + "}";
            default:
                StringBuilder b = new StringBuilder("{");
                int n = 1 + rnd.nextInt(5);
                for (int i = 0; i < n; i++) {
                    b.append(i == 0 ? "" : ",")
                            .append(Json.write(Json.mapper().valueToTree(pick(rnd, FIELDS))))
                            .append(':')
                            .append(jsonValue(rnd, 0));
                }
                return b.append('}').toString();
        }
    }

    private static String jsonValue(Random rnd, int depth) {
        switch (rnd.nextInt(depth > 2 ? 5 : 7)) {
            case 0:
                return Json.write(Json.mapper().valueToTree(pick(rnd, ODD)));
            case 1:
                return String.valueOf(rnd.nextLong());
            case 2:
                return rnd.nextBoolean() ? "true" : "null";
            case 3:
                return "1e999";
            case 4:
                return Json.write(Json.mapper().valueToTree("x\u0000y"));
            case 5:
                return "[" + jsonValue(rnd, depth + 1) + "," + jsonValue(rnd, depth + 1) + "]";
            default:
                return "{"
                        + Json.write(Json.mapper()
                                .valueToTree(pick(rnd, List.of("postmortem", "alertTeam", "done", "description", "x"))))
                        + ":" + jsonValue(rnd, depth + 1) + "}";
        }
    }

    /** The example log with lines deleted, repeated, cut or replaced by hostile ones. */
    static String mutatedLog(String log, Random rnd) {
        List<String> lines = new ArrayList<>(List.of(log.split("\n", -1)));
        int mutations = 1 + rnd.nextInt(8);
        for (int m = 0; m < mutations && !lines.isEmpty(); m++) {
            int at = rnd.nextInt(lines.size());
            switch (rnd.nextInt(7)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, lines.get(at));
                case 2 ->
                    lines.set(
                            at,
                            lines.get(at).substring(0, rnd.nextInt(lines.get(at).length() + 1)));
                case 3 -> lines.set(at, pick(rnd, ODD));
                case 4 ->
                    lines.add(
                            at,
                            pick(
                                    rnd,
                                    List.of(
                                            "```",
                                            "~~~",
                                            "### 🚨 [HOTFIX-" + rnd.nextInt(9) + "] x",
                                            "## Completed Hotfixes",
                                            "- [x] **Post-mortem scheduled**",
                                            "**Date/Time:** " + pick(rnd, ODD),
                                            "**Severity:** " + pick(rnd, ODD),
                                            "#### Record Details",
                                            "```json",
                                            "{\"status\":7}")));
                case 5 -> lines.set(at, lines.get(at).repeat(1 + rnd.nextInt(50)));
                default -> Collections.swap(lines, at, rnd.nextInt(lines.size()));
            }
        }
        return String.join("\n", lines);
    }

    private static <T> T pick(Random rnd, List<T> from) {
        return from.get(rnd.nextInt(from.size()));
    }

    /** One request; its status, or 0 when the server closed without answering. */
    static int send(RawHttp http, String method, String path, String type, String body, String ifMatch)
            throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\n")
                .append("Authorization: Bearer ")
                .append(TestDb.ADMIN_TOKEN)
                .append("\r\n");
        if (type != null && !type.isEmpty()) {
            head.append("Content-Type: ").append(type).append("\r\n");
        }
        if (ifMatch != null) {
            head.append("If-Match: ").append(ifMatch).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        return http.status(head.toString(), bytes);
    }
}
