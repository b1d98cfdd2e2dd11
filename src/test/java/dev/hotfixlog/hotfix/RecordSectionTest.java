package dev.hotfixlog.hotfix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.hotfix.web.SectionForms;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A page section's form holds exactly the record: opening an editor and saving it changes nothing. */
class RecordSectionTest {
    @BothDatabases
    void savingAnUntouchedEditor_changesNothing_evenWithCommasLinesAndUnicode(TestDb db) {
        try (db;
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            HotfixService service = s.app().hotfixes();
            ObjectNode body = Json.object()
                    .put("title", "Checkout | 502, \"quoted\" — ünïcödé 🚨")
                    .put("severity", "high")
                    .put("owner", "Ana, on call")
                    .put("problem", "\nfirst line was empty\n```\ncode | pipes\n```\n  indented")
                    .put("impact", "*all* <b>checkouts</b>")
                    .put("postmortemUrl", "https://wiki.example/pm?a=1&b=2")
                    .put("learning", "Pin, then rotate");
            body.putArray("systemsAffected").add("payments-gateway, EU").add("flag payments.pinning");
            Hotfix h = service.create(MergePatch.of(body), "t");
            SectionForms forms = new SectionForms(CustomFields.NONE);
            for (RecordSection section : RecordSection.values()) {
                Hotfix after = service.edit(
                        h.id(), h.version(), MergePatch.of(forms.patch(forms.values(section, h), false)), "t");
                assertThat(after.version()).as(section.key()).isEqualTo(h.version());
                assertThat(HotfixJson.write(after)).as(section.key()).isEqualTo(HotfixJson.write(h));
            }
        }
    }

    /**
     * Every field the API lets a client change has its input on the record page, so the page can do what the API
     * can (the post-mortem's "what" had none). Only the checklists' ticks and their stamps are edited elsewhere on
     * the page: by ticking the box, not typing.
     */
    @BothDatabases
    void everyEditableFieldOfTheApi_hasAnInputOnTheRecordPage(TestDb db) {
        try (db;
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            ObjectNode body = Json.object().put("title", "Checkout 502").put("severity", "high");
            body.putArray("systemsAffected").add("payments");
            ObjectNode fus = body.putObject("followUps");
            for (FollowUpKind k : FollowUpKind.values()) {
                fus.putObject(k.json())
                        .put("description", "Write it up")
                        .put("owner", "Ana")
                        .put("dueAt", "2026-10-11T00:00:00Z")
                        .put("link", "https://wiki.example/pm");
            }
            Hotfix h = s.app().hotfixes().create(MergePatch.of(body), "t");
            Set<String> inputs = new HashSet<>();
            SectionForms forms = new SectionForms(CustomFields.NONE);
            for (RecordSection section : RecordSection.values()) {
                section.fields().forEach(f -> inputs.add(f.name()));
                forms.values(section, h).keySet().forEach(inputs::add);
            }
            List<String> missing = new ArrayList<>();
            for (String path : HotfixJson.flatten(h).keySet()) {
                String field = path.replaceAll("\\[\\d+]$", "");
                boolean ticked = field.matches("(steps|followUps)\\.[A-Za-z]+\\.(done|doneAt|at|by)");
                if (!ticked && !field.equals("status") && !inputs.contains(field)) {
                    missing.add(field);
                }
            }
            assertThat(missing).isEmpty();
            FormField what = RecordSection.field("followUps.postmortem.description");
            assertThat(what).isNotNull();
            assertThat(what.label()).isEqualTo("Post-mortem: what");
        }
    }
}
