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
