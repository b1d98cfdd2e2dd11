package dev.hotfixlog.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The JSON of {@code GET /api/v1/metrics} and of the warning signs, written by the routes, read by the client. */
public final class MetricsJson {
    private MetricsJson() {}

    /** The period's metrics, and the warning signs as they stand now. */
    public static ObjectNode write(Metrics m, List<SignReading> signs) {
        ObjectNode o = Json.object();
        o.put("from", m.from().toString());
        o.put("to", m.to().toString());
        o.put("zone", m.zone());
        o.put("hotfixes", m.hotfixes());
        o.put("undated", m.undated());
        ObjectNode rt = o.putObject("responseTime");
        m.response().forEach((sev, r) -> {
            ObjectNode s = rt.putObject(sev);
            stats(s.putObject("detectionToAlert"), r.detectionToAlert());
            stats(s.putObject("alertToFix"), r.alertToFix());
            stats(s.putObject("total"), r.total());
        });
        ObjectNode lv = o.putObject("learningVelocity");
        Metrics.LearningVelocity l = m.learning();
        lv.put("postmortemsDue", l.postmortemsDue());
        lv.put("postmortemsOnTime", l.postmortemsOnTime());
        lv.put("postmortemShare", l.postmortemShare());
        lv.put("postmortemTarget", 1.0);
        periods(lv.putArray("processImprovementsPerQuarter"), l.processImprovementsPerQuarter());
        lv.put("preventionsWatched", l.preventionsWatched());
        lv.put("preventionsHeld", l.preventionsHeld());
        lv.put("preventionRate", l.preventionRate());
        ObjectNode th = o.putObject("teamHealth");
        Metrics.TeamHealth t = m.health();
        periods(th.putArray("perMonth"), t.perMonth());
        th.put("frequencyTrend", t.frequencyTrend());
        th.put("repeats", t.repeats());
        th.put("repeatShare", t.repeatShare());
        th.put("repeatTarget", Targets.REPEAT_SHARE_TARGET);
        th.put("repeatWindowDays", Targets.REPEAT_WINDOW_DAYS);
        ObjectNode conf = th.putObject("confidence");
        t.confidence().forEach((k, v) -> conf.put(String.valueOf(k), v));
        th.put("confidenceAverage", t.confidenceAverage());
        ArrayNode types = o.putArray("emergencyTypes");
        for (Metrics.TypeCount c : m.types()) {
            ObjectNode n = types.addObject();
            n.put("type", c.type());
            n.put("prevention", c.prevention());
            n.put("builtIn", c.builtIn());
            n.put("count", c.count());
            n.put("previous", c.previous());
            n.put("trend", c.trend());
        }
        ObjectNode byField = o.putObject("byField");
        m.byField().forEach((field, counts) -> {
            ObjectNode c = byField.putObject(field);
            counts.forEach(c::put);
        });
        ObjectNode delivery = o.putObject("delivery");
        flow(delivery.putObject("team"), m.delivery().team());
        ObjectNode bySystem = delivery.putObject("bySystem");
        m.delivery().bySystem().forEach((system, f) -> flow(bySystem.putObject(system), f));
        ObjectNode incoming = delivery.putObject("incoming");
        m.delivery().incoming().forEach(incoming::put);
        delivery.put("incomingRepeats", m.delivery().incomingRepeats());
        ObjectNode risks = o.putObject("risks");
        risks.put("open", m.risks().open());
        ObjectNode byAge = risks.putObject("openByAge");
        m.risks().openByAge().forEach(byAge::put);
        ObjectNode riskSystems = risks.putObject("openBySystem");
        m.risks().openBySystem().forEach(riskSystems::put);
        risks.put("retiredByFix", m.risks().retiredByFix());
        risks.put("retiredOtherwise", m.risks().retiredOtherwise());
        risks.put("expired", m.risks().expired());
        risks.put("meanDaysToRetire", m.risks().meanDaysToRetire());
        o.set("warningSigns", writeSigns(signs));
        return o;
    }

