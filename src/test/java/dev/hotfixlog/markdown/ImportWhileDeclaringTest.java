package dev.hotfixlog.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixQuery;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** An import of entries without ids while people declare hotfixes: every record lands, no id is used twice. */
class ImportWhileDeclaringTest {
    @BothDatabases
    void importingNewEntries_whileHotfixesAreDeclared_neverReusesAnId(TestDb db) throws Exception {
        StringBuilder page = new StringBuilder("## Active Hotfixes\n\n");
        for (int i = 0; i < 300; i++) {
            page.append("### 🚨 [HOTFIX-XXX] Imported ").append(i).append("\n**Severity:** 🟡 High\n\n");
        }
        try (db;
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-11-22T10:00:00Z"))) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                Future<ImportReport> imported =
                        pool.submit(() -> s.app().markdown().importLog(page.toString(), false, "ana", n -> {}));
                List<Future<Hotfix>> declared = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    int n = i;
                    declared.add(pool.submit(() -> s.app()
                            .hotfixes()
                            .create(
                                    MergePatch.of(Json.object()
                                            .put("title", "Declared " + n)
                                            .put("severity", "critical")),
                                    "sam")));
                }
                assertThat(imported.get().created()).hasSize(300);
                for (Future<Hotfix> f : declared) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            List<Hotfix> all = s.app()
                    .hotfixes()
                    .list(new HotfixQuery(null, null, 500, null))
                    .items();
            assertThat(all).hasSize(320);
            assertThat(new HashSet<>(all.stream().map(Hotfix::id).toList())).hasSize(320);
        }
    }
}
