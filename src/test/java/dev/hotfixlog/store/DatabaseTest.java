package dev.hotfixlog.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.TestDb;
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

    @org.junit.jupiter.api.Test
    void aNewSqliteLog_isMadeInAPrivateFolder_withPrivateFiles() throws Exception {
        java.nio.file.Path base = java.nio.file.Files.createTempDirectory("hotfix-private");
        java.nio.file.Path folder = base.resolve("team").resolve("hotfix-data");
        try (Database db = Database.open("jdbc:sqlite:" + folder.resolve("hotfix.db"), "", "", 1)) {
            db.write(h -> h.execute("UPDATE id_counter SET name = name"));
        }
        assertThat(mode(folder)).isEqualTo("rwx------");
        assertThat(mode(folder.getParent())).isEqualTo("rwx------");
        try (var files = java.nio.file.Files.list(folder)) {
            assertThat(files.toList())
                    .isNotEmpty()
                    .allSatisfy(f -> assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------"));
        }
    }

    private static String mode(java.nio.file.Path p) {
        try {
            return java.nio.file.attribute.PosixFilePermissions.toString(
                    java.nio.file.Files.getPosixFilePermissions(p));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
