package dev.hotfixlog.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.App;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.TestDb;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Import → {@code log} export gives the page back byte for byte, for generated pages in the seed template's shape
 * with what people vary: emoji or none, bold or plain labels, hard-break spaces or none, duration and time
 * spellings, labels out of order, extra sections in an entry and on the page, rows of the patterns, trailing line
 * breaks, CRLF. Each try imports into an empty log of its own, on both databases.
 */
class FaithfulExportProperties {
    private static final List<String> SEVERITIES =
            List.of("🔴 Critical", "Critical", "critical", "🟡 High", "High", "🔵 Medium", "medium", "🔵 Medium ");
    private static final List<String> DURATIONS =
            List.of("45 min", "1h 30m", "2 hours", "38 minutes", "1 hour 10 minutes", "90m", "[How long to implement]");
    private static final List<String> TIMES =
            List.of("2026-10-04 02:17", "2026-10-04 02:17:30", "2026-09-30 23:59", "[YYYY-MM-DD HH:MM]");
    private static final List<String> WORDS = List.of(
            "Checkout returns 502",
            "Search index stale",
            "payments-gateway (config/tls/chain.pem)",
            "`payments.pinning` flag",
            "Ünïcödé 日本語 🚨",
            "a | b",
            "**bold** and _em_",
            "[link](https://example.com/a?b=1)",
            "[Best guess at cause]");

    @Property(tries = 30)
    void anImportedPage_comesBackAsWritten_onSqlite(@ForAll("pages") String page) {
        try (TestDb db = TestDb.sqlite()) {
            roundTrip(db, page);
        }
    }

    @Property(tries = 10)
    void anImportedPage_comesBackAsWritten_onPostgres(@ForAll("pages") String page) {
        try (TestDb db = TestDb.postgres()) {
            roundTrip(db, page);
        }
    }

    private static void roundTrip(TestDb db, String page) {
        try (App app = App.open(db.config(), MutableClock.at("2026-11-22T10:00:00Z"))) {
            app.markdown().importLog(page, false, "ana", n -> {});
            assertThat(app.markdown().export(LogFormat.LOG)).isEqualTo(page);
        }
    }

