package dev.hotfixlog.hotfix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;

/** A page section's form holds exactly the record: opening an editor and saving it changes nothing. */
class RecordSectionTest {
    @BothDatabases
    void savingAnUntouchedEditor_changesNothing_evenWithCommasLinesAndUnicode(TestDb db) {
        try (db; RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            HotfixService service = s.app().hotfixes();
            ObjectNode body = Json.object().put("title", "Checkout | 502, \"quoted\" — ünïcödé 🚨")
                    .put("severity", "high").put("owner", "Ana, on call")
                    .put("problem", "\nfirst line was empty\n```\ncode | pipes\n```\n  indented")
                    .put("impact", "*all* <b>checkouts</b>").put("postmortemUrl", "https://wiki.example/pm?a=1&b=2")
                    .put("learning", "Pin, then rotate");
            body.putArray("systemsAffected").add("payments-gateway, EU").add("flag payments.pinning");
            Hotfix h = service.create(MergePatch.of(body), "t");
            SectionForms forms = new SectionForms(CustomFields.NONE);
            for (RecordSection section : RecordSection.values()) {
                Hotfix after = service.edit(h.id(), h.version(),
                        MergePatch.of(forms.patch(forms.values(section, h), false)), "t");
                assertThat(after.version()).as(section.key()).isEqualTo(h.version());
                assertThat(HotfixJson.write(after)).as(section.key()).isEqualTo(HotfixJson.write(h));
            }
        }
    }
}
