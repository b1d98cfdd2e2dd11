package dev.hotfixlog.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slack's Web API and response URLs on loopback for the chat benchmark: answers as Slack does (a new {@code ts}
 * per message, {@code users.info} with a verified address {@code u<n>@example.com} for user {@code U<n>}) and notes
 * when each text first arrived ({@link System#nanoTime}), so the bench can time "the id back in chat".
 */
final class ChatBenchSlack implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger ts = new AtomicInteger();

    ChatBenchSlack() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    String api() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    String responseUrl(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + name;
    }

    /**
     * When each text of {@code method} containing {@code marker} first arrived, by what follows the marker: for
     * {@code chat.postEphemeral} and {@code " declared: "}, by the declared title.
     */
    Map<String, Long> seenAfter(String method, String marker) {
        Map<String, Long> out = new HashMap<>();
        firstSeen.forEach((k, t) -> {
            int at = k.indexOf(marker);
            if (k.startsWith(method + " ") && at >= 0) {
                out.merge(k.substring(at + marker.length()), t, Math::min);
            }
        });
        return out;
    }

    int calls() {
        return calls.get();
    }

    private void handle(HttpExchange x) throws IOException {
        long now = System.nanoTime();
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = x.getRequestURI().getPath();
        String method = path.startsWith("/api/") ? path.substring(5) : "hook";
        calls.incrementAndGet();
        String text = null;
        String user = null;
        String channel = null;
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String k = pair.substring(0, eq);
                String v = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                switch (k) {
                    case "text" -> text = v;
                    case "user" -> user = v;
                    case "channel" -> channel = v;
                    default -> {}
                }
            }
        }
        if (text != null) {
            firstSeen.putIfAbsent(method + " " + text, now);
        }
        String answer = switch (method) {
            case "chat.postMessage" ->
                "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"1765100000."
                        + String.format("%06d", ts.incrementAndGet()) + "\"}";
            case "users.info" ->
                "{\"ok\":true,\"user\":{\"id\":\"" + user + "\",\"team_id\":\"T0TEAM\","
                        + "\"is_email_confirmed\":true,\"profile\":{\"email\":\""
                        + user.substring(1).toLowerCase()
                        + "@example.com\"}}}";
            case "hook" -> "ok";
            default -> "{\"ok\":true}";
        };
        byte[] out = answer.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", method.equals("hook") ? "text/plain" : "application/json");
        x.sendResponseHeaders(200, out.length);
        x.getResponseBody().write(out);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