    @Provide
    Arbitrary<String> pages() {
        Arbitrary<List<String>> active = entry().list().ofMaxSize(3);
        Arbitrary<List<String>> completed = oneLine().list().ofMaxSize(2);
        Arbitrary<String> patterns = Combinators.combine(
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 3))
                .as(FaithfulExportProperties::patterns);
        Arbitrary<String> tail = Arbitraries.of("", "\n", "\n\n", "\n\n\n");
        Arbitrary<String> extra = Arbitraries.of("", "## Team Notes\n\nOn call: ask in #incidents.\n\n---\n\n");
        return Combinators.combine(
                        Arbitraries.of("# Hotfix Log: Emergency Changes Record", "# Team log"),
                        active,
                        completed,
                        patterns,
                        extra,
                        tail,
                        Arbitraries.of(false, true))
                .as((title, a, c, p, x, t, crlf) -> {
                    StringBuilder s = new StringBuilder(title).append("\n\n> Break glass, then write it down.\n\n");
                    s.append("## Active Hotfixes\n\n");
                    for (int i = 0; i < a.size(); i++) {
                        s.append(a.get(i).replace("HOTFIX-N", "HOTFIX-" + String.format("%03d", 10 + i)));
                    }
                    s.append(x).append("## Completed Hotfixes (Last 6 Months)\n\n");
                    for (int i = 0; i < c.size(); i++) {
                        s.append(c.get(i).replace("HOTFIX-N", "HOTFIX-" + String.format("%03d", 1 + i)));
                    }
                    s.append("---\n\n").append(p);
                    String text = s.toString().stripTrailing() + t;
                    return crlf ? text.replace("\n", "\r\n") : text;
                });
    }

    private static String patterns(int types, int signs) {
        if (types == 0 && signs == 0) {
            return "";
        }
        StringBuilder s = new StringBuilder("## Hotfix Patterns & Prevention\n\n### Common Emergency Types\n\n");
        for (int i = 1; i <= types; i++) {
            s.append("- **Type ")
                    .append(i)
                    .append(":** Kind ")
                    .append(i)
                    .append(" - **Prevention:** Check ")
                    .append(i)
                    .append('\n');
        }
        s.append("\n### Warning Signs\n\n*Metrics/behaviors that predict emergencies:*\n\n");
        for (int i = 1; i <= signs; i++) {
            s.append("- **Signal ")
                    .append(i)
                    .append(":** Metric ")
                    .append(i)
                    .append(i % 2 == 0 ? " -> " : " → ")
                    .append("**Threshold:** over ")
                    .append(i * 10)
                    .append('\n');
        }
        return s.append('\n').toString();
    }

    private static Arbitrary<String> entry() {
        Arbitrary<String> br = Arbitraries.of("  ", "");
        Arbitrary<String> word = Arbitraries.of(WORDS);
        Arbitrary<String> head = Combinators.combine(
                        Arbitraries.of("### 🚨 [HOTFIX-N] ", "### [HOTFIX-N] "),
                        Arbitraries.of("Checkout returns 502", "Login loop", "Queue stalled"))
                .as(String::concat);
        Arbitrary<List<String>> first = Combinators.combine(
                        Arbitraries.of(TIMES),
                        Arbitraries.of(SEVERITIES),
                        Arbitraries.of(DURATIONS),
                        Arbitraries.of("Priya Raman", "[Person who made the change]"),
                        Arbitraries.of("**", ""))
                .as((t, sev, d, who, b) -> new ArrayList<>(List.of(
                        b + "Date/Time:" + b + " " + t,
                        b + "Severity:" + b + " " + sev,
                        b + "Duration:" + b + " " + d,
                        b + "Who:" + b + " " + who)));
        Arbitrary<List<String>> ordered = Combinators.combine(first, Arbitraries.of(false, true))
                .as((l, swap) -> {
                    if (swap) {
                        Collections.swap(l, 1, 3);
                    }
                    return l;
                });
        Arbitrary<String> boxes = Combinators.combine(
                        Arbitraries.of(" ", "x"),
                        Arbitraries.of(" ", "x"),
                        Arbitraries.of("for 2026-10-06 with Priya", "for [Date] with [People]"),
                        Arbitraries.of("Bound the retries", "[Brief description]"))
                .as((m1, m2, pm, fix) -> "- [" + m1 + "] **Post-mortem scheduled** " + pm + "\n- [" + m2
                        + "] **Proper fix planned** - " + fix
                        + "\n- [ ] **Process improvement** - [What should prevent this]\n"
                        + "- [ ] **Documentation updates** - [What docs need updating]\n");
        Arbitrary<String> extra = Arbitraries.of("", "#### Timeline\n\n- 02:17 paged\n- 02:31 fixed\n\n");
        return Combinators.combine(head, ordered, br, word, word, boxes, extra)
                .as((h, labels, b, w1, w2, fu, x) ->
                        h + "\n\n" + String.join(b + "\n", labels) + "\n\n#### The Emergency\n\n**Problem:** " + w1 + b
                                + "\n**Impact:** " + w2 + b + "\n**Why Emergency:** Revenue stopped\n\n#### The Fix\n\n"
                                + "**Change Made:** " + w2 + b + "\n**Files/Systems Affected:** checkout-api, " + w1 + b
                                + "\n**Rollback Plan:** [How to undo if it makes things worse]\n\n" + x
                                + "#### Follow-up Required\n\n" + fu + "\n---\n\n");
    }

    private static Arbitrary<String> oneLine() {
        return Combinators.combine(
                        Arbitraries.of("Login loop for SSO users", "Billing double charge"),
                        Arbitraries.of("2026-09-21", "2026-01-02"),
                        Arbitraries.of(DURATIONS),
                        Arbitraries.of("Done", "Proper fix in progress", "[Status]"),
                        Arbitraries.of("**Post-mortem:** https://wiki.example.com/pm/1\n\n", ""))
                .as((t, d, dur, fu, pm) -> "### 🚨 [HOTFIX-N] " + t + " - " + d + "\n\n**Duration:** " + dur
                        + " | **Follow-up:** " + fu + " | **Learning:** Test SSO in the release checklist.\n\n" + pm);
    }
}