    public static ArrayNode writeSigns(List<SignReading> signs) {
        ArrayNode a = Json.mapper().createArrayNode();
        for (SignReading s : signs) {
            ObjectNode n = a.addObject();
            n.put("name", s.name());
            n.put("description", s.description());
            n.put("value", s.value());
            if (Double.isNaN(s.threshold())) {
                n.putNull("threshold"); // a sign whose page names no number
            } else {
                n.put("threshold", s.threshold());
            }
            n.put("direction", s.direction());
            n.put("breached", s.breached());
            n.put("builtIn", s.builtIn());
            n.put("updatedAt", s.updatedAt() == null ? null : s.updatedAt().toString());
            n.put("thresholdText", s.thresholdText());
        }
        return a;
    }

    static List<SignReading> readSigns(JsonNode a) {
        List<SignReading> out = new ArrayList<>();
        for (JsonNode n : a) {
            out.add(new SignReading(
                    n.path("name").asText(),
                    text(n, "description"),
                    n.path("value").isNumber() ? n.path("value").asDouble() : null,
                    n.path("threshold").isNumber() ? n.path("threshold").asDouble() : Double.NaN,
                    n.path("direction").asText(),
                    n.path("builtIn").asBoolean(),
                    n.path("updatedAt").isTextual()
                            ? Instant.parse(n.path("updatedAt").asText())
                            : null,
                    text(n, "thresholdText")));
        }
        return out;
    }

    static Metrics read(ObjectNode o) {
        Map<String, Metrics.ResponseTimes> response = new LinkedHashMap<>();
        o.path("responseTime")
                .fields()
                .forEachRemaining(e -> response.put(
                        e.getKey(),
                        new Metrics.ResponseTimes(
                                stats(e.getValue().path("detectionToAlert")),
                                stats(e.getValue().path("alertToFix")),
                                stats(e.getValue().path("total")))));
        JsonNode lv = o.path("learningVelocity");
        JsonNode th = o.path("teamHealth");
        Map<Integer, Long> confidence = new TreeMap<>();
        th.path("confidence")
                .fields()
                .forEachRemaining(e -> confidence.put(
                        Integer.parseInt(e.getKey()), e.getValue().asLong()));
        List<Metrics.TypeCount> types = new ArrayList<>();
        o.path("emergencyTypes")
                .forEach(n -> types.add(new Metrics.TypeCount(
                        n.path("type").asText(),
                        text(n, "prevention"),
                        n.path("builtIn").asBoolean(),
                        n.path("count").asLong(),
                        n.path("previous").asLong())));
        Map<String, Map<String, Long>> byField = new TreeMap<>();
        o.path("byField").fields().forEachRemaining(f -> {
            Map<String, Long> counts = new TreeMap<>();
            f.getValue()
                    .fields()
                    .forEachRemaining(c -> counts.put(c.getKey(), c.getValue().asLong()));
            byField.put(f.getKey(), counts);
        });
        return new Metrics(
                Instant.parse(o.path("from").asText()),
                Instant.parse(o.path("to").asText()),
                o.path("zone").asText(),
                o.path("hotfixes").asLong(),
                o.path("undated").asLong(),
                response,
                new Metrics.LearningVelocity(
                        lv.path("postmortemsDue").asLong(),
                        lv.path("postmortemsOnTime").asLong(),
                        number(lv, "postmortemShare"),
                        periods(lv.path("processImprovementsPerQuarter")),
                        lv.path("preventionsWatched").asLong(),
                        lv.path("preventionsHeld").asLong(),
                        number(lv, "preventionRate")),
                new Metrics.TeamHealth(
                        periods(th.path("perMonth")),
                        th.path("frequencyTrend").asText(),
                        th.path("repeats").asLong(),
                        number(th, "repeatShare"),
                        confidence,
                        number(th, "confidenceAverage")),
                types,
                byField,
                delivery(o.path("delivery")),
                risks(o.path("risks")));
    }

