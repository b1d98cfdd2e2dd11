package dev.hotfixlog.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.App;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixQuery;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.markdown.EvidenceFolder;
import dev.hotfixlog.markdown.ImportReport;
import dev.hotfixlog.markdown.LogFormat;
import dev.hotfixlog.markdown.LogPage;
import dev.hotfixlog.risk.NewRisk;
import dev.hotfixlog.risk.Risk;
import dev.hotfixlog.risk.RiskDecision;
import dev.hotfixlog.risk.RiskQuery;
import dev.hotfixlog.risk.RiskState;
import dev.hotfixlog.security.Sha256;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.TestDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A full export carries the risk register and the evidence, and an import into an empty log of the other database
 * kind brings them back: every risk as it stood (state, review date, controls, who accepted it, its history), every
 * attachment byte for byte with its name, note and who added it; and exporting that log gives the same page.
 * Generated logs: hotfixes with and without Risk Accepted, risks added by hand and retired, mitigated or accepted
 * again, screenshots and logs (texts with table bars, fences and other languages' letters).
 */
class EvidenceRoundTripProperties {
    private static final List<String> WORDS = List.of(
            "Pinning",
            "off",
            "|",
            "a | b",
            "```",
            "~~~",
            "Ünïcödé",
            "日本語",
            "🚨",
            "no load test",
            "retry may double-charge",
            "**bold**",
            "\\",
            "<b>x</b>",
            "→",
            "'q'",
            "\"dq\"");

    /** One generated hotfix: its Risk Accepted, risks added by hand (statement, what happens to it), files. */
    record Spec(String riskAccepted, List<String> handRisks, List<Integer> fates, List<byte[]> files) {}

    @Property(tries = 12)
    void aFullExport_bringsRisksAndEvidenceBack_intoTheOtherDatabase(
            @ForAll("logs") List<Spec> log, @ForAll boolean fromSqlite) throws Exception {
        MutableClock clock = MutableClock.at("2026-12-03T02:17:00Z");
        Path dir = Files.createTempDirectory("evidence-roundtrip-");
        Path page = dir.resolve("log.md");
        try (TestDb a = fromSqlite ? TestDb.sqlite() : TestDb.postgres();
                TestDb b = fromSqlite ? TestDb.postgres() : TestDb.sqlite();
                App source = App.local(a.config(), clock)) {
            fill(source, clock, log);
            String exported = source.markdown().export(LogFormat.FULL);
            Files.writeString(page, exported);
            EvidenceFolder.write(
                    page, exported, sha -> source.attachments().contentOf(sha).bytes());
            try (App target = App.local(b.config(), clock)) {
                ImportReport r = target.markdown()
                        .importLog(
                                LogPage.of(Files.readString(page), EvidenceFolder.beside(page, 10 << 20)),
                                false,
                                "importer",
                                n -> {});
                assertThat(r.skipped()).as("nothing left behind").noneMatch(s -> s.contains("not attached"));
                assertThat(risks(target)).isEqualTo(risks(source));
                assertThat(evidence(target)).isEqualTo(evidence(source));
                assertThat(target.markdown().export(LogFormat.FULL))
                        .as("the same page again")
                        .isEqualTo(exported);
                // Imported again: nothing doubles.
                target.markdown()
                        .importLog(
                                LogPage.of(Files.readString(page), EvidenceFolder.beside(page, 10 << 20)),
                                false,
                                "importer",
                                n -> {});
                assertThat(evidence(target)).isEqualTo(evidence(source));
                assertThat(risks(target)).isEqualTo(risks(source));
            }
        }
    }

    private static void fill(App app, MutableClock clock, List<Spec> log) {
        for (Spec s : log) {
            var fields = Json.object()
                    .put("title", "Checkout 502")
                    .put("severity", "critical")
                    .put("owner", "Priya");
            if (s.riskAccepted() != null) {
                fields.put("riskAccepted", s.riskAccepted());
            }
            Hotfix h = app.hotfixes().create(MergePatch.of(fields), "priya");
            clock.advance(Duration.ofMinutes(3));
            for (int i = 0; i < s.handRisks().size(); i++) {
                Risk r = app.risks()
                        .add(
                                new NewRisk(
                                        h.id().toString(),
                                        s.handRisks().get(i),
                                        "Jonas",
                                        RiskDecision.MITIGATE,
                                        "refund script",
                                        null,
                                        null),
                                "jonas");
                clock.advance(Duration.ofMinutes(1));
                switch (s.fates().get(i) % 4) {
                    case 1 -> app.risks().retire(r.id(), "shipped | done", "jonas");
                    case 2 -> app.risks().mitigate(r.id(), "feature flag ```off```", "jonas");
                    case 3 ->
                        app.risks().reaccept(r.id(), clock.instant().plus(Duration.ofDays(40)), "next sprint", "jonas");
                    default -> {}
                }
            }
            int n = 0;
            for (byte[] f : s.files()) {
                boolean png = f.length > 8 && (f[0] & 0xFF) == 0x89;
                app.attachments()
                        .add(
                                Owner.hotfix(h.id()),
                                new Upload(
                                        (png ? "graph-" : "pod | ") + (n++) + (png ? ".png" : ".log"),
                                        n % 2 == 0 ? null : "at 02:1" + n,
                                        f),
                                "priya");
                clock.advance(Duration.ofSeconds(20));
            }
        }
        clock.advance(Duration.ofDays(20)); // some reviews are past due: "expired" must read the same
    }

    /** Every risk as it stands, without the log's own numbers. */
    private static List<String> risks(App app) {
        List<String> out = new ArrayList<>();
        for (RiskState st : List.of(RiskState.RETIRED)) {
            app.risks().list(new RiskQuery(st, null, null, null, 1000)).forEach(r -> out.add(describe(app, r)));
        }
        app.risks().list(new RiskQuery(null, null, null, null, 1000)).forEach(r -> out.add(describe(app, r)));
        out.sort(null);
        return out;
    }

    private static String describe(App app, Risk r) {
        return String.join(
                " ¦ ",
                r.hotfixId(),
                String.valueOf(r.fromRecord()),
                r.statement(),
                String.valueOf(r.owner()),
                r.acceptedBy(),
                r.acceptedAt().toString(),
                r.decision().json(),
                String.valueOf(r.controls()),
                String.valueOf(r.properFix()),
                r.reviewBy().toString(),
                r.state().json(),
                String.valueOf(r.retiredAt()),
                String.valueOf(r.retireReason()),
                String.valueOf(r.retiredByFix()),
                app.risks().history(r.id()).toString());
    }

    /** Every hotfix's evidence: name, note, who and when, and the bytes' hash as served. */
    private static Map<String, List<String>> evidence(App app) {
        Map<String, List<String>> out = new TreeMap<>();
        for (Hotfix h : app.hotfixes()
                .list(new HotfixQuery(null, null, HotfixQuery.MAX_LIMIT, null))
                .items()) {
            List<String> files = new ArrayList<>();
            for (Attachment a : app.attachments().list(Owner.hotfix(h.id()), false)) {
                byte[] bytes = app.attachments().content(a.id()).bytes();
                files.add(String.join(
                        " ¦ ",
                        a.fileName(),
                        String.valueOf(a.note()),
                        a.type().json(),
                        a.addedBy(),
                        a.addedAt().toString(),
                        Sha256.hex(bytes),
                        a.sha256()));
            }
            out.put(h.id().toString(), files);
        }
        return out;
    }

    @Provide
    Arbitrary<List<Spec>> logs() {
        Arbitrary<String> text = Arbitraries.of(WORDS)
                .list()
                .ofMinSize(1)
                .ofMaxSize(5)
                .map(w -> String.join(" ", w))
                .filter(t -> !t.isBlank());
        Arbitrary<byte[]> png = Arbitraries.integers().between(0, 1000).map(Evidence::png);
        Arbitrary<byte[]> log = text.list()
                .ofMinSize(1)
                .ofMaxSize(6)
                .map(lines -> (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        Arbitrary<Spec> spec = Combinators.combine(
                        text.injectNull(0.4),
                        text.list().ofMaxSize(2),
                        Arbitraries.integers().between(0, 3).list().ofSize(2),
                        Arbitraries.oneOf(png, log).list().ofMaxSize(3))
                .as(Spec::new);
        return spec.list().ofMinSize(1).ofMaxSize(3);
    }
}
