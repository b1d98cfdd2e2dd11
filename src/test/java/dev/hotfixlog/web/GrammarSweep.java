package dev.hotfixlog.web;

import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RawHttp;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole header and parameter grammar, sent to every route of a running server (bench/fuzz.sh): every
 * operation of openapi.json and every page route that reads a form, with Content-Type parameters quoted, unquoted,
 * unbalanced, repeated, empty and unknown; Accept variants; multipart bodies empty, broken, with the wrong
 * boundary and huge; every query parameter bare, empty, repeated, in the wrong case and in snake_case; every time
 * field at its extremes. Counts answers by status (0: the server closed before the request was sent whole, as
 * Jetty does after a 414) and prints each request that got a 5xx; exits 1 if any did.
 *
 * <p>Usage: {@code java … dev.hotfixlog.web.GrammarSweep} (SQLite in a temporary folder).
 */
public final class GrammarSweep {
    private static final List<String> CONTENT_TYPES = List.of(
            "application/json",
            "application/json; charset=utf-8",
            "application/json; charset=\"utf-8\"",
            "application/json; charset=\"utf-8",
            "application/json; charset=utf-8\"",
            "application/json; charset=UTF-8; charset=latin1",
            "application/json; charset=",
            "application/json;",
            "application/json; =",
            "application/json; foo",
            "application/json; foo=\"bar",
            "application/json; charset=\"\"",
            "application/json; charset=\"",
            "Application/JSON; Charset=UTF-8",
            "application/json;charset=utf-16",
            "application/merge-patch+json",
            "text/plain",
            "text/markdown; charset=utf-8",
            "text/markdown; charset=\"utf-8",
            "application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded; charset=\"utf-8",
            "multipart/form-data",
            "multipart/form-data; boundary=",
            "multipart/form-data; boundary=\"b",
            "multipart/form-data; boundary=b; boundary=c",
            "",
            ";",
            "*/*",
            "application/unknown; x=y",
            "\"\"",
            "application/json, text/plain");
    private static final List<String> ACCEPTS = List.of(
            "text/html",
            "application/json",
            "*/*",
            "application/json;q=abc",
            "text/html;q=0",
            "application/problem+json",
            "",
            "garbage",
            "text/html, application/json;q=0.9",
            "text/*;q=0.5, */*;q=",
            "application/json; charset=\"utf-8");
    private static final List<String> TIMES = List.of(
            "+999999999-01-01T00:00:00Z",
            "-999999999-01-01T00:00:00Z",
            "+10000-01-01T00:00:00Z",
            "-10000-01-01T00:00:00Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z",
            "+292278994-08-17T07:12:55.808Z",
            "2026-12-31T23:59:60Z",
            "2026-10-04T02:17:00+18:00",
            "2026-10-04T02:17:00-00:00",
            "99999999999 min ago",
            "10 min ago",
            "now",
            "2026-13-45",
            "P99999999999D",
            "");
    private static final List<String> TIME_FIELDS = List.of(
            "detectedAt",
            "alertedAt",
            "fixDeployedAt",
            "resolvedAt",
            "alertsClearedAt",
            "at",
            "expiresAt",
            "reviewBy",
            "startsAt",
            "endsAt",
            "since",
            "until",
            "eta",
            "due");
    private static final List<String> VALUES = List.of(
            "true",
            "false",
            "TRUE",
            "1",
            "0",
            "yes",
            "-1",
            "99999999999999999999",
            "%zz",
            "a%00b",
            "x".repeat(100_000));

    private final RawHttp http;
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<String> serverErrors = new ArrayList<>();
    private int requests;

    private GrammarSweep(RawHttp http) {
        this.http = http;
    }

    public static void main(String[] args) throws Exception {
        try (TestDb db = TestDb.sqlite();
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            ApiFuzzTest.seed(s);
            GrammarSweep sweep = new GrammarSweep(RawHttp.of(s, 30_000));
            sweep.everyRoute(ApiFuzzTest.operations());
            System.out.printf(
                    "grammar sweep: %d requests, %d 5xx, statuses %s%n",
                    sweep.requests, sweep.serverErrors.size(), sweep.statuses);
            sweep.serverErrors.forEach(e -> System.out.println("5xx: " + e));
            System.exit(sweep.serverErrors.isEmpty() ? 0 : 1);
        }
    }