    private static void flow(ObjectNode n, Metrics.Flow f) {
        n.put("deploys", f.deploys());
        n.put("deploysPerWeek", f.deploysPerWeek());
        n.put("failedDeploys", f.failedDeploys());
        n.put("changeFailureRate", f.changeFailureRate());
        stats(n.putObject("timeToRestore"), f.timeToRestore());
    }

    private static Metrics.Flow flow(JsonNode n) {
        return new Metrics.Flow(
                n.path("deploys").asLong(),
                number(n, "deploysPerWeek"),
                n.path("failedDeploys").asLong(),
                number(n, "changeFailureRate"),
                stats(n.path("timeToRestore")));
    }

    private static Metrics.Risks risks(JsonNode r) {
        if (r.isMissingNode()) {
            return null;
        }
        Map<String, Long> byAge = new LinkedHashMap<>();
        r.path("openByAge")
                .fields()
                .forEachRemaining(e -> byAge.put(e.getKey(), e.getValue().asLong()));
        Map<String, Long> bySystem = new TreeMap<>();
        r.path("openBySystem")
                .fields()
                .forEachRemaining(e -> bySystem.put(e.getKey(), e.getValue().asLong()));
        return new Metrics.Risks(
                r.path("open").asLong(),
                byAge,
                bySystem,
                r.path("retiredByFix").asLong(),
                r.path("retiredOtherwise").asLong(),
                r.path("expired").asLong(),
                number(r, "meanDaysToRetire"));
    }

    private static Metrics.Delivery delivery(JsonNode d) {
        if (d.isMissingNode()) {
            return null;
        }
        Map<String, Metrics.Flow> bySystem = new TreeMap<>();
        d.path("bySystem").fields().forEachRemaining(e -> bySystem.put(e.getKey(), flow(e.getValue())));
        Map<String, Long> incoming = new TreeMap<>();
        d.path("incoming")
                .fields()
                .forEachRemaining(e -> incoming.put(e.getKey(), e.getValue().asLong()));
        return new Metrics.Delivery(
                flow(d.path("team")),
                bySystem,
                incoming,
                d.path("incomingRepeats").asLong());
    }

    private static void stats(ObjectNode n, DurationStats s) {
        n.put("count", s.count());
        n.put("medianSeconds", s.medianSeconds());
        n.put("p90Seconds", s.p90Seconds());
        n.put("withinTarget", s.withinTarget());
        n.put("shareWithinTarget", s.shareWithinTarget());
        n.put("targetSeconds", s.targetSeconds());
    }

    private static DurationStats stats(JsonNode n) {
        return new DurationStats(
                n.path("count").asLong(),
                n.path("medianSeconds").isNumber() ? n.path("medianSeconds").asLong() : null,
                n.path("p90Seconds").isNumber() ? n.path("p90Seconds").asLong() : null,
                n.path("withinTarget").asLong(),
                n.path("targetSeconds").asLong());
    }

    private static void periods(ArrayNode a, List<Metrics.PeriodCount> periods) {
        for (Metrics.PeriodCount p : periods) {
            ObjectNode n = a.addObject();
            n.put("period", p.period());
            n.put("count", p.count());
        }
    }

    private static List<Metrics.PeriodCount> periods(JsonNode a) {
        List<Metrics.PeriodCount> out = new ArrayList<>();
        a.forEach(n -> out.add(new Metrics.PeriodCount(
                n.path("period").asText(), n.path("count").asLong())));
        return out;
    }

    private static Double number(JsonNode n, String f) {
        return n.path(f).isNumber() ? n.path(f).asDouble() : null;
    }

    private static String text(JsonNode n, String f) {
        return n.path(f).isTextual() ? n.path(f).asText() : null;
    }
}
