package dev.hotfixlog.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.Revision;
import dev.hotfixlog.hotfix.RevisionJson;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A {@code full} export imported into a new log keeps each record's history and times, not the import's. */
class FullHistoryRoundTripTest {
    @BothDatabases
    void aFullRoundTrip_keepsEveryRevision_andTheOriginalTimesAndActors(TestDb db) {
        MutableClock clock = MutableClock.at("2026-10-04T02:17:00Z");
        try (db;
                RunningServer s = new RunningServer(db.config(), clock)) {
            s.app()
                    .hotfixes()
                    .create(
                            MergePatch.of(Json.parseObject(
                                    "{\"title\":\"Checkout down\",\"severity\":\"critical\",\"owner\":\"Priya\"}")),
                            "priya");
            clock.advance(Duration.ofMinutes(40));
            s.app()
                    .hotfixes()
                    .edit(
                            new HotfixId(1),
                            1,
                            MergePatch.of(
                                    Json.parseObject("{\"severity\":\"high\",\"rootCause\":\"pinned intermediate\"}")),
                            "tomas");
            clock.advance(Duration.ofMinutes(5));
            s.app()
                    .hotfixes()
                    .edit(
                            new HotfixId(1),
                            2,
                            MergePatch.of(Json.parseObject("{\"followUps\":{\"postmortem\":{\"done\":true}}}")),
                            "priya");
            Hotfix original = s.app().hotfixes().get(new HotfixId(1));
            List<Revision> history = s.app().hotfixes().history(new HotfixId(1));
            String full = s.app().markdown().export(LogFormat.FULL);

            try (TestDb other = db.isPostgres() ? TestDb.postgres() : TestDb.sqlite();
                    RunningServer t = new RunningServer(other.config(), MutableClock.at("2026-11-22T10:00:00Z"))) {
                t.app().markdown().importLog(full, false, "ana", n -> {});

                Hotfix copy = t.app().hotfixes().get(new HotfixId(1));
                assertThat(copy.createdAt()).isEqualTo(Instant.parse("2026-10-04T02:17:00Z"));
                assertThat(copy.updatedAt()).isEqualTo(original.updatedAt());
                assertThat(copy.version()).isEqualTo(3);
                assertThat(t.app().hotfixes().history(new HotfixId(1)).stream()
                                .map(r -> RevisionJson.write(r).toString())
                                .toList())
                        .isEqualTo(history.stream()
                                .map(r -> RevisionJson.write(r).toString())
                                .toList());
                assertThat(t.app().markdown().export(LogFormat.FULL))
                        .as("and the same page again")
                        .isEqualTo(full);
            }
        }
    }
}
