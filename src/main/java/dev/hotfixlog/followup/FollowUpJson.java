package dev.hotfixlog.followup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.hotfix.FollowUpKind;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.Severity;
import dev.hotfixlog.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The JSON of follow-up lists and the debt ledger, written by the routes and read back by the API client. */
public final class FollowUpJson {
    private FollowUpJson() {}

    public static ObjectNode write(List<FollowUpItem> items) {
        ObjectNode o = Json.object();
        ArrayNode a = o.putArray("items");
        for (FollowUpItem i : items) {
            ObjectNode n = a.addObject();
            n.put("hotfix", i.hotfixId().toString());
            n.put("title", i.title());
            n.put("severity", i.severity().json());
            n.put("kind", i.kind().json());
            n.put("description", i.description());
            n.put("owner", i.owner());
            n.put("dueAt", iso(i.dueAt()));
            n.put("done", i.done());
            n.put("doneAt", iso(i.doneAt()));
            n.put("link", i.link());
            n.put("state", i.state().json());
        }
        return o;
    }

    static List<FollowUpItem> readItems(ObjectNode o) {
        List<FollowUpItem> out = new ArrayList<>();
        for (JsonNode n : o.path("items")) {
            out.add(new FollowUpItem(
                    HotfixId.parse(n.path("hotfix").asText()),
                    n.path("title").asText(),
                    Severity.stored("severity", n.path("severity").asText(null)),
                    FollowUpKind.fromJson(n.path("kind").asText()).orElseThrow(),
                    text(n, "description"),
                    text(n, "owner"),
                    instant(n, "dueAt"),
                    n.path("done").asBoolean(),
                    instant(n, "doneAt"),
                    text(n, "link"),
                    FollowUpState.parse(n.path("state").asText())));
        }
        return out;
    }

    public static ObjectNode write(DebtLedger d) {
        ObjectNode o = Json.object();
        o.put("asOf", iso(d.asOf()));
        o.put("outstanding", d.open().size());
        o.put("trend", d.trend());
        ArrayNode open = o.putArray("open");
        for (DebtLedger.Loan l : d.open()) {
            ObjectNode n = open.addObject();
            n.put("hotfix", l.hotfixId().toString());
            n.put("title", l.title());
            n.put("severity", l.severity().json());
            n.put("since", iso(l.since()));
            n.put("ageDays", l.age(d.asOf()).toDays());
            n.put("properFix", l.properFix());
            n.put("owner", l.owner());
            n.put("link", l.link());
            n.put("dueAt", iso(l.dueAt()));
        }
        ArrayNode months = o.putArray("months");
        for (DebtLedger.Month m : d.months()) {
            ObjectNode n = months.addObject();
            n.put("month", m.month());
            n.put("outstanding", m.outstanding());
            n.put("taken", m.taken());
            n.put("repaid", m.repaid());
        }
        return o;
    }

    static DebtLedger readDebt(ObjectNode o) {
        List<DebtLedger.Loan> open = new ArrayList<>();
        for (JsonNode n : o.path("open")) {
            open.add(new DebtLedger.Loan(
                    HotfixId.parse(n.path("hotfix").asText()),
                    n.path("title").asText(),
                    Severity.stored("severity", n.path("severity").asText(null)),
                    instant(n, "since"),
                    text(n, "properFix"),
                    text(n, "owner"),
                    text(n, "link"),
                    instant(n, "dueAt")));
        }
        List<DebtLedger.Month> months = new ArrayList<>();
        for (JsonNode n : o.path("months")) {
            months.add(new DebtLedger.Month(
                    n.path("month").asText(),
                    n.path("outstanding").asLong(),
                    n.path("taken").asLong(),
                    n.path("repaid").asLong()));
        }
        return new DebtLedger(instant(o, "asOf"), open, months);
    }

    private static String iso(Instant i) {
        return i == null ? null : i.toString();
    }

    private static String text(JsonNode n, String f) {
        return n.path(f).isTextual() ? n.path(f).asText() : null;
    }

    private static Instant instant(JsonNode n, String f) {
        return n.path(f).isTextual() ? Instant.parse(n.path(f).asText()) : null;
    }
}
