package dev.hotfixlog.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.hotfix.FieldValues;
import dev.hotfixlog.hotfix.FollowUp;
import dev.hotfixlog.hotfix.FollowUpKind;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixJson;
import dev.hotfixlog.hotfix.Redaction;
import dev.hotfixlog.hotfix.Severity;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.hotfix.Step;
import dev.hotfixlog.hotfix.StepKind;
import dev.hotfixlog.hotfix.Timeline;
import dev.hotfixlog.hotfix.Triage;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * {@code import(export_full(x))} equals {@code x}, and export is stable (export → import → export gives the same
 * bytes), for generated records full of what breaks Markdown: Unicode, pipes, emphasis, code fences, headings,
 * placeholders, empty and multi-line fields. Each try imports into a real database; on both.
 */
class MarkdownRoundTripProperties {
    private static final List<String> PIECES = List.of(
            "Checkout",
            "returns",
            "502",
            "Ünïcödé",
            "日本語",
            "🚨",
            "|",
            "a | b | c",
            "**bold**",
            "_em_",
            "`code`",
            "```",
            "~~~",
            "~~~~~",
            "\n",
            "\n\n",
            "  ",
            "[x]",
            "[ ]",
            "[link](https://example.com/a?b=1&c=2)",
            "- item",
            "* item",
            "# heading",
            "### 🚨 [HOTFIX-9] fake",
            "#### The Fix",
            "---",
            "> quote",
            "\\",
            "<b>bold</b>",
            "&amp;",
            ":",
            "Problem:",
            "**Impact:** x",
            "\t",
            "[Best guess at cause]",
            "- [x] **Post-mortem scheduled** for x",
            "1. one",
            "    indented",
            "**Duration:** 5 min | **Follow-up:** Done | **Learning:** x",
            "```json\n{}\n```",
            "→",
            "'quoted'");
    private static final List<String> LINE_PIECES =
            PIECES.stream().filter(p -> !p.contains("\n")).toList();

    private final AtomicLong ids = new AtomicLong(100);
    private final TestDb sqlite = TestDb.sqlite();
    private final RunningServer onSqlite = new RunningServer(sqlite.config(), MutableClock.at("2026-11-22T10:00:00Z"));
    private TestDb postgres;
    private RunningServer onPostgres;

