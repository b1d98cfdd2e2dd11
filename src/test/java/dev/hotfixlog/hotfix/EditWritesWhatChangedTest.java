package dev.hotfixlog.hotfix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.hotfix.internal.LocalHotfixService;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.security.SecretRedactor;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.store.Dialect;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.TestDb;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * An edit writes the record's row and only the child rows that changed (issue 32): an owner change leaves the
 * systems, steps, follow-ups and redactions as they were stored, and edits of the children read back exactly as
 * sent, with each system row carrying the record's category and detection time. A typed edit makes the same
 * revision as the merge patch it stands for.
 */
class EditWritesWhatChangedTest {
    private static final String BODY = """
            {"title":"Checkout 502 after the TLS rotation","severity":"critical","owner":"Priya",
             "problem":"gateway down; token=ghp_abcdefghijklmnopqrstuvwxyz0123456789","category":"certificates",
             "detectedAt":"2026-10-04T02:17:00Z",
             "systemsAffected":["payments-gateway","checkout-web","orders-db","edge-proxy"],
             "steps":{"minimalChange":{"done":true,"by":"Priya"}},
             "followUps":{"postmortem":{"description":"with the payments team","owner":"Priya"},
                          "properFix":{"description":"pin the root","owner":"Jonas"}}}""";

    private static final List<String> CHILD_TABLES =
            List.of("hotfix_system", "hotfix_step", "follow_up", "hotfix_redaction");

    @BothDatabases
    void anOwnerEdit_leavesEveryChildRowAsItWasStored(TestDb db) {
        try (Database d = Database.open(db.url(), "", "", 2)) {
            LocalHotfixService hotfixes = service(d);
            Hotfix made = hotfixes.create(MergePatch.of(Json.parseObject(BODY)), "dana", null);
            // A later record's rows sit after these: a SQLite row deleted and inserted again gets a new rowid.
            hotfixes.create(MergePatch.of(Json.parseObject(BODY)), "dana", null);
            List<String> before = physicalRows(d, made.id());

            Hotfix edited = hotfixes.edit(
                    made.id(), made.version(), MergePatch.of(Json.object().put("owner", "Jonas")), "dana");

            assertThat(edited.owner()).isEqualTo("Jonas");
            assertThat(before).hasSize(4 + 6 + 4 + 1);
            assertThat(physicalRows(d, made.id())).isEqualTo(before);
            assertThat(hotfixes.get(made.id())).isEqualTo(edited);
        }
    }

    @BothDatabases
    void editsOfSystemsStepsAndFollowUps_readBackAsSent(TestDb db) {
        try (Database d = Database.open(db.url(), "", "", 2)) {
            LocalHotfixService hotfixes = service(d);
            Hotfix h = hotfixes.create(MergePatch.of(Json.parseObject(BODY)), "dana", null);
            List<String> patches = List.of(
                    "{\"systemsAffected\":[\"payments-gateway\",\"orders-db\",\"edge-proxy\",\"cdn\",\"dns\"]}",
                    "{\"systemsAffected\":[\"orders-db\"]}",
                    "{\"category\":\"capacity\"}",
                    "{\"detectedAt\":\"2026-10-04T02:00:00Z\"}",
                    "{\"followUps\":{\"postmortem\":{\"done\":true},\"properFix\":{\"description\":null}}}",
                    "{\"steps\":{\"minimalChange\":{\"done\":false},\"quickReview\":{\"done\":true,\"by\":\"Ana\"}}}",
                    "{\"problem\":\"a second secret: ghp_zyxwvutsrqponmlkjihgfedcba9876543210\"}",
                    "{\"systemsAffected\":[],\"category\":null}");
            for (String patch : patches) {
                h = hotfixes.edit(h.id(), h.version(), MergePatch.of(Json.parseObject(patch)), "dana");

                Hotfix now = h;
                assertThat(hotfixes.get(h.id())).as(patch).isEqualTo(now);
                assertThat(systemRows(d, h.id()))
                        .as(patch)
                        .containsExactlyElementsOf(now.systemsAffected().stream()
                                .map(s -> s + "|" + now.values().text("category") + "|"
                                        + now.timeline().detectedAt().toEpochMilli())
                                .toList());
            }
            assertThat(h.systemsAffected()).isEmpty();
            assertThat(h.followUps().get(FollowUpKind.POSTMORTEM).done()).isTrue();
            assertThat(h.followUps().get(FollowUpKind.PROPER_FIX).description()).isNull();
            assertThat(h.steps().get(StepKind.QUICK_REVIEW).by()).isEqualTo("Ana");
            assertThat(h.redactions()).hasSize(2);
        }
    }

    @BothDatabases
    void aTypedEdit_makesTheRevisionItsMergePatchWouldMake(TestDb db) {
        try (Database d = Database.open(db.url(), "", "", 2)) {
            LocalHotfixService hotfixes = service(d);
            Hotfix typed = hotfixes.create(MergePatch.of(Json.parseObject(BODY)), "dana", null);
            Hotfix patched = hotfixes.create(MergePatch.of(Json.parseObject(BODY)), "dana", null);
            for (Instant at : new Instant[] {Instant.parse("2026-10-04T03:00:00.123Z"), null}) {
                RecordEdit cleared = RecordEdit.set(RecordEdit.Moment.ALERTS_CLEARED, at);
                typed = hotfixes.edit(typed.id(), typed.version(), cleared, "alertmanager");
                patched = hotfixes.edit(patched.id(), patched.version(), cleared.asPatch(), "alertmanager");

                assertThat(typed.timeline().alertsClearedAt()).isEqualTo(at);
                assertThat(cleared.isHeldBy(typed)).isTrue();
                assertThat(hotfixes.get(typed.id())).isEqualTo(typed);
                assertThat(typed.timeline()).isEqualTo(patched.timeline());
                assertThat(typed.version()).isEqualTo(patched.version());
            }
            List<Revision> a = hotfixes.history(typed.id());
            List<Revision> b = hotfixes.history(patched.id());
            assertThat(a).hasSize(3);
            for (int i = 1; i < a.size(); i++) {
                assertThat(a.get(i).changes()).isEqualTo(b.get(i).changes());
                assertThat(a.get(i).action()).isEqualTo("edited");
            }
        }
    }

    private static LocalHotfixService service(Database d) {
        return new LocalHotfixService(
                d, Clock.systemUTC(), new SecretRedactor(), FollowUpDue.SEED, RecordListeners.NONE);
    }

    /** Each child row's physical place: rewritten rows (deleted and inserted) get a new one on both databases. */
    private static List<String> physicalRows(Database d, HotfixId id) {
        String place = d.dialect() == Dialect.SQLITE ? "CAST(rowid AS TEXT)" : "CAST(ctid AS TEXT)";
        return d.read(h -> CHILD_TABLES.stream()
                .flatMap(t -> h
                        .createQuery("SELECT " + place + " FROM " + t + " WHERE hotfix_id = :id ORDER BY 1")
                        .bind("id", id.toString())
                        .mapTo(String.class)
                        .list()
                        .stream()
                        .map(p -> t + ":" + p))
                .toList());
    }

    private static List<String> systemRows(Database d, HotfixId id) {
        return d.read(h -> h.createQuery(
                        "SELECT name, category, detected_at FROM hotfix_system WHERE hotfix_id = :id ORDER BY ordinal")
                .bind("id", id.toString())
                .map((rs, ctx) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getLong(3))
                .list());
    }
}
