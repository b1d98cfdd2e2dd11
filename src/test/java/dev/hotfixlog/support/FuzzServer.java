package dev.hotfixlog.support;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import dev.hotfixlog.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * One real server for a fuzzing JVM (SQLite, a record to aim at, an Alertmanager integration whose token is
 * {@code am-secret-1}), started on first use and never stopped: Jazzer
 * calls a target millions of times and runs one target per JVM. Requests go over a raw socket, so that what
 * java.net refuses to send (an unbalanced quote, a bare {@code %}, repeated headers) reaches the server too.
 */
public final class FuzzServer {
    private static final int HANG_MILLIS = 10_000;
    private static RawHttp http;

    private FuzzServer() {}

    /** Starts the server, once; a target calls this from {@code @BeforeAll}, outside its per-input timeout. */
    public static synchronized RawHttp start() {
        if (http == null) {
            RunningServer s = new RunningServer(
                    TestDb.sqlite()
                            .config(Map.of(
                                    Setting.INTEGRATIONS,
                                    "alertmanager prod bearer=am-secret-1\ngithub gh secret=gh-secret")),
                    MutableClock.at("2026-10-04T02:17:00Z"));
            s.http().post("/api/v1/hotfixes", "{\"title\":\"Checkout 502\",\"severity\":\"critical\"}");
            http = RawHttp.of(s, HANG_MILLIS);
        }
        return http;
    }

    /**
     * Sends a request written as text: the request line, then header lines, a blank line, the body. A request line
     * that is not "METHOD /path" and header lines that are not "Name: value" are dropped (they are Jetty's to
     * refuse, not the app's); the admin's token, Host and Content-Length are added. Returns the status.
     */
    public static int send(byte[] input) throws IOException {
        String text = new String(input, StandardCharsets.ISO_8859_1);
        int split = text.indexOf("\n\n");
        String head = split < 0 ? text : text.substring(0, split);
        byte[] body = split < 0 ? new byte[0] : Arrays.copyOfRange(input, split + 2, input.length);
        String[] lines = head.split("\n");
        String request = lines[0].strip();
        if (!request.matches("(GET|POST|PUT|PATCH|DELETE|HEAD) /[\\x21-\\x7e]*")) {
            request = "POST /api/v1/hotfixes";
        }
        StringBuilder h = new StringBuilder(request).append(" HTTP/1.1\r\n");
        boolean auth = false;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.matches("[A-Za-z0-9-]{1,40}:[\\x20-\\x7e]*")
                    && !line.toLowerCase(Locale.ROOT)
                            .matches("(host|content-length|transfer-encoding|connection):.*")) {
                h.append(line).append("\r\n");
                auth |= line.regionMatches(true, 0, "Authorization:", 0, 14)
                        || line.regionMatches(true, 0, "Cookie:", 0, 7);
            }
        }
        if (!auth) {
            h.append("Authorization: Bearer ").append(TestDb.ADMIN_TOKEN).append("\r\n");
        }
        h.append("Content-Length: ").append(body.length).append("\r\n");
        // The fuzzer's own connection to the server under test, on loopback: Jazzer's SSRF detector, active while
        // fuzzing, would take it for a request steered by the input.
        try (SilentCloseable loopback = BugDetectors.allowNetworkConnections(
                (host, port) -> host.equals("localhost") || host.equals("127.0.0.1"))) {
            return start().status(h.toString(), body);
        }
    }
}
