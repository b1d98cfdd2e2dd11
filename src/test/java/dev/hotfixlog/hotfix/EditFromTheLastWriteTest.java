package dev.hotfixlog.hotfix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotfixlog.error.StaleVersionException;
import dev.hotfixlog.hotfix.internal.LocalHotfixService;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.security.SecretRedactor;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.TestDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/**
 * An edit may start from the record this instance wrote last instead of reading it back (issue 32), and is never
 * wrong for it: with two instances on one database, an edit based on a version another instance has moved past is
 * a 409 and one based on the new version keeps the other's change; a row changed under the copy without a new
 * version (as a restored backup could leave it) is read again, and the edit lands on what is stored.
 */
class EditFromTheLastWriteTest {
    private static final String BODY = """
            {"title":"Checkout 502","severity":"critical","owner":"Priya","systemsAffected":["payments-gateway"]}""";

    @BothDatabases
    void anotherInstancesEdit_makesAnEditOfTheOldVersionA409_andIsKeptByOneOfTheNew(TestDb db) {
        MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");
        try (db;
                Database one = Database.open(db.url(), "", "", 2);
                Database two = Database.open(db.url(), "", "", 2)) {
            LocalHotfixService a = new LocalHotfixService(one, clock, new SecretRedactor());
            LocalHotfixService b = new LocalHotfixService(two, clock, new SecretRedactor());
            Hotfix made = a.create(MergePatch.of(Json.parseObject(BODY)), "dana", null);
            Hotfix mine = a.edit(made.id(), made.version(), owner("Jonas"), "dana");
            clock.advance(Duration.ofSeconds(5));

            Hotfix theirs = b.edit(
                    made.id(), mine.version(), MergePatch.of(Json.object().put("title", "TLS")), "ana");

            assertThatThrownBy(() -> a.edit(made.id(), mine.version(), owner("Ana"), "dana"))
                    .isInstanceOfSatisfying(
                            StaleVersionException.class,
                            e -> assertThat(e.currentVersion()).isEqualTo(theirs.version()));
            clock.advance(Duration.ofSeconds(5));
            Hotfix after = a.edit(made.id(), theirs.version(), owner("Ana"), "dana");
            assertThat(after.title()).isEqualTo("TLS");
            assertThat(after.owner()).isEqualTo("Ana");
            assertThat(b.get(made.id())).isEqualTo(after);
        }
    }

    @BothDatabases
    void aRowChangedUnderTheCopyWithoutANewVersion_isReadAgain_andTheEditLandsOnWhatIsStored(TestDb db)
            throws SQLException {
        MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");
        try (db;
                Database d = Database.open(db.url(), "", "", 2)) {
            LocalHotfixService hotfixes = new LocalHotfixService(d, clock, new SecretRedactor());
            Hotfix made = hotfixes.create(MergePatch.of(Json.parseObject(BODY)), "dana", null);
            Hotfix edited = hotfixes.edit(made.id(), made.version(), owner("Jonas"), "dana");
            restoredUnder(db, edited);
            clock.advance(Duration.ofSeconds(5));

            Hotfix after = hotfixes.edit(made.id(), edited.version(), owner("Ana"), "dana");

            assertThat(after.title()).isEqualTo("Restored from a backup");
            assertThat(after.owner()).isEqualTo("Ana");
            assertThat(after.version()).isEqualTo(edited.version() + 1);
            assertThat(hotfixes.get(made.id())).isEqualTo(after);
        }
    }

    /** The stored row changed at the same version with another update time, behind the service's back. */
    private static void restoredUnder(TestDb db, Hotfix h) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url());
                PreparedStatement p = c.prepareStatement(
                        "UPDATE hotfix SET title = ?, updated_at = updated_at - 1000 WHERE id = ? AND version = ?")) {
            p.setString(1, "Restored from a backup");
            p.setString(2, h.id().toString());
            p.setInt(3, h.version());
            assertThat(p.executeUpdate()).isEqualTo(1);
        }
    }

    private static MergePatch owner(String owner) {
        return MergePatch.of(Json.object().put("owner", owner));
    }
}
