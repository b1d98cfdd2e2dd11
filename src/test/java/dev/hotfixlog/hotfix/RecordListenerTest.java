package dev.hotfixlog.hotfix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotfixlog.hotfix.internal.LocalHotfixService;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.markdown.LocalMarkdownService;
import dev.hotfixlog.security.SecretRedactor;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.TestDb;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one seam for "a record changed": a listener a test registers hears every write path (create, edit, event,
 * import, delete) inside the writer's transaction, and a listener that throws undoes the write.
 */
class RecordListenerTest {
    /** Its HOTFIX-001 is the incident the tests declare first (same day), so the import updates that record. */
    private static final String PAGE = String.join(
            "\n",
            "## Active Hotfixes",
            "",
            "### [HOTFIX-001] Checkout 500s after the deploy",
            "",
            "**Severity:** high",
            "**Date/Time:** 2026-10-04 02:17",
            "**Problem:** the new retry doubled the load, as the import now says",
            "",
            "---",
            "",
            "### [HOTFIX-002] Logo missing on the login page",
            "",
            "**Severity:** medium",
            "**Date/Time:** 2026-10-05 09:00",
            "");

    /** What a listener heard: kind, the record's id, its title after (or before, when deleted), and the actor. */
    private record Heard(RecordChange.Kind kind, String id, String title, String actor, boolean hadBefore) {
        static Heard of(RecordChange c) {
            return new Heard(c.kind(), c.record().id().toString(), c.record().title(), c.actor(), c.before() != null);
        }
    }

    @BothDatabases
    void aRegisteredListener_hearsCreateEditEventImportAndDelete_inThatOrder(TestDb db) {
        List<Heard> heard = new ArrayList<>();
        try (Database d = Database.open(db.url(), "", "", 2)) {
            LocalHotfixService hotfixes = service(d, RecordListeners.of((h, c) -> heard.add(Heard.of(c))));
            LocalMarkdownService markdown =
                    new LocalMarkdownService(d, Clock.systemUTC(), hotfixes, new SecretRedactor());

            Hotfix made = hotfixes.create(
                    MergePatch.of(Json.object()
                            .put("title", "Checkout 500s")
                            .put("severity", "high")
                            .put("detectedAt", "2026-10-04T02:17:00Z")),
                    "dana",
                    null);
            Hotfix edited = hotfixes.edit(
                    made.id(),
                    made.version(),
                    MergePatch.of(Json.object().put("problem", "the retry doubled the load")),
                    "dana");
            hotfixes.record(made.id(), new LifecycleEvent(LifecycleEvent.Type.ALERTED, null, false), "sam");
            markdown.importLog(PAGE, false, "importer", n -> {});
            hotfixes.delete(new HotfixId(2), "admin");

            assertThat(heard)
                    .containsExactly(
                            new Heard(RecordChange.Kind.CREATED, "HOTFIX-001", "Checkout 500s", "dana", false),
                            new Heard(RecordChange.Kind.EDITED, "HOTFIX-001", "Checkout 500s", "dana", true),
                            new Heard(RecordChange.Kind.EVENT, "HOTFIX-001", "Checkout 500s", "sam", true),
                            new Heard(
                                    RecordChange.Kind.IMPORTED,
                                    "HOTFIX-001",
                                    "Checkout 500s after the deploy",
                                    "importer",
                                    true),
                            new Heard(
                                    RecordChange.Kind.IMPORTED,
                                    "HOTFIX-002",
                                    "Logo missing on the login page",
                                    "importer",
                                    false),
                            new Heard(
                                    RecordChange.Kind.DELETED,
                                    "HOTFIX-002",
                                    "Logo missing on the login page",
                                    "admin",
                                    true));
            assertThat(edited.version()).isEqualTo(2);
        }
    }

    @BothDatabases
    void aListenerThatThrows_undoesTheWrite_onEveryPath(TestDb db) {
        AtomicReference<RecordChange.Kind> refuse = new AtomicReference<>();
        RecordListener strict = (h, c) -> {
            if (c.kind() == refuse.get()) {
                throw new IllegalStateException("listener refuses " + c.kind());
            }
        };
        try (Database d = Database.open(db.url(), "", "", 2)) {
            LocalHotfixService hotfixes = service(d, RecordListeners.of(strict));
            LocalMarkdownService markdown =
                    new LocalMarkdownService(d, Clock.systemUTC(), hotfixes, new SecretRedactor());

            refuse.set(RecordChange.Kind.CREATED);
            assertThatThrownBy(() -> hotfixes.create(
                            MergePatch.of(Json.object().put("title", "Refused").put("severity", "high")), "dana", null))
                    .hasMessageContaining("listener refuses CREATED");
            assertThat(all(hotfixes)).isEmpty();

            refuse.set(null);
            Hotfix made = hotfixes.create(
                    MergePatch.of(Json.object()
                            .put("title", "Kept")
                            .put("severity", "high")
                            .put("detectedAt", "2026-10-04T02:17:00Z")),
                    "dana",
                    null);

            refuse.set(RecordChange.Kind.EDITED);
            assertThatThrownBy(() -> hotfixes.edit(
                            made.id(), 1, MergePatch.of(Json.object().put("title", "Changed")), "dana"))
                    .hasMessageContaining("EDITED");
            refuse.set(RecordChange.Kind.EVENT);
            assertThatThrownBy(() -> hotfixes.record(
                            made.id(), new LifecycleEvent(LifecycleEvent.Type.ALERTED, null, false), "dana"))
                    .hasMessageContaining("EVENT");
            Hotfix after = hotfixes.get(made.id());
            assertThat(after.title()).isEqualTo("Kept");
            assertThat(after.version()).isEqualTo(1);
            assertThat(after.timeline().alertedAt()).isNull();
            assertThat(hotfixes.history(made.id())).hasSize(1);

            refuse.set(RecordChange.Kind.IMPORTED);
            assertThatThrownBy(() -> markdown.importLog(PAGE, false, "importer", n -> {}))
                    .hasMessageContaining("IMPORTED");
            assertThat(all(hotfixes)).extracting(Hotfix::title).containsExactly("Kept");

            refuse.set(RecordChange.Kind.DELETED);
            assertThatThrownBy(() -> hotfixes.delete(made.id(), "admin")).hasMessageContaining("DELETED");
            assertThat(hotfixes.get(made.id()).title()).isEqualTo("Kept");
        }
    }

    private static LocalHotfixService service(Database d, RecordListeners listeners) {
        return new LocalHotfixService(d, Clock.systemUTC(), new SecretRedactor(), FollowUpDue.SEED, listeners);
    }

    private static List<Hotfix> all(HotfixService hotfixes) {
        return hotfixes.list(new HotfixQuery(null, null, 100, null)).items();
    }
}
