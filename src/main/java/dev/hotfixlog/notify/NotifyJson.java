package dev.hotfixlog.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The JSON of previews and deliveries, written by the routes and read back by the API client. */
public final class NotifyJson {
    private NotifyJson() {}

    public static ObjectNode write(Preview p) {
        ObjectNode o = Json.object();
        o.put("hotfix", p.hotfixId());
        o.put("kind", p.message().kind().json());
        o.put("subject", p.message().subject());
        o.put("text", p.message().text());
        ArrayNode channels = o.putArray("channels");
        p.channels().forEach(channels::add);
        o.put("anyChannel", p.anyChannel());
        o.put("usesEta", p.usesEta());
        return o;
    }

    static Preview readPreview(ObjectNode o) {
        List<String> channels = new ArrayList<>();
        o.path("channels").forEach(n -> channels.add(n.asText()));
        return new Preview(
                o.path("hotfix").asText(),
                new Message(
                        MessageKind.parse("kind", o.path("kind").asText()),
                        o.path("subject").asText(),
                        o.path("text").asText()),
                channels,
                o.path("anyChannel").asBoolean(),
                o.path("usesEta").asBoolean());
    }

    public static ObjectNode write(List<Delivery> deliveries) {
        ObjectNode o = Json.object();
        ArrayNode items = o.putArray("items");
        for (Delivery d : deliveries) {
            ObjectNode i = items.addObject();
            i.put("id", d.id());
            i.put("hotfix", d.hotfixId());
            i.put("kind", d.kind().json());
            i.put("channel", d.channel());
            i.put("status", d.status());
            i.put("attempts", d.attempts());
            i.put("createdAt", iso(d.createdAt()));
            i.put("createdBy", d.createdBy());
            i.put("nextAttemptAt", "pending".equals(d.status()) ? iso(d.nextAttemptAt()) : null);
            i.put("deliveredAt", iso(d.deliveredAt()));
            i.put("lastError", d.lastError());
            i.put("subject", d.subject());
        }
        return o;
    }

    static List<Delivery> readDeliveries(ObjectNode o) {
        List<Delivery> out = new ArrayList<>();
        for (JsonNode i : o.path("items")) {
            out.add(new Delivery(
                    i.path("id").asLong(),
                    i.path("hotfix").asText(),
                    MessageKind.parse("kind", i.path("kind").asText()),
                    i.path("channel").asText(),
                    i.path("status").asText(),
                    i.path("attempts").asInt(),
                    instant(i, "createdAt"),
                    i.path("createdBy").asText(),
                    instant(i, "nextAttemptAt"),
                    instant(i, "deliveredAt"),
                    i.path("lastError").isNull() ? null : i.path("lastError").asText(),
                    i.path("subject").asText()));
        }
        return out;
    }

    private static String iso(Instant i) {
        return i == null ? null : i.toString();
    }

    private static Instant instant(JsonNode o, String field) {
        JsonNode n = o.path(field);
        return n.isTextual() ? Instant.parse(n.asText()) : null;
    }
}