    private void everyRoute(List<ApiFuzzTest.Operation> api) throws Exception {
        List<String[]> routes = new ArrayList<>();
        for (ApiFuzzTest.Operation op : api) {
            String path = op.path()
                    .replace(
                            "{id}",
                            op.path().contains("lesson") && !op.path().contains("hotfixes")
                                    ? "LESSON-001"
                                    : "HOTFIX-001")
                    .replace("{kind}", "stakeholder")
                    .replace("{name}", "queue.depth")
                    .replaceAll("\\{[^}]+}", "1");
            routes.add(new String[] {op.method(), path, String.join(",", op.query())});
        }
        for (String form : MultipartFuzzer.ROUTES) {
            String[] mp = form.split(" ", 2);
            routes.add(new String[] {mp[0], mp[1], ""});
        }
        for (String[] r : routes) {
            String method = r[0];
            String path = r[1];
            boolean body = !method.equals("GET") && !method.equals("DELETE");
            for (String accept : ACCEPTS) {
                send(method, path, List.of("Accept: " + accept), body ? "application/json" : null, body ? "{}" : null);
            }
            if (body) {
                for (String type : CONTENT_TYPES) {
                    send(method, path, List.of(), type, type.contains("multipart") ? multipart("b", "x") : "{}");
                }
                send(method, path, List.of("Content-Type: text/plain"), "application/json", "{}");
                multipartBodies(method, path);
                timeFields(method, path);
            }
            for (String name : r[2].isEmpty() ? List.<String>of() : List.of(r[2].split(","))) {
                queryGrammar(method, path, name, body);
            }
            for (String name : List.of("dryRun", "dryrun", "dry_run", "DRYRUN", "limit", "from", "to")) {
                queryGrammar(method, path, name, body);
            }
        }
    }

    /** Every time field at every extreme in one body, and each field alone at the five beyond the years. */
    private void timeFields(String method, String path) throws Exception {
        for (String t : TIMES) {
            StringBuilder all = new StringBuilder("{\"title\":\"t\",\"severity\":\"high\"");
            TIME_FIELDS.forEach(
                    f -> all.append(",\"").append(f).append("\":\"").append(t).append('"'));
            send(method, path, List.of(), "application/json", all.append('}').toString());
        }
        for (String field : TIME_FIELDS) {
            for (String t : TIMES.subList(0, 5)) {
                send(
                        method,
                        path,
                        List.of(),
                        "application/json",
                        "{\"title\":\"t\",\"severity\":\"high\",\"" + field + "\":\"" + t + "\"}");
            }
        }
    }

    private void queryGrammar(String method, String path, String name, boolean body) throws Exception {
        String snake = name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        List<String> queries = new ArrayList<>(List.of(
                name,
                name + "=",
                name + "=a&" + name + "=b",
                name.toUpperCase(Locale.ROOT) + "=true",
                name.toLowerCase(Locale.ROOT) + "=true",
                snake + "=true",
                name + "=true&" + name + "=false",
                name + "&" + name + "="));
        VALUES.forEach(v -> queries.add(name + "=" + v));
        TIMES.forEach(t -> queries.add(name + "=" + t.replace("+", "%2B").replace(" ", "%20")));
        for (String q : queries) {
            send(
                    method,
                    path + (path.contains("?") ? "&" : "?") + q,
                    List.of(),
                    body ? "application/json" : null,
                    body ? "{}" : null);
        }
    }

    private void multipartBodies(String method, String path) throws Exception {
        String ct = "multipart/form-data; boundary=b";
        send(method, path, List.of(), ct, "");
        send(method, path, List.of(), ct, "--b\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nunterminated");
        send(method, path, List.of(), ct, multipart("zzz", "x"));
        send(method, path, List.of(), ct, "--b--\r\n");
        send(method, path, List.of(), ct, "--b\r\n\r\n\r\n--b--\r\n");
        send(method, path, List.of(), "multipart/form-data; boundary=\"b\"", multipart("b", "x"));
        send(method, path, List.of(), ct, multipart("b", "x".repeat(3_000_000)));
    }

    private static String multipart(String boundary, String content) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + content + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nx\r\n--" + boundary + "--\r\n";
    }

    private void send(String method, String path, List<String> headers, String type, String body) throws Exception {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\n")
                .append("Authorization: Bearer ")
                .append(TestDb.ADMIN_TOKEN)
                .append("\r\n");
        headers.forEach(h -> head.append(h).append("\r\n"));
        if (type != null) {
            head.append("Content-Type: ").append(type).append("\r\n");
        }
        if (method.equals("PATCH")) {
            head.append("If-Match: \"1\"\r\n");
        }
        head.append("Content-Length: ").append(bytes.length).append("\r\n");
        int status;
        try {
            status = http.status(head.toString(), bytes);
        } catch (IOException e) {
            // The server answered (a 414 for a 100,000-character query, say) and closed before the body was sent.
            status = 0;
        }
        requests++;
        statuses.merge(status, 1, Integer::sum);
        if (status >= 500) {
            String shown = head.toString().replace("\r\n", " | ");
            serverErrors.add(status + " " + shown.substring(0, Math.min(400, shown.length())) + " <- "
                    + (body == null ? "" : body.substring(0, Math.min(200, body.length()))));
        }
    }
}
