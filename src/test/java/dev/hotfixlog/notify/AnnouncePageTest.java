package dev.hotfixlog.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.Setting;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.util.Map;

/** The preview page tells "no channel at all" from "none for this severity", and asks for an ETA only when used. */
class AnnouncePageTest {
    private static final String DECLARE = "{\"title\":\"Checkout 502\",\"severity\":\"medium\"}";

    @BothDatabases
    void withNoChannelAtAll_thePageAndTheApiSaySo(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            Http api = s.http();
            api.post("/api/v1/hotfixes", DECLARE);
            String page = api.get("/hotfixes/HOTFIX-001/announce/stakeholder").body();
            assertThat(page)
                    .contains("No channel is configured yet, so nothing can be sent from here.")
                    .doesNotContain("for this hotfix's severity");
            assertThat(api.get("/api/v1/hotfixes/HOTFIX-001/messages/stakeholder")
                            .json()
                            .path("anyChannel")
                            .asBoolean())
                    .isFalse();
            Http.Response sent = api.post("/api/v1/hotfixes/HOTFIX-001/messages/stakeholder", "{}");
            assertThat(sent.status()).isEqualTo(409);
            assertThat(sent.json().path("detail").asText())
                    .startsWith("no channel is configured, so nothing can be sent");
        }
    }

    @BothDatabases
    void aChannelForOtherSeverities_isNamedAsSuch_andOnlyTheAlertAsksForAnEta(TestDb db) {
        try (RunningServer s = new RunningServer(
                db.config(Map.of(
                        Setting.CHANNELS,
                        "webhook http://127.0.0.1:9/hook severity=critical",
                        Setting.NOTIFY_INTERVAL_MS,
                        "0")),
                MutableClock.at("2026-10-04T02:17:00Z"))) {
            Http api = s.http();
            api.post("/api/v1/hotfixes", DECLARE);
            String stakeholder =
                    api.get("/hotfixes/HOTFIX-001/announce/stakeholder").body();
            assertThat(stakeholder)
                    .contains("No channel takes this message for this hotfix's severity.")
                    .doesNotContain("id=\"eta\"");
            assertThat(api.get("/hotfixes/HOTFIX-001/announce/alert").body()).contains("id=\"eta\"");
        }
    }
}
