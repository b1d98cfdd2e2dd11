package dev.hotfixlog.hotfix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.App;
import dev.hotfixlog.Setting;
import dev.hotfixlog.error.HotfixLogException;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.TestDb;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * The record a write answers with is exactly the record a read gives back afterwards, for generated runs of
 * edits and stamps over every kind of field (text with secrets and odd spacing, systems, steps, follow-ups, times,
 * and a team's typed fields). It is what the API promises (a PATCH's body is the new state), and what lets an edit
 * start from the copy the previous write left ({@code RecordCache}) instead of reading the record back: a copy
 * that differed from the stored record would make the next edit's diff and revision wrong.
 */
class WrittenCopyProperties {
    private static final String FIELDS = """
            [{"name":"region","type":"choice","choices":["eu","us","apac"]},
             {"name":"customerFacing","type":"yesNo"},
             {"name":"slaBreachedOn","type":"date","section":"when"},
             {"name":"affectedUsers","type":"number"},
             {"name":"channels","type":"multiChoice","choices":["web","ios","android"]},
             {"name":"customerNote","type":"longText"}]""";

    private static final List<String> PATCHES = List.of(
            "{\"owner\":\"Jonas\"}",
            "{\"owner\":\"  Ana  Lima \"}",
            "{\"title\":\"Checkout 502 — again 🚨\"}",
            "{\"problem\":\"token=ghp_abcdefghijklmnopqrstuvwxyz0123456789 leaked\"}",
            "{\"problem\":null}",
            "{\"impact\":\"line one\\r\\nline two\\n\\n\"}",
            "{\"systemsAffected\":[\"payments-gateway\",\"orders-db\"]}",
            "{\"systemsAffected\":[\"orders-db\",\"cdn\",\"dns\",\"edge-proxy\"]}",
            "{\"systemsAffected\":[]}",
            "{\"category\":\"certificates\"}",
            "{\"category\":null}",
            "{\"severity\":\"high\"}",
            "{\"severity\":\"critical\"}",
            "{\"detectedAt\":\"2026-11-22T09:00:00Z\"}",
            "{\"detectedAt\":\"2026-11-22T09:10:00.123+02:00\"}",
            "{\"steps\":{\"minimalChange\":{\"done\":true,\"by\":\"Ana\"}}}",
            "{\"steps\":{\"minimalChange\":{\"done\":false},\"quickReview\":{\"done\":true}}}",
            "{\"followUps\":{\"postmortem\":{\"description\":\"with payments\",\"owner\":\"Ana\","
                    + "\"dueAt\":\"2026-12-01T10:00:00Z\"}}}",
            "{\"followUps\":{\"postmortem\":{\"done\":true}}}",
            "{\"followUps\":{\"properFix\":{\"description\":\"pin the root\",\"link\":\"https://wiki.example.com/a\"}}}",
            "{\"followUps\":{\"properFix\":{\"description\":null}}}",
            "{\"fields\":{\"region\":\"EU\",\"customerFacing\":true}}",
            "{\"fields\":{\"affectedUsers\":3}}",
            "{\"fields\":{\"affectedUsers\":3.5,\"slaBreachedOn\":\"2026-11-23\"}}",
            "{\"fields\":{\"channels\":[\"ios\",\"web\"],\"customerNote\":\"said *sorry*\"}}",
            "{\"fields\":{\"channels\":null,\"region\":null,\"affectedUsers\":null}}",
            "{\"duration\":\"PT45M\"}",
            "{\"triage\":{\"productionDown\":true,\"canWait\":false}}",
            "alerted",
            "deployed",
            "resolved");

    /** One log per property (jqwik makes an instance per property), a new record per try. */
    private TestDb db;

    private App app;
    private final MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");

    @Property(tries = 30)
    void whatAWriteAnswers_isWhatAReadGivesBack_onSqlite(@ForAll("runs") List<String> run) {
        check(open(TestDb::sqlite), run);
    }

    @Property(tries = 12)
    void whatAWriteAnswers_isWhatAReadGivesBack_onPostgres(@ForAll("runs") List<String> run) {
        check(open(TestDb::postgres), run);
    }

    private HotfixService open(Supplier<TestDb> database) {
        if (app == null) {
            db = database.get();
            app = App.open(db.config(Map.of(Setting.FIELDS, FIELDS)), clock);
        }
        return app.hotfixes();
    }

    @AfterProperty
    void close() {
        if (app != null) {
            app.close();
            db.close();
        }
    }

    @Provide
    Arbitrary<List<String>> runs() {
        return Arbitraries.of(PATCHES).list().ofMinSize(1).ofMaxSize(8);
    }

    private void check(HotfixService hotfixes, List<String> run) {
        Hotfix h = hotfixes.create(
                MergePatch.of(Json.parseObject("{\"title\":\"Checkout 502\",\"severity\":\"critical\","
                        + "\"owner\":\"Priya\",\"systemsAffected\":[\"payments-gateway\"]}")),
                "dana",
                null);
        assertThat(hotfixes.get(h.id())).as("created").isEqualTo(h);
        for (String step : run) {
            clock.advance(Duration.ofSeconds(61));
            try {
                h = step.startsWith("{")
                        ? hotfixes.edit(h.id(), h.version(), MergePatch.of(Json.parseObject(step)), "dana")
                        : hotfixes.record(
                                h.id(),
                                new LifecycleEvent(LifecycleEvent.Type.parse("type", step), null, false),
                                "dana");
            } catch (HotfixLogException refused) {
                // A step the record's rules refuse here (a stamp out of order, a resolve before a deploy)
                // changes nothing: the record stays as the last write left it.
            }
            assertThat(hotfixes.get(h.id())).as(step + " in " + run).isEqualTo(h);
        }
    }
}
