package dev.hotfixlog.hotfix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.ServerProcess;
import dev.hotfixlog.support.TestDb;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Ids stay unique when many responders declare at once, on one server and across server processes. */
class ConcurrentCreateTest {

    @BothDatabases
    void fiftyParallelCreates_getFiftyDistinctIds(TestDb db) throws Exception {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            List<Http.Response> answers = createAtOnce(List.of(s.http()), 50);

            assertThat(answers)
                    .allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(201));
            Set<String> ids = idsOf(answers);
            assertThat(ids).hasSize(50);
            assertThat(ids).contains("HOTFIX-001", "HOTFIX-050");
            assertThat(IdsInList.all(s.http())).isEqualTo(ids);
        }
    }

    @BothDatabases
    void twoServerProcessesOnOneDatabase_neverHandOutTheSameId(TestDb db) throws Exception {
        try (ServerProcess a = new ServerProcess(db.url(), db.dataDir());
                ServerProcess b = new ServerProcess(db.url(), db.dataDir())) {
            Http ha = new Http(a.url(), TestDb.ADMIN_TOKEN);
            Http hb = new Http(b.url(), TestDb.ADMIN_TOKEN);

            List<Http.Response> answers = createAtOnce(List.of(ha, hb), 60);

            assertThat(answers)
                    .allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(201));
            Set<String> ids = idsOf(answers);
            assertThat(ids).hasSize(60);
            assertThat(IdsInList.all(hb)).isEqualTo(ids);
        }
    }

    /**
     * Writes that fail inside the transaction (a lost edit race) and writes that succeed arrive together, so on
     * SQLite they share a group commit: each must still be all or nothing.
     */
    @BothDatabases
    void racingEditsAndCreates_oneEditWins_everyCreateLands_nothingHalfWritten(TestDb db) throws Exception {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            s.http().post("/api/v1/hotfixes", "{\"title\":\"contested\",\"severity\":\"high\"}");
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Http.Response>> edits = new ArrayList<>();
                List<Future<Http.Response>> creates = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    String owner = "owner " + i;
                    edits.add(pool.submit(() -> {
                        start.await();
                        return s.http()
                                .patch(
                                        "/api/v1/hotfixes/HOTFIX-001",
                                        "{\"owner\":\"" + owner + "\"}",
                                        "If-Match",
                                        "\"1\"");
                    }));
                    creates.add(pool.submit(() -> {
                        start.await();
                        return s.http().post("/api/v1/hotfixes", "{\"title\":\"racing\",\"severity\":\"medium\"}");
                    }));
                }
                start.countDown();
                List<Integer> editStatuses = new ArrayList<>();
                for (Future<Http.Response> f : edits) {
                    editStatuses.add(f.get().status());
                }
                List<Http.Response> created = new ArrayList<>();
                for (Future<Http.Response> f : creates) {
                    created.add(f.get());
                }
                assertThat(editStatuses).containsOnly(200, 412);
                assertThat(editStatuses.stream().filter(x -> x == 200).count()).isEqualTo(1);
                assertThat(created).allSatisfy(r -> assertThat(r.status()).isEqualTo(201));
                assertThat(idsOf(created)).hasSize(20);
                var record = s.http().get("/api/v1/hotfixes/HOTFIX-001").json();
                assertThat(record.path("version").asInt()).isEqualTo(2);
                var history = s.http()
                        .get("/api/v1/hotfixes/HOTFIX-001/history")
                        .json()
                        .path("items");
                assertThat(history.size()).isEqualTo(2);
                assertThat(history.get(1).path("changes").get(0).path("new").asText())
                        .isEqualTo(record.path("owner").asText());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Sends {@code count} creates from 16 threads released together, spread over the given servers. */
    private static List<Http.Response> createAtOnce(List<Http> servers, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Http.Response>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Http target = servers.get(i % servers.size());
                String body = "{\"title\":\"parallel " + i + "\",\"severity\":\"high\"}";
                Callable<Http.Response> call = () -> {
                    start.await();
                    return target.post("/api/v1/hotfixes", body);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<Http.Response> out = new ArrayList<>();
            for (Future<Http.Response> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Set<String> idsOf(List<Http.Response> answers) {
        Set<String> ids = new HashSet<>();
        answers.forEach(r -> ids.add(r.json().path("id").asText()));
        return ids;
    }

    /** Every id the server lists, following the cursor to the end. */
    static final class IdsInList {
        private IdsInList() {}

        static Set<String> all(Http http) {
            Set<String> ids = new HashSet<>();
            String cursor = "";
            do {
                var page = http.get("/api/v1/hotfixes?limit=7" + (cursor.isEmpty() ? "" : "&cursor=" + cursor))
                        .json();
                page.path("items").forEach(i -> ids.add(i.path("id").asText()));
                cursor = page.path("nextCursor").isNull()
                        ? ""
                        : page.path("nextCursor").asText();
            } while (!cursor.isEmpty());
            return ids;
        }
    }
}
