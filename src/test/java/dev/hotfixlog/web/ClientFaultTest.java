package dev.hotfixlog.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.slf4j.LoggerFactory;

/**
 * What a client does wrong with its body is its own fault, answered and logged as such: a body slower than the
 * README's 1 KiB/s is cut off with 408 while the client is still sending it, a body the client abandons halfway is
 * a 408 (or a closed connection), never a 500, and each is one log line without a stack trace. Before, a client
 * at 0.5 B/s held its connection for 300 s, and every abandoned body logged a 500's stack trace.
 */
class ClientFaultTest {
    @BothDatabases
    void aBodyAtHalfAByteASecond_isCutOffWith408WhileTheClientStillSends(TestDb db) throws Exception {
        ListAppender<ILoggingEvent> log = capture();
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"));
                Socket socket = new Socket("127.0.0.1", port(s))) {
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded"
                            + "\r\nContent-Length: 1000\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
                } catch (IOException e) {
                    return e.toString();
                }
            });
            // 30 bytes at 0.5 B/s would take 60 s: the answer must come while they are still being sent.
            AtomicInteger sent = new AtomicInteger();
            for (int i = 0; i < 30 && !answer.isDone(); i++) {
                try {
                    out.write('x');
                    out.flush();
                    sent.incrementAndGet();
                } catch (IOException closedByServer) {
                    break;
                }
                try {
                    answer.get(2, TimeUnit.SECONDS);
                } catch (TimeoutException noAnswerYet) {
                    // send the next byte
                }
            }
            assertThat(answer.isDone())
                    .as("an answer within 30 bytes at 0.5 B/s (60 s)")
                    .isTrue();
            assertThat(answer.get()).isEqualTo("HTTP/1.1 408");
            assertThat(sent.get())
                    .as("bytes sent before the cut-off, of the 30")
                    .isLessThan(30);
        } finally {
            release(log);
        }
        assertNoStackTraces(log.list);
        assertThat(lines(log.list, " -> 408")).hasSize(1);
    }

    @BothDatabases
    void aBodyAbandonedHalfway_isNeverA500AndIsOneLineWithoutAStackTrace(TestDb db) throws Exception {
        ListAppender<ILoggingEvent> log = capture();
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            for (String path : List.of("/api/v1/hotfixes", "/sign-in", "/api/v1/hotfixes/HOTFIX-001/attachments")) {
                try (Socket socket = new Socket("127.0.0.1", port(s))) {
                    socket.getOutputStream()
                            .write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                                            + "Bearer " + TestDb.ADMIN_TOKEN
                                            + "\r\nContent-Type: application/json\r\nContent-Length: "
                                            + "1000\r\n\r\n{\"title\":")
                                    .getBytes(StandardCharsets.ISO_8859_1));
                    socket.getOutputStream().flush();
                    Thread.sleep(200);
                }
            }
            // the JSON and the form body abandoned are each a 408 line (the attachment route refuses JSON first)
            Awaitility.await("the two abandoned bodies' 408 lines")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> lines(log.list, " -> 408").size() >= 2);
            assertThat(s.anonymous().get("/health").status()).isEqualTo(200);
        } finally {
            release(log);
        }
        assertNoStackTraces(log.list);
        assertThat(lines(log.list, " -> 500")).isEmpty();
        assertThat(lines(log.list, "POST /api/v1/hotfixes -> 408")).hasSize(1);
    }

    @BothDatabases
    void aBodyAnnouncedTooLarge_getsIts413AtOnce_whileTheClientHasSentOnlyPartOfIt(TestDb db) throws Exception {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"));
                Socket socket = new Socket("127.0.0.1", port(s))) {
            // The connector's idle timeout is 30 s: an answer made at once but held back until the body ends (or
            // the connection idles out) would not arrive within 10 s.
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(
                    ("POST /api/v1/hotfixes HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TestDb.ADMIN_TOKEN
                                    + "\r\nContent-Type: application/json\r\nContent-Length: 3000000\r\n\r\n{\"problem\":\"")
                            .getBytes(StandardCharsets.ISO_8859_1));
            out.write("y".repeat(100_000).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String head = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);

            assertThat(head).isEqualTo("HTTP/1.1 413");
        }
    }

    /**
     * A refusal made before the body is read (a Content-Type's 415, a token's 401, a route's 404 or 405) must
     * reach a client that writes its whole body first, as every HTTP client does: answered and closed early, the close's reset destroyed the
     * answer and the client saw "Broken pipe" (the fuzzer's failure in CI). The body is under the route's limit and
     * far over a socket's buffers.
     */
    @BothDatabases
    void aRefusalOfARequestWithAWholeBody_reachesAClientThatWritesTheBodyFirst(TestDb db) throws Exception {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            // Every refusal the server can make before the handler reads a body: the Content-Type's (415/400), a
            // missing or wrong token (401), a route or method that does not exist (404/405).
            List<List<String>> refusals = List.of(
                    List.of("POST /api/v1/hotfixes", "Bearer " + TestDb.ADMIN_TOKEN, "text/plain"),
                    List.of(
                            "POST /api/v1/hotfixes",
                            "Bearer " + TestDb.ADMIN_TOKEN,
                            "application/json; charset=\"utf-8"),
                    List.of("POST /api/v1/hotfixes", "Bearer hfx_not-a-token-at-all", "application/json"),
                    List.of("POST /api/v1/no-such-route", "Bearer " + TestDb.ADMIN_TOKEN, "application/json"),
                    List.of("PUT /api/v1/hotfixes", "Bearer " + TestDb.ADMIN_TOKEN, "application/json"));
            for (List<String> r : refusals) {
                String type = String.join(" ", r);
                try (Socket socket = new Socket("127.0.0.1", port(s))) {
                    socket.setSoTimeout(10_000);
                    socket.setSendBufferSize(4096); // the body waits on the server's reading, as over a network
                    byte[] body = ("{\"problem\":\"" + "y".repeat(1_900_000) + "\"}").getBytes(StandardCharsets.UTF_8);
                    OutputStream out = socket.getOutputStream();
                    out.write((r.get(0) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + r.get(1)
                                    + "\r\nContent-Type: " + r.get(2) + "\r\nContent-Length: " + body.length
                                    + "\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body); // throws "Broken pipe" when the server answered and reset before reading it
                    out.flush();
                    String head = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);

                    assertThat(head).as(type).startsWith("HTTP/1.1 4").isNotEqualTo("HTTP/1.1 413");
                }
            }
        }
    }

    private static ListAppender<ILoggingEvent> capture() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(appender);
        return appender;
    }

    private static void release(ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(appender);
    }

    private static void assertNoStackTraces(List<ILoggingEvent> events) {
        assertThat(List.copyOf(events).stream()
                        .filter(e -> e.getThrowableProxy() != null)
                        .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage())
                        .toList())
                .as("log lines with a stack trace")
                .isEmpty();
    }

    /** The log lines that say something (not the access log's "… in 3.2 ms") containing this text. */
    private static List<String> lines(List<ILoggingEvent> events, String containing) {
        return List.copyOf(events).stream()
                .map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains(containing) && !m.endsWith(" ms"))
                .toList();
    }

    private static int port(RunningServer s) {
        return Integer.parseInt(s.url().substring(s.url().lastIndexOf(':') + 1));
    }
}
