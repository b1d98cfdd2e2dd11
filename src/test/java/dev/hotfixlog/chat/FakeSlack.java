package dev.hotfixlog.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hotfixlog.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slack's Web API and its response URLs as a real HTTP server on loopback: it answers {@code views.open},
 * {@code chat.postMessage} (a new {@code ts} each), {@code chat.update}, {@code chat.postEphemeral},
 * {@code conversations.create} (a new channel id each: C0OWN1, …), {@code conversations.invite},
 * {@code conversations.archive}, {@code pins.add}, {@code chat.getPermalink} and {@code users.info} (from the
 * e-mail addresses and names it was given) as Slack documents them (a post in an archived channel refused with
 * {@code is_archived}; any method made to fail with {@link #fail}), and records every call
 * with its form (the SDK posts forms) or its JSON body (a response URL).
 */
final class FakeSlack implements AutoCloseable {
    /** One call: its method ({@code chat.update}) or response path, its form, its raw body, its credentials. */
    record Call(String method, Map<String, String> form, String body, String authorization) {
        JsonNode json(String field) {
            return Json.parseObject(field == null ? body : "{\"v\":" + form.get(field) + "}");
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, String> emails = new ConcurrentHashMap<>();
    private final Map<String, String> names = new ConcurrentHashMap<>();
    private final AtomicInteger messages = new AtomicInteger();
    private final AtomicInteger channels = new AtomicInteger();
    /** Methods (or response paths) that hang, recorded but unanswered until {@link #answerAgain()}. */
    private final Set<String> hanging = ConcurrentHashMap.newKeySet();

    /** Methods that answer Slack's {@code {"ok":false,"error":"fatal_error"}} until {@link #recover()}. */
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    /** Channels archived by {@code conversations.archive}: Slack refuses posts in them ({@code is_archived}). */
    private final Set<String> archived = ConcurrentHashMap.newKeySet();

    private volatile CountDownLatch held = new CountDownLatch(1);

    FakeSlack() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The address an entry's {@code api=} names. */
    String api() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /** A response URL of this fake, as Slack's {@code hooks.slack.com/commands/…} would be. */
    String responseUrl(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + name;
    }

    /** users.info says this user's verified e-mail address is this. */
    void email(String user, String address) {
        emails.put(user, address);
    }

    /** users.info says this user's display name is this. */
    void name(String user, String displayName) {
        names.put(user, displayName);
    }

    /** The permalink chat.getPermalink gives a message, as Slack makes it: the ts without its point. */
    static String permalink(String channel, String ts) {
        return "https://example.slack.com/archives/" + channel + "/p" + ts.replace(".", "");
    }

    /**
     * Calls of {@code method} ({@code users.info}, or a response path such as {@code /hooks/actions/alerted}) are
     * recorded and then hang, answering nothing, as a Slack that is down behind a load balancer does.
     */
    void hang(String method) {
        hanging.add(method);
    }

    /** Calls of {@code method} are recorded and answered with an error, as a Slack whose API is down does. */
    void fail(String method) {
        failing.add(method);
    }

    /** Failing methods answer as usual again. */
    void recover() {
        failing.clear();
    }

    /** Hanging calls are answered, and later ones are answered at once. */
    void answerAgain() {
        hanging.clear();
        held.countDown();
        held = new CountDownLatch(1);
    }

    List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    List<Call> all() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = x.getRequestURI().getPath();
        String method = path.startsWith("/api/") ? path.substring(5) : path;
        Map<String, String> form = new LinkedHashMap<>();
        String type = x.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    form.put(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        calls.add(new Call(method, form, body, x.getRequestHeaders().getFirst("Authorization")));
        CountDownLatch hold = held;
        if (hanging.contains(method)) {
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (method.equals("conversations.archive") && !failing.contains(method)) {
            archived.add(form.get("channel"));
        }
        String answer = failing.contains(method)
                ? "{\"ok\":false,\"error\":\"fatal_error\"}"
                : method.equals("chat.postMessage") && archived.contains(form.get("channel"))
                        ? "{\"ok\":false,\"error\":\"is_archived\"}"
                        : answer(method, path, form);
        byte[] out = answer.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", path.startsWith("/hooks/") ? "text/plain" : "application/json");
        x.sendResponseHeaders(200, out.length);
        x.getResponseBody().write(out);
        x.close();
    }

    private String answer(String method, String path, Map<String, String> form) {
        return switch (method) {
            case "chat.postMessage" ->
                "{\"ok\":true,\"channel\":\"" + form.get("channel") + "\",\"ts\":\"1765100000.00010"
                        + messages.incrementAndGet() + "\"}";
            case "chat.update" ->
                "{\"ok\":true,\"channel\":\"" + form.get("channel") + "\",\"ts\":\"" + form.get("ts") + "\"}";
            case "users.info" -> usersInfo(form.get("user"));
            case "conversations.create" ->
                "{\"ok\":true,\"channel\":{\"id\":\"C0OWN" + channels.incrementAndGet() + "\",\"name\":\""
                        + form.get("name") + "\",\"is_channel\":true}}";
            case "chat.getPermalink" ->
                "{\"ok\":true,\"channel\":\"" + form.get("channel") + "\",\"permalink\":\""
                        + permalink(form.get("channel"), form.get("message_ts")) + "\"}";
            default -> path.startsWith("/hooks/") ? "ok" : "{\"ok\":true}";
        };
    }

    private String usersInfo(String user) {
        String email = emails.get(user);
        String name = names.containsKey(user) ? "\"display_name\":\"" + names.get(user) + "\"" : "";
        if (email == null) {
            return "{\"ok\":true,\"user\":{\"id\":\"" + user + "\",\"is_email_confirmed\":false,\"profile\":{" + name
                    + "}}}";
        }
        return "{\"ok\":true,\"user\":{\"id\":\"" + user + "\",\"team_id\":\"T0TEAM\",\"is_email_confirmed\":true,"
                + "\"profile\":{" + (name.isEmpty() ? "" : name + ",") + "\"email\":\"" + email + "\"}}}";
    }

    @Override
    public void close() {
        answerAgain();
        server.stop(0);
    }
}
