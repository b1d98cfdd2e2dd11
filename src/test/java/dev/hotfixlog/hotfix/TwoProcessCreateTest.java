package dev.hotfixlog.hotfix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.ServerProcess;
import dev.hotfixlog.support.TestDb;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Three processes writing one SQLite file at once: two {@code hotfix serve} and CLI {@code new} commands (issue 31:
 * on a loaded machine a create was answered 500 "the request may not have been applied"). Every create through a
 * server is answered 201, or 503 with Retry-After, never anything else; a 503 is sent again with the same
 * Idempotency-Key, as a client should. In the end every declaration is there exactly once, with ids 1..n and no
 * gap. {@code bench/saturate.sh} runs this with every core busy.
 */
class TwoProcessCreateTest {
    private static final int CREATES = 60;
    private static final int CLI_CREATES = 4;
    private static final Pattern ID = Pattern.compile("\"id\":\"(HOTFIX-\\d+)\"");

    @Test
    void createsFromTwoServersAndTheCli_are201Or503_andEachLandsOnce() throws Exception {
        try (TestDb db = TestDb.sqlite();
                ServerProcess a = new ServerProcess(db.url(), db.dataDir());
                ServerProcess b = new ServerProcess(db.url(), db.dataDir())) {
            HttpClient client = HttpClient.newHttpClient();
            Map<Integer, String> ids = new ConcurrentHashMap<>();
            List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> work = new ArrayList<>();
                for (int i = 0; i < CREATES; i++) {
                    int n = i;
                    String server = (i % 2 == 0 ? a : b).url();
                    work.add(pool.submit(() -> {
                        go.await();
                        ids.put(n, createUntilDone(client, server, n, statuses));
                        return null;
                    }));
                }
                for (int i = 0; i < CLI_CREATES; i++) {
                    int n = CREATES + i;
                    work.add(pool.submit(() -> {
                        go.await();
                        ids.put(n, cliCreate(db, n));
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> f : work) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(statuses).as("every answer of every attempt").isSubsetOf(201, 503);
            int total = CREATES + CLI_CREATES;
            Set<String> expected = IntStream.rangeClosed(1, total)
                    .mapToObj(i -> String.format("HOTFIX-%03d", i))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(new TreeSet<>(ids.values()))
                    .as("one id each, 1..n, no gap")
                    .isEqualTo(expected);
            assertThat(new TreeSet<>(ConcurrentCreateTest.IdsInList.all(new Http(a.url(), TestDb.ADMIN_TOKEN))))
                    .as("nothing stored twice, nothing lost")
                    .isEqualTo(expected);
        }
    }

    /** POSTs with one Idempotency-Key until it is created; a 503 must say when to come back. */
    private static String createUntilDone(HttpClient client, String server, int n, List<Integer> statuses)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server + "/api/v1/hotfixes"))
                .header("Authorization", "Bearer " + TestDb.ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "create-" + n)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"title\":\"two processes " + n + "\",\"severity\":\"high\"}"))
                .build();
        for (int attempt = 1; attempt <= 20; attempt++) {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            statuses.add(r.statusCode());
            if (r.statusCode() == 201) {
                Matcher m = ID.matcher(r.body());
                assertThat(m.find()).as(r.body()).isTrue();
                return m.group(1);
            }
            assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After"))
                    .as("a 503 says when to retry")
                    .isPresent();
            Thread.sleep(200L * attempt);
        }
        throw new AssertionError("create " + n + " still busy after 20 attempts");
    }

    /** {@code hotfix new} on the same file, in its own JVM; run again with its key while it answers busy. */
    private static String cliCreate(TestDb db, int n) throws Exception {
        for (int attempt = 1; attempt <= 10; attempt++) {
            List<String> command = new ArrayList<>(ServerProcess.javaCommand(List.of()));
            command.addAll(List.of(
                    "new",
                    "--title",
                    "from the cli " + n,
                    "--severity",
                    "high",
                    "--idempotency-key",
                    "cli-" + n,
                    "--db",
                    db.url(),
                    "--data-dir",
                    db.dataDir().toString()));
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().put("HOTFIX_ACTOR", "tester");
            Path err = Files.createTempFile(db.dataDir(), "cli-", ".err");
            pb.redirectError(err.toFile());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() == 0) {
                return out.split("\\s+")[0];
            }
            assertThat(Files.readString(err)).as("the CLI fails only busy").contains("busy");
            Thread.sleep(500L * attempt);
        }
        throw new AssertionError("the CLI's create " + n + " failed 10 times");
    }
}
