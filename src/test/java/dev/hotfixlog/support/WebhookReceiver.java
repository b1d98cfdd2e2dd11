package dev.hotfixlog.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP receiver on loopback for webhook tests: it records every request it accepted, answers with the
 * statuses it was told to (then 200), and can be stopped and started again on the same port, like a receiver
 * that goes down and comes back.
 */
public final class WebhookReceiver implements AutoCloseable {
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> answers = new ArrayDeque<>();
    private final int port;
    private HttpServer server;

    public WebhookReceiver() {
        this(0);
    }

    private WebhookReceiver(int port) {
        this.server = start(port);
        this.port = server.getAddress().getPort();
    }

    /** A port with nobody listening yet; {@link #up()} starts listening on it. */
    public static WebhookReceiver down() {
        WebhookReceiver r = new WebhookReceiver(0);
        r.server.stop(0);
        r.server = null;
        return r;
    }

    public synchronized void up() {
        if (server == null) {
            server = start(port);
        }
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** The next requests get these statuses, in order; after them, 200. */
    public synchronized void answer(int... statuses) {
        for (int s : statuses) {
            answers.add(s);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Requests answered with 2xx: what the receiver really took. */
    public List<Received> accepted() {
        return received.stream().filter(r -> r.status() / 100 == 2).toList();
    }

    public List<Received> all() {
        return new ArrayList<>(received);
    }

    private HttpServer start(int onPort) {
        // Without TCP_NODELAY the JDK server's header and body segments meet the client's delayed ACK: ~40 ms
        // per request, which would make the receiver, not the code under test, the bottleneck.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 200);
            s.setExecutor(Executors.newFixedThreadPool(16, r -> {
                Thread t = new Thread(r, "webhook-receiver");
                t.setDaemon(true);
                return t;
            }));
            s.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int status;
                synchronized (this) {
                    status = answers.isEmpty() ? 200 : answers.poll();
                }
                received.add(new Received(
                        exchange.getRequestURI().getPath(),
                        Map.copyOf(Map.of(
                                "idempotency-key",
                                String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")),
                                "content-type",
                                String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")))),
                        body,
                        status));
                byte[] out = (status == 200 ? "ok" : "receiver says no").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, out.length);
                exchange.getResponseBody().write(out);
                exchange.close();
            });
            s.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    public record Received(String path, Map<String, String> headers, String body, int status) {}
}
