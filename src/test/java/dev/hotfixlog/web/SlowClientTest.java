package dev.hotfixlog.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * 500 connections that announce a megabyte of body and send it a byte every second (half unauthenticated, to
 * the sign-in form; half with a token, to the API), while a client keeps declaring hotfixes and asking /health:
 * every create and every health check is answered. The trickling bodies hold connections, never the workers.
 */
class SlowClientTest {
    private static final int SLOW = 500;
    private static final int CREATES = 40;

    @BothDatabases
    void fiveHundredSlowBodies_doNotStopCreatesOrHealth(TestDb db) throws Exception {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            int port = Integer.parseInt(s.url().substring(s.url().lastIndexOf(':') + 1));
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < SLOW; i++) {
                    Socket socket = new Socket("127.0.0.1", port);
                    String head = i % 2 == 0
                            ? "POST /sign-in HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                            : "POST /api/v1/hotfixes HTTP/1.1\r\nContent-Type: application/json\r\nAuthorization: "
                                    + "Bearer " + TestDb.ADMIN_TOKEN + "\r\n";
                    socket.getOutputStream()
                            .write((head + "Host: 127.0.0.1\r\nContent-Length: 1000000\r\n\r\n")
                                    .getBytes(StandardCharsets.ISO_8859_1));
                    slow.add(socket);
                }
                Thread trickle = new Thread(
                        () -> {
                            for (int round = 0;
                                    round < 15 && !Thread.currentThread().isInterrupted();
                                    round++) {
                                for (Socket socket : slow) {
                                    try {
                                        OutputStream out = socket.getOutputStream();
                                        out.write('x');
                                        out.flush();
                                    } catch (IOException closedByServer) {
                                        // cut off for being too slow: that is the point
                                    }
                                }
                                try {
                                    Thread.sleep(1_000);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                        },
                        "slow-clients");
                trickle.setDaemon(true);
                trickle.start();

                Http api = s.http();
                List<Long> millis = new ArrayList<>();
                for (int i = 0; i < CREATES; i++) {
                    long start = System.nanoTime();
                    assertThat(api.post(
                                            "/api/v1/hotfixes",
                                            "{\"title\":\"Create " + i + " under slow clients\","
                                                    + "\"severity\":\"high\"}")
                                    .status())
                            .isEqualTo(201);
                    assertThat(s.anonymous().get("/health").status()).isEqualTo(200);
                    millis.add((System.nanoTime() - start) / 1_000_000);
                    Thread.sleep(200);
                }
                trickle.interrupt();
                Collections.sort(millis);
                System.out.printf(
                        "slow clients on %s: %d creates and health checks answered under %d slow bodies;"
                                + " create + health median %d ms, p99 %d ms%n",
                        db,
                        CREATES,
                        SLOW,
                        millis.get(millis.size() / 2),
                        millis.get((int) Math.ceil(millis.size() * 0.99) - 1));
                assertThat(millis.get(millis.size() - 1))
                        .as("no create waits behind the slow bodies (a hang guard, "
                                + "not a measure: without the protections one waited 74 s)")
                        .isLessThan(10_000L);
                assertThat(api.get("/api/v1/hotfixes?limit=100")
                                .json()
                                .path("items")
                                .size())
                        .isEqualTo(CREATES);
            } finally {
                for (Socket socket : slow) {
                    socket.close();
                }
            }
        }
    }
}
