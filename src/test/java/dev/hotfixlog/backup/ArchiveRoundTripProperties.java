package dev.hotfixlog.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.App;
import dev.hotfixlog.Setting;
import dev.hotfixlog.deploy.DeployMarker;
import dev.hotfixlog.error.ConflictException;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.LifecycleEvent;
import dev.hotfixlog.incoming.AlertmanagerFormat;
import dev.hotfixlog.incoming.LocalIncomingService;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.security.Integration;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * A generated log (records with every kind of value, team fields, lessons, deploys, incoming alerts, tokens,
 * audit) backed up, restored into the other kind of database, and backed up again has the same manifest; the
 * restore refuses a log that is not empty and says why.
 */
class ArchiveRoundTripProperties {
    static final String FIELDS = "[{\"name\":\"region\",\"type\":\"choice\",\"choices\":[\"eu\",\"us\"]},"
            + "{\"name\":\"affected\",\"type\":\"number\"},{\"name\":\"customerFacing\",\"type\":\"yesNo\"}]";
    private static final List<String> WORDS = List.of(
            "checkout",
            "502",
            "TLS",
            "Zürich",
            "日本語",
            "pool",
            "ümlaut",
            "'quoted'",
            "\"double\"",
            "back\\slash",
            "tab\there",
            "emoji 🚨",
            "line\nbreak",
            "%_like");

    @Property(tries = 6)
    void aLogRestoredIntoTheOtherDatabase_backsUpToTheSameManifest(@ForAll long seed, @ForAll boolean fromPostgres)
            throws Exception {
        MutableClock clock = MutableClock.at("2026-11-01T00:00:00Z");
        try (TestDb a = fromPostgres ? TestDb.postgres() : TestDb.sqlite();
                TestDb b = fromPostgres ? TestDb.sqlite() : TestDb.postgres()) {
            ByteArrayOutputStream archive = new ByteArrayOutputStream();
            Manifest taken;
            try (App app = App.local(a.config(Map.of(Setting.FIELDS, FIELDS)), clock)) {
                populate(app, new Random(seed), clock);
                taken = app.backups().backup(archive);
                assertThat(app.backups().manifest()).isEqualTo(taken);
            }
            assertThat(Backups.verify(new ByteArrayInputStream(archive.toByteArray())))
                    .isEqualTo(taken);
            try (App app = App.local(b.config(Map.of(Setting.FIELDS, FIELDS)), clock)) {
                Manifest restored = app.backups().restore(new ByteArrayInputStream(archive.toByteArray()));
                assertThat(restored).isEqualTo(taken);
                ByteArrayOutputStream again = new ByteArrayOutputStream();
                assertThat(app.backups().backup(again)).isEqualTo(taken);
                // New records on the restored log get fresh ids.
                Hotfix next = app.hotfixes()
                        .create(
                                MergePatch.of(Json.object()
                                        .put("title", "after the restore")
                                        .put("severity", "high")),
                                "tester");
                assertThat(next.id().number())
                        .isGreaterThan(taken.tables().get("hotfix").rows());
                assertThat(app.deploys()
                                .record(new DeployMarker("payments", "after", null, null, null, null), "cli", "tester")
                                .deploy()
                                .id())
                        .isGreaterThan(taken.tables().get("deploy").rows());
                // Not empty any more: a second restore is refused, saying why.
                assertThatThrownBy(() -> app.backups().restore(new ByteArrayInputStream(archive.toByteArray())))
                        .isInstanceOf(ConflictException.class)
                        .hasMessageContaining("not empty")
                        .hasMessageContaining("hotfix=");
            }
        }
    }

    /** Every kind of row the log keeps, with values drawn from the seed. */
    static void populate(App app, Random r, MutableClock clock) {
        populate(app, r, clock, "HOTFIX-001");
    }

    /** {@code lessonCase}: a hotfix the lesson (if one is made) cites; the first one populate makes. */
    static void populate(App app, Random r, MutableClock clock, String lessonCase) {
        int hotfixes = 1 + r.nextInt(12);
        for (int i = 0; i < hotfixes; i++) {
            ObjectNode h = Json.object()
                    .put("title", text(r, 1 + r.nextInt(6)))
                    .put("severity", List.of("critical", "high", "medium").get(r.nextInt(3)));
            if (r.nextBoolean()) {
                h.put("problem", text(r, r.nextInt(30)) + " password=hunter2-" + r.nextInt(1000));
            }
            if (r.nextBoolean()) {
                h.putArray("systemsAffected").add("payments").add(text(r, 2));
            }
            if (r.nextBoolean()) {
                h.put("confidence", 1 + r.nextInt(5));
            }
            h.put(
                    "detectedAt",
                    clock.instant().minus(Duration.ofMinutes(r.nextInt(500))).toString());
            ObjectNode fields = h.putObject("fields");
            if (r.nextBoolean()) {
                fields.put("region", r.nextBoolean() ? "eu" : "us");
            }
            if (r.nextBoolean()) {
                fields.put("affected", r.nextInt(100_000));
            }
            if (r.nextBoolean()) {
                fields.put("customerFacing", r.nextBoolean());
            }
            h.putObject("triage").put("productionDown", r.nextBoolean()).put("canWait", false);
            Hotfix made = app.hotfixes().create(MergePatch.of(h), "priya");
            if (r.nextBoolean()) {
                app.hotfixes()
                        .record(made.id(), new LifecycleEvent(LifecycleEvent.Type.DEPLOYED, null, false), "jonas");
            }
            clock.advance(Duration.ofMinutes(1 + r.nextInt(30)));
        }
        for (int i = r.nextInt(4); i > 0; i--) {
            app.deploys()
                    .record(
                            new DeployMarker(
                                    r.nextBoolean() ? "payments" : "search",
                                    "1." + r.nextInt(5),
                                    null,
                                    r.nextBoolean() ? null : "staging",
                                    null,
                                    r.nextBoolean() ? null : "run-" + r.nextInt()),
                            "cli",
                            "ci");
        }
        var intake = (LocalIncomingService) app.incoming();
        Integration am = new Integration(
                new AlertmanagerFormat().sender(),
                "prod",
                "x",
                null,
                null,
                null,
                null,
                null,
                Duration.ofMinutes(5),
                List.of("service"));
        for (int i = r.nextInt(3); i > 0; i--) {
            intake.receive(
                    am,
                    "{\"groupKey\":\"g" + r.nextInt(3) + "\",\"status\":\"firing\",\"alerts\":[{\"status\":"
                            + "\"firing\",\"labels\":{\"alertname\":"
                            + Json.write(Json.mapper().valueToTree(text(r, 2)))
                            + ",\"service\":\"payments\"},\"startsAt\":\"" + Instant.parse("2026-10-31T23:00:00Z")
                            + "\"}]}");
        }
        if (r.nextBoolean()) {
            app.tokens().create("bot " + text(r, 1), Role.RESPONDER, null, "admin");
        }
        if (r.nextBoolean()) {
            app.lessons()
                    .create(
                            MergePatch.of(Json.object()
                                    .put("title", text(r, 3))
                                    .put("summary", text(r, 8))
                                    .set(
                                            "cases",
                                            Json.mapper().createArrayNode().add(lessonCase))),
                            "priya");
        }
        app.audit().record("priya", "cli new", "HOTFIX-001", "cli", 200, r.nextBoolean() ? null : text(r, 3));
    }

    private static String text(Random r, int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            b.append(i == 0 ? "" : " ").append(WORDS.get(r.nextInt(WORDS.size())));
        }
        return b.length() == 0 ? "x" : b.toString();
    }
}
