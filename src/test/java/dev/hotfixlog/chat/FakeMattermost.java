package dev.hotfixlog.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hotfixlog.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Mattermost's REST API v4 and its command response URLs as a real HTTP server on loopback: it answers
 * {@code POST /api/v4/actions/dialogs/open}, {@code POST /api/v4/posts} (a new post id each), {@code PUT
 * /api/v4/posts/{id}}, {@code POST /api/v4/posts/ephemeral} and {@code GET /api/v4/users/{id}} (from the e-mail
 * addresses it was given) as Mattermost documents them, and records every call with its JSON body.
 */
final class FakeMattermost implements AutoCloseable {
    /** One call: {@code POST /api/v4/posts}, its JSON body, its credentials. */
    record Call(String method, String path, String body, String authorization) {
        JsonNode json() {
            return Json.parseObject(body);
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, String> emails = new ConcurrentHashMap<>();
    private final AtomicInteger posts = new AtomicInteger();

    FakeMattermost() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The address an entry's {@code api=} names. */
    String api() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A command's response URL, as Mattermost's {@code /hooks/commands/…}. */
    String responseUrl(String name) {
        return api() + "/hooks/commands/" + name;
    }

    /** The user's verified e-mail address, as {@code GET /api/v4/users/{id}} tells it. */
    void email(String user, String address) {
        emails.put(user, address);
    }

    /** The calls of {@code "POST /api/v4/posts"}, or of a path prefix such as {@code "PUT /api/v4/posts/"}. */
    List<Call> calls(String methodAndPath) {
        return calls.stream()
                .filter(c -> (c.method() + " " + c.path()).equals(methodAndPath)
                        || (methodAndPath.endsWith("/") && (c.method() + " " + c.path()).startsWith(methodAndPath)))
                .toList();
    }

    List<Call> all() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = x.getRequestURI().getPath();
        String method = x.getRequestMethod();
        calls.add(new Call(method, path, body, x.getRequestHeaders().getFirst("Authorization")));
        int status = 200;
        String answer;
        if (method.equals("POST") && path.equals("/api/v4/posts")) {
            status = 201;
            answer = "{\"id\":\"post" + posts.incrementAndGet() + "\",\"channel_id\":\""
                    + Json.parseObject(body).path("channel_id").asText() + "\"}";
        } else if (method.equals("PUT") && path.startsWith("/api/v4/posts/")) {
            answer = "{\"id\":\"" + path.substring("/api/v4/posts/".length()) + "\"}";
        } else if (method.equals("POST") && path.equals("/api/v4/posts/ephemeral")) {
            status = 201;
            answer = "{\"id\":\"ephemeral" + calls.size() + "\"}";
        } else if (method.equals("GET") && path.startsWith("/api/v4/users/")) {
            String user = path.substring("/api/v4/users/".length());
            String email = emails.get(user);
            answer = email == null
                    ? "{\"id\":\"" + user + "\",\"email\":\"\"}"
                    : "{\"id\":\"" + user + "\",\"email\":\"" + email + "\",\"email_verified\":true}";
        } else {
            answer = "{\"status\":\"OK\"}";
        }
        byte[] out = answer.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, out.length);
        x.getResponseBody().write(out);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