    @AfterProperty
    void close() {
        onSqlite.close();
        sqlite.close();
        if (onPostgres != null) {
            onPostgres.close();
            postgres.close();
        }
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void fullExport_roundTrips_andIsStable_onSqlite(@ForAll("records") Hotfix x) {
        roundTrip(onSqlite, x);
    }

    @Property(tries = 150, edgeCases = EdgeCasesMode.MIXIN)
    void fullExport_roundTrips_andIsStable_onPostgres(@ForAll("records") Hotfix x) {
        if (onPostgres == null) {
            postgres = TestDb.postgres();
            onPostgres = new RunningServer(postgres.config(), MutableClock.at("2026-11-22T10:00:00Z"));
        }
        roundTrip(onPostgres, x);
    }

    /**
     * A whole page keeps its own lines in a full export: its title, the lines under it (an intro quote, a note)
     * and a section the log does not read, each where it stood.
     */
    @Property(tries = 100, edgeCases = EdgeCasesMode.MIXIN)
    void aWholePage_keepsItsTitleTopLinesAndOwnSections(
            @ForAll("pageLines") List<String> top, @ForAll("pageLines") List<String> notes) {
        String title = "# Payments team: hotfixes";
        String topText = String.join("\n", top);
        String section = "## Team Notes\n\n" + String.join("\n", notes);
        String page = title + "\n\n" + topText + "\n\n## Active Hotfixes\n\n---\n\n" + section + "\n\n"
                + "## Completed Hotfixes\n\n";
        onSqlite.app().markdown().importLog(page, false, "prop", n -> {});
        String full = onSqlite.app().markdown().export(LogFormat.FULL);
        assertThat(full)
                .startsWith(title + "\n\n" + topText + "\n\n## Active Hotfixes\n")
                .contains("\n" + section + "\n\n## Completed Hotfixes");
        assertThat(onSqlite.app().markdown().export(LogFormat.FULL))
                .as("stable")
                .isEqualTo(full);
    }

    @Provide
    Arbitrary<List<String>> pageLines() {
        // Lines that stay where they are: not a heading of the page's own parts, not blank at either end.
        Arbitrary<String> line = text(LINE_PIECES)
                .filter(l -> !l.startsWith("#") && !l.isBlank() && l.equals(l.strip()) && !l.startsWith("---"));
        return line.list().ofMinSize(1).ofMaxSize(4);
    }

    private void roundTrip(RunningServer s, Hotfix generated) {
        Hotfix x = generated.withIdentity(
                new HotfixId(ids.incrementAndGet()), 1, generated.createdAt(), generated.updatedAt());
        String exported = LogWriter.one(x, LogWriter.Beyond.NONE);
        String page = "## " + (x.status() == Status.COMPLETED ? "Completed" : "Active") + " Hotfixes\n\n" + exported;
        ImportReport r = s.app().markdown().importLog(page, false, "prop", n -> {});
        assertThat(r.created()).containsExactly(x.id().toString());
        Hotfix back = s.app().hotfixes().get(x.id());
        assertThat(back.status()).isEqualTo(x.status());
        assertThat(HotfixJson.editable(back)).as(exported).isEqualTo(HotfixJson.editable(x));
        assertThat(back.redactions()).as("where secrets were masked").isEqualTo(x.redactions());
        assertThat(s.app().markdown().exportOne(x.id())).as("export is stable").isEqualTo(exported);
        ImportReport again = s.app().markdown().importLog(page, false, "prop", n -> {});
        assertThat(again.unchanged()).containsExactly(x.id().toString());
    }

    @Provide
    Arbitrary<Hotfix> records() {
        Arbitrary<String> text = text(PIECES).injectNull(0.3);
        Arbitrary<String> line = text(LINE_PIECES).map(String::strip).filter(t -> !t.isEmpty() && t.length() <= 200);
        // Mostly this decade; also the years people mistype: before year 1 (-0001 must not come back as 0002)
        // and far ahead.
        Arbitrary<Instant> detected = Arbitraries.frequencyOf(
                        Tuple.of(8, Arbitraries.longs().between(1_700_000_000_000L, 1_800_000_000_000L)),
                        Tuple.of(1, Arbitraries.longs().between(-377_705_116_800_000L, -62_135_596_800_001L)),
                        Tuple.of(
                                1,
                                Arbitraries.longs()
                                        .between(
                                                253_402_300_799_000L - 86_400_000L * 400,
                                                253_402_300_799_000L - 86_400_000L * 4)))
                .map(Instant::ofEpochMilli);
        Arbitrary<List<Long>> gaps =
                Arbitraries.longs().between(0, 86_400_000L).list().ofSize(3);
        Arbitrary<Duration> explicit =
                Arbitraries.longs().between(1, 400_000).map(Duration::ofSeconds).injectNull(0.5);
        Arbitrary<Status> status = Arbitraries.of(Status.class);
        Arbitrary<List<String>> systems = line.list().ofMaxSize(4);
        Arbitrary<List<String>> texts = text.list().ofSize(13);
        Arbitrary<List<Boolean>> flags = Arbitraries.of(true, false).list().ofSize(12);
        return Combinators.combine(
                        line,
                        Arbitraries.of(Severity.class),
                        line.injectNull(0.3),
                        texts,
                        systems,
                        detected,
                        gaps,
                        explicit)
                .as((title, sev, owner, t, sys, det, gap, dur) ->
                        new Object[] {title, sev, owner, t, sys, det, gap, dur})
                .flatMap(a -> Combinators.combine(
                                status,
                                flags,
                                text,
                                line.injectNull(0.5),
                                Arbitraries.integers().between(1, 5).injectNull(0.3),
                                redactions())
                        .as((st, f, desc, who, confidence, masked) -> build(a, st, f, desc, who, confidence, masked)));
    }

    /** Where secrets had been masked: the record carries the notes, and a full export must too. */
    private static Arbitrary<List<Redaction>> redactions() {
        Arbitrary<Redaction> one = Combinators.combine(
                        Arbitraries.of(
                                "problem", "systemsAffected[1]", "followUps.postmortem.description", "rollbackPlan"),
                        Arbitraries.of("private-key", "github-token", "password-in-url"),
                        Arbitraries.longs()
                                .between(1_700_000_000_000L, 1_800_000_000_000L)
                                .map(Instant::ofEpochMilli))
                .as(Redaction::new);
        return one.list().ofMaxSize(3);
    }

    @SuppressWarnings("unchecked")
    private static Hotfix build(
            Object[] a,
            Status status,
            List<Boolean> f,
            String desc,
            String who,
            Integer confidence,
            List<Redaction> redactions) {
        List<String> t = (List<String>) a[3];
        Instant detected = (Instant) a[5];
        List<Long> gap = (List<Long>) a[6];
        Instant alerted = f.get(0) ? detected.plusMillis(gap.get(0)) : null;
        Instant deployed = status != Status.ACTIVE ? detected.plusMillis(gap.get(1)) : null;
        Instant resolved =
                status == Status.COMPLETED ? detected.plusMillis(gap.get(0) + gap.get(1) + gap.get(2)) : null;
        Duration explicit = (Duration) a[7];
        Timeline timeline = new Timeline(f.get(1) ? detected : null, alerted, deployed, resolved, explicit);
        Map<StepKind, Step> steps = new EnumMap<>(StepKind.class);
        int i = 2;
        for (StepKind k : StepKind.values()) {
            steps.put(
                    k,
                    f.get(i++ % 12) ? Step.doneAt(detected.plusSeconds(60), who == null ? "Priya" : who) : Step.OPEN);
        }
        Map<FollowUpKind, FollowUp> followUps = new EnumMap<>(FollowUpKind.class);
        for (FollowUpKind k : FollowUpKind.values()) {
            boolean done = f.get(i++ % 12);
            followUps.put(
                    k,
                    new FollowUp(
                            k == FollowUpKind.PROPER_FIX ? desc : t.get(9 + k.ordinal() % 4),
                            who,
                            f.get(i % 12) ? detected.plusSeconds(172_800) : null,
                            done,
                            done ? detected.plusSeconds(3600) : null,
                            f.get((i + 1) % 12) ? "https://tracker.example/T-1" : null));
        }
        Map<String, Object> values = new HashMap<>();
        String[] texts = {
            "problem", "impact", "whyEmergency", "changeMade", "rollbackPlan", "rootCause", "riskAccepted", "monitoring"
        };
        for (int k = 0; k < texts.length; k++) {
            values.put(texts[k], t.get(k));
        }
        values.put("category", who);
        String[] writeUp = {"constraint", "signal", "boundary", "operatingRule", "learning"};
        for (int k = 0; k < writeUp.length; k++) {
            values.put(writeUp[k], t.get(8 + k));
        }
        values.put("postmortemUrl", desc);
        values.put("confidence", confidence);
        return new Hotfix(
                new HotfixId(1),
                (String) a[0],
                (Severity) a[1],
                (String) a[2],
                (List<String>) a[4],
                timeline,
                status,
                new Triage(f.get(10) ? Boolean.TRUE : null, f.get(11) ? Boolean.FALSE : null),
                steps,
                followUps,
                new FieldValues(values),
                FieldValues.EMPTY,
                1,
                detected,
                detected,
                redactions);
    }

    private static Arbitrary<String> text(List<String> pieces) {
        return Arbitraries.of(pieces)
                .list()
                .ofMinSize(1)
                .ofMaxSize(8)
                .map(ps -> String.join(" ", ps))
                .filter(s -> !s.isBlank());
    }
}
