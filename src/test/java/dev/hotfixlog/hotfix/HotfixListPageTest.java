package dev.hotfixlog.hotfix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The list of completed hotfixes: last six months by default, filters by severity and text, paging. */
class HotfixListPageTest {
    private static final Pattern ITEM = Pattern.compile("<a href=\"/hotfixes/(HOTFIX-\\d+)\">");
    private static final Pattern NEXT = Pattern.compile("<a class=\"button\" href=\"([^\"]+)\" rel=\"next\">");

    private static void completed(HotfixService service, String title, String severity) {
        Hotfix h =
                service.create(MergePatch.of(Json.object().put("title", title).put("severity", severity)), "t");
        service.record(h.id(), new LifecycleEvent(LifecycleEvent.Type.DEPLOYED, null, false), "t");
        service.record(h.id(), new LifecycleEvent(LifecycleEvent.Type.RESOLVED, null, false), "t");
    }

    private static long items(Http.Response r) {
        return ITEM.matcher(r.body()).results().count();
    }

    private static String next(Http.Response r) {
        Matcher m = NEXT.matcher(r.body());
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }

    @BothDatabases
    void completedHotfixes_lastSixMonths_filteredAndPaged(TestDb db) {
        MutableClock clock = MutableClock.at("2026-02-01T10:00:00Z");
        try (db;
                RunningServer s = new RunningServer(db.config(), clock)) {
            HotfixService service = s.app().hotfixes();
            completed(service, "Old payments outage", "critical");
            clock.set(Instant.parse("2026-10-04T02:17:00Z"));
            for (int i = 1; i <= 55; i++) {
                completed(service, "Payments outage " + i, "critical");
                clock.advance(Duration.ofMinutes(1));
            }
            completed(service, "Search index stale after 100% rollout", "high");
            completed(service, "Search_index broken", "high");
            service.create(
                    MergePatch.of(Json.object().put("title", "Still burning").put("severity", "high")), "t");

            Http.Response first = s.http().get("/hotfixes");
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.body())
                    .contains("<h1>Completed hotfixes</h1>")
                    .doesNotContain("Still burning")
                    .doesNotContain("Old payments outage");
            assertThat(items(first)).isEqualTo(50);
            Http.Response second = s.http().get(next(first));
            assertThat(items(second)).isEqualTo(7);
            assertThat(next(second)).isNull();
            assertThat(second.body()).contains("Payments outage 1<").doesNotContain("Old payments outage");

            assertThat(items(s.http().get("/hotfixes?status=completed&since=all&severity=critical&q=old")))
                    .as("any time finds the old one")
                    .isEqualTo(1);
            assertThat(items(s.http().get("/hotfixes?status=completed&severity=high")))
                    .isEqualTo(2);
            assertThat(items(s.http().get("/hotfixes?q=SEARCH")))
                    .as("case-insensitive")
                    .isEqualTo(2);
            assertThat(items(s.http().get("/hotfixes?q=100%25")))
                    .as("a typed % is a percent sign")
                    .isEqualTo(1);
            assertThat(items(s.http().get("/hotfixes?q=h_i")))
                    .as("a typed _ matches only an underscore")
                    .isEqualTo(1);
            assertThat(items(s.http().get("/hotfixes?status=active"))).isEqualTo(1);
            assertThat(items(s.http().get("/hotfixes?status=all&since=all"))).isEqualTo(50);

            Http.Response bad = s.http().get("/hotfixes?severity=urgent");
            assertThat(bad.status()).isEqualTo(422);
            assertThat(bad.body()).contains("severity");
        }
    }
}
