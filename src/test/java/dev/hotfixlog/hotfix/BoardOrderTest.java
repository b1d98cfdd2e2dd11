package dev.hotfixlog.hotfix;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The board's rows as the server writes them: worst severity first, then the longest running; the filters of its
 * URL (severity, system, the signed-in person's own) narrow the rows; a filter value the board does not know
 * shows everything; the "next step" is the first open step of the seed's process.
 */
class BoardOrderTest {
    private static final Pattern ROW_ID = Pattern.compile("<tr class=\"sev-[a-z-]+\" data-id=\"(HOTFIX-\\d+)\"");

    private static List<String> rows(Http http, String path) {
        Http.Response r = http.get(path);
        assertThat(r.status()).as(path).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        Matcher m = ROW_ID.matcher(r.body());
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    @BothDatabases
    void theBoardOrdersBySeverityThenAge_andItsUrlFiltersNarrowIt(TestDb db) {
        MutableClock clock = MutableClock.at("2026-10-04T02:00:00Z");
        try (db;
                RunningServer s = new RunningServer(db.config(), clock)) {
            Http api = s.http();
            String[][] seeds = {
                {"medium", "@rui", "search"},
                {"high", "ana", "payments"},
                {"critical", "Rui Costa <rui@example.com>", "payments"},
                {"high", "rui", "search"},
                {"critical", "ana", "search"},
            };
            for (String[] h : seeds) {
                api.post(
                        "/api/v1/hotfixes",
                        "{\"title\":\"Incident\",\"severity\":\"" + h[0] + "\",\"owner\":\"" + h[1]
                                + "\",\"systemsAffected\":[\"" + h[2] + "\"]}");
                clock.advance(Duration.ofMinutes(5));
            }
            api.post("/api/v1/hotfixes/HOTFIX-003/events", "{\"type\":\"alerted\"}");
            Http rui = s.as("rui", Role.RESPONDER);

            assertThat(rows(rui, "/"))
                    .containsExactly("HOTFIX-003", "HOTFIX-005", "HOTFIX-002", "HOTFIX-004", "HOTFIX-001");
            assertThat(rows(rui, "/?severity=high")).containsExactly("HOTFIX-002", "HOTFIX-004");
            assertThat(rows(rui, "/?system=payments")).containsExactly("HOTFIX-003", "HOTFIX-002");
            assertThat(rows(rui, "/?mine=true")).containsExactly("HOTFIX-003", "HOTFIX-004", "HOTFIX-001");
            assertThat(rows(rui, "/?mine=true&severity=critical&system=payments"))
                    .containsExactly("HOTFIX-003");
            assertThat(rows(rui, "/?severity=catastrophic&system="))
                    .as("an unknown severity filters nothing")
                    .hasSize(5);

            String board = rui.get("/").body();
            assertThat(board)
                    .contains("<time class=\"rel\" datetime=\"2026-10-04T02:10:00Z\">2026-10-04 02:10 UTC</time>")
                    .contains("<span class=\"visually-hidden\">next: </span>Make minimal change")
                    .contains("data-now=\"2026-10-04T02:25:00Z\"")
                    .doesNotContain("🚨");
            assertThat(rui.get("/?severity=high").body()).contains("<span class=\"count\">2 of 5</span>");
        }
    }
}
