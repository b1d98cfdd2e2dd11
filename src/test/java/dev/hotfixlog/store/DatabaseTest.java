package dev.hotfixlog.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.TestDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The write path survives whatever a write does, and a failed write leaves nothing behind. */
class DatabaseTest {
    @Timeout(60) // the regression this guards would hang every later write, not fail it
    @BothDatabases
    void aWriteThatThrowsAnError_isRolledBack_andLaterWritesStillWork(TestDb db) {
        try (Database d = Database.open(db.url(), "", "", 4)) {
            assertThatThrownBy(() -> d.write(h -> {
                        h.execute("UPDATE id_counter SET last_value = 41 WHERE name = 'hotfix'");
                        throw new AssertionError("a bug inside a write");
                    }))
                    .hasMessageContaining("a bug inside a write");

            long counter = d.read(h -> h.createQuery("SELECT last_value FROM id_counter WHERE name = 'hotfix'")
                    .mapTo(Long.class)
                    .one());
            assertThat(counter).as("rolled back").isZero();
            int updated = d.write(h -> h.execute("UPDATE id_counter SET last_value = 7 WHERE name = 'hotfix'"));
            assertThat(updated).as("the writer is still alive").isEqualTo(1);
        }
    }

    /**
     * SQLite's writes run one group at a time, on the writer's thread or on an idle caller's own: many writers at
     * once, every fifth failing inside its write, still store exactly the writes that succeeded, each whole.
     */
    @Timeout(120)
    @BothDatabases
    void manyWritesAtOnce_someFailing_storeExactlyTheOnesThatSucceeded(TestDb db) throws Exception {
        try (Database d = Database.open(db.url(), "", "", 4)) {
            d.write(h -> h.execute("CREATE TABLE bench_rows (n INTEGER PRIMARY KEY, twice INTEGER NOT NULL)"));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Boolean>> done = new ArrayList<>();
                for (int n = 1; n <= 200; n++) {
                    int k = n;
                    done.add(pool.submit(() -> {
                        try {
                            d.write(h -> {
                                h.execute("INSERT INTO bench_rows (n, twice) VALUES (?, ?)", k, 2 * k);
                                if (k % 5 == 0) {
                                    throw new IllegalArgumentException("write " + k + " fails after its insert");
                                }
                                return null;
                            });
                            return true;
                        } catch (IllegalArgumentException e) {
                            return false;
                        }
                    }));
                }
                for (Future<Boolean> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            List<Integer> stored = d.read(h -> h.createQuery("SELECT n FROM bench_rows ORDER BY n")
                    .mapTo(Integer.class)
                    .list());
            assertThat(stored).hasSize(160).allMatch(n -> n % 5 != 0);
        }
    }

    @Timeout(60) // without the guard, the inner write would wait for the turn its own caller holds: forever
    @Test
    void aWriteStartedInsideAWrite_isRefused_andTheWriterStillWorks() {
        try (TestDb db = TestDb.sqlite();
                Database d = Database.open(db.url(), "", "", 4)) {
            assertThatThrownBy(
                            () -> d.write(h -> d.write(inner -> inner.execute("UPDATE id_counter SET last_value = 1"))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("inside itself");
            int updated = d.write(h -> h.execute("UPDATE id_counter SET last_value = 3 WHERE name = 'hotfix'"));
            assertThat(updated).as("the writer is still alive").isEqualTo(1);
        }
    }

    @Test
    void aNewSqliteLog_isMadeInAPrivateFolder_withPrivateFiles() throws Exception {
        Path base = Files.createTempDirectory("hotfix-private");
        Path folder = base.resolve("team").resolve("hotfix-data");
        try (Database db = Database.open("jdbc:sqlite:" + folder.resolve("hotfix.db"), "", "", 1)) {
            db.write(h -> h.execute("UPDATE id_counter SET name = name"));
        }
        assertThat(mode(folder)).isEqualTo("rwx------");
        assertThat(mode(folder.getParent())).isEqualTo("rwx------");
        try (var files = Files.list(folder)) {
            assertThat(files.toList())
                    .isNotEmpty()
                    .allSatisfy(f -> assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------"));
        }
    }

    private static String mode(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
