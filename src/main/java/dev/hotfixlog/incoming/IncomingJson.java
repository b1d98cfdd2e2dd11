package dev.hotfixlog.incoming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Incoming alerts as the API writes them, and read back by {@link IncomingApiClient}. */
public final class IncomingJson {
    private IncomingJson() {}

    /** {@code ALERT-12} or {@code 12}: the number. */
    public static long parseId(String text) {
        String t = text == null ? "" : text.trim();
        if (t.regionMatches(true, 0, "ALERT-", 0, 6)) {
            t = t.substring(6);
        }
        if (t.isEmpty() || t.length() > 15 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ValidationException.of("id", "'" + text + "' is not an incoming alert; use ALERT-12 or 12");
        }
        return Long.parseLong(t);
    }

    public static ObjectNode write(IncomingAlert a) {
        ObjectNode o = Json.object();
        o.put("id", a.ref());
        o.put("integration", a.integration());
        o.put("title", a.title());
        o.put("severity", a.severity());
        ArrayNode systems = o.putArray("systems");
        a.systems().forEach(systems::add);
        ObjectNode links = o.putObject("links");
        a.links().forEach(links::put);
        o.put("state", a.state().json());
        o.put("firing", a.firing());
        o.put("alerts", a.alerts());
        o.put("startedAt", iso(a.startedAt()));
        o.put("firstReceivedAt", iso(a.firstAt()));
        o.put("lastReceivedAt", iso(a.lastAt()));
        o.put("clearedAt", iso(a.clearedAt()));
        o.put("deliveries", a.deliveries());
        o.put("hotfix", a.hotfixId());
        o.put("repeatOf", a.repeatOf());
        o.put("outcome", a.outcome() == null ? null : a.outcome().json());
        o.put("outcomeNote", a.outcomeNote());
        o.put("decidedBy", a.decidedBy());
        o.put("decidedAt", iso(a.decidedAt()));
        ArrayNode items = o.putArray("items");
        for (IncomingAlert.Item i : a.items()) {
            ObjectNode io = items.addObject();
            io.put("fingerprint", i.fingerprint());
            io.put("name", i.name());
            io.put("status", i.status());
            io.put("startsAt", iso(i.startsAt()));
            io.put("endsAt", iso(i.endsAt()));
            io.put("generatorURL", i.generatorUrl());
            ObjectNode labels = io.putObject("labels");
            i.labels().forEach(labels::put);
            ObjectNode annotations = io.putObject("annotations");
            i.annotations().forEach(annotations::put);
        }
        ArrayNode received = o.putArray("received");
        for (IncomingAlert.Delivery d : a.received()) {
            received.addObject()
                    .put("status", d.status())
                    .put("firstReceivedAt", iso(d.firstAt()))
                    .put("lastReceivedAt", iso(d.lastAt()))
                    .put("times", d.times())
                    .put("body", d.body());
        }
        return o;
    }

    public static ObjectNode writeList(List<IncomingAlert> list) {
        ObjectNode o = Json.object();
        ArrayNode items = o.putArray("items");
        list.forEach(a -> items.add(write(a)));
        return o;
    }

    public static IncomingAlert read(JsonNode o) {
        List<String> systems = new ArrayList<>();
        o.path("systems").forEach(s -> systems.add(s.asText()));
        List<IncomingAlert.Item> items = new ArrayList<>();
        for (JsonNode i : o.path("items")) {
            items.add(new IncomingAlert.Item(
                    i.path("fingerprint").asText(),
                    i.path("name").asText(),
                    i.path("status").asText(),
                    time(i.get("startsAt")),
                    time(i.get("endsAt")),
                    text(i.get("generatorURL")),
                    strings(i.path("labels")),
                    strings(i.path("annotations"))));
        }
        List<IncomingAlert.Delivery> received = new ArrayList<>();
        for (JsonNode d : o.path("received")) {
            received.add(new IncomingAlert.Delivery(
                    d.path("status").asText(),
                    d.path("body").asText(),
                    time(d.get("firstReceivedAt")),
                    time(d.get("lastReceivedAt")),
                    d.path("times").asInt()));
        }
        String outcome = text(o.get("outcome"));
        return new IncomingAlert(
                parseId(o.path("id").asText()),
                o.path("integration").asText(),
                o.path("title").asText(),
                text(o.get("severity")),
                systems,
                strings(o.path("links")),
                IncomingAlert.State.parse("state", o.path("state").asText()),
                o.path("firing").asInt(),
                o.path("alerts").asInt(),
                time(o.get("startedAt")),
                time(o.get("firstReceivedAt")),
                time(o.get("lastReceivedAt")),
                time(o.get("clearedAt")),
                o.path("deliveries").asInt(),
                text(o.get("hotfix")),
                text(o.get("repeatOf")),
                outcome == null ? null : Outcome.parse("outcome", outcome),
                text(o.get("outcomeNote")),
                text(o.get("decidedBy")),
                time(o.get("decidedAt")),
                items,
                received);
    }

    public static List<IncomingAlert> readList(JsonNode o) {
        List<IncomingAlert> out = new ArrayList<>();
        o.path("items").forEach(i -> out.add(read(i)));
        return out;
    }

    private static Map<String, String> strings(JsonNode o) {
        Map<String, String> out = new LinkedHashMap<>();
        o.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static Instant time(JsonNode n) {
        return n == null || n.isNull() ? null : Instant.parse(n.asText());
    }

    private static String iso(Instant i) {
        return i == null ? null : i.toString();
    }
}
