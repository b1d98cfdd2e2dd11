package dev.hotfixlog.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;

/** The timeline a page gave a record is in the record's JSON, line by line, as {time, text}. */
class PageTimelineTest {
    @BothDatabases
    void anImportedTimeline_isInTheRecordsJson(TestDb db) {
        try (db;
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-11-22T10:00:00Z"))) {
            s.app()
                    .markdown()
                    .importLog(
                            "## Active Hotfixes\n\n"
                                    + MarkdownFidelityTest.ENTRY.replace(
                                            "- 02:31 pool raised, errors falling",
                                            "- 02:31 pool raised, errors falling\n"
                                                    + "* **2026-10-04 03:05** — all clear\n- someone called the vendor"),
                            false,
                            "ana",
                            n -> {});
            Http api = s.http();

            Http.Response one = api.get("/api/v1/hotfixes/HOTFIX-031");

            assertThat(one.json().path("pageTimeline").toString())
                    .isEqualTo("[{\"time\":\"02:17\",\"text\":"
                            + "\"paged by the checkout SLO alert\"},{\"time\":\"02:31\",\"text\":\"pool raised, errors "
                            + "falling\"},{\"time\":\"2026-10-04 03:05\",\"text\":\"all clear\"},{\"time\":null,\"text\":"
                            + "\"someone called the vendor\"}]");
            Http.Response sentBack = api.patch("/api/v1/hotfixes/HOTFIX-031", one.body(), "If-Match", one.etag());
            assertThat(sentBack.status()).as(sentBack.body()).isEqualTo(200);
            api.post("/api/v1/hotfixes", "{\"title\":\"Queue stalled\",\"severity\":\"high\"}");
            assertThat(api.get("/api/v1/hotfixes/HOTFIX-032")
                            .json()
                            .path("pageTimeline")
                            .toString())
                    .isEqualTo("[]");
        }
    }
}
