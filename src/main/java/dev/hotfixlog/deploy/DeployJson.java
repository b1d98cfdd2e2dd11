package dev.hotfixlog.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.time.TimeText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Deploys as the API writes them, markers as senders write them, and both read back by the client. */
public final class DeployJson {
    private static final Set<String> MARKER_FIELDS = Set.of("system", "version", "at", "environment", "url", "id");

    private DeployJson() {}

    /**
     * A generic deploy marker: {@code {"system":"payments","version":"1.4.2","at":"2026-12-03T02:10:00Z",
     * "environment":"production","url":"https://ci…","id":"run-8812"}}; only system and version are required.
     */
    public static DeployMarker readMarker(ObjectNode o) {
        List<FieldError> errors = new ArrayList<>();
        o.fieldNames().forEachRemaining(n -> {
            if (!MARKER_FIELDS.contains(n)) {
                errors.add(new FieldError(
                        n, "is not a field of a deploy; use system, version, at, environment, url, " + "id"));
            }
        });
        String system = Json.text(o, "system", errors);
        String version = Json.text(o, "version", errors);
        String at = Json.text(o, "at", errors);
        Instant when = null;
        if (at != null) {
            try {
                when = TimeText.parseMachineInstant("at", at);
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        String environment = Json.text(o, "environment", errors);
        String url = Json.text(o, "url", errors);
        String id = o.path("id").isNumber() ? o.path("id").asText() : Json.text(o, "id", errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new DeployMarker(system, version, when, environment, url, id);
    }

    public static ObjectNode write(Deploy d) {
        ObjectNode o = Json.object();
        o.put("id", d.id());
        o.put("system", d.system());
        o.put("version", d.version());
        o.put("at", d.at().toString());
        o.put("environment", d.environment());
        o.put("source", d.source());
        o.put("actor", d.actor());
        o.put("url", d.url());
        o.put("rollback", d.rollback());
        if (d.rollbackOf() == null) {
            o.putNull("rollbackOf");
        } else {
            o.put("rollbackOf", d.rollbackOf());
        }
        return o;
    }

    public static Deploy read(JsonNode o) {
        return new Deploy(
                o.path("id").asLong(),
                o.path("system").asText(),
                o.path("version").asText(),
                Instant.parse(o.path("at").asText()),
                o.path("environment").asText(),
                o.path("source").asText(),
                o.path("actor").asText(),
                o.path("url").isNull() ? null : o.path("url").asText(),
                o.path("rollbackOf").isNull() || o.path("rollbackOf").isMissingNode()
                        ? null
                        : o.path("rollbackOf").asLong());
    }

    public static ObjectNode writeList(List<Deploy> list) {
        ObjectNode o = Json.object();
        ArrayNode items = o.putArray("items");
        list.forEach(d -> items.add(write(d)));
        return o;
    }

    public static List<Deploy> readList(JsonNode o) {
        List<Deploy> out = new ArrayList<>();
        o.path("items").forEach(i -> out.add(read(i)));
        return out;
    }

    public static ObjectNode write(HotfixDeploys hd) {
        ObjectNode o = Json.object();
        o.put("hotfix", hd.hotfixId());
        link(o, "suspectedCause", hd.cause());
        link(o, "fixDeploy", hd.fix());
        return o;
    }

    private static void link(ObjectNode o, String name, HotfixDeploys.Link l) {
        if (l == null) {
            o.putNull(name);
            return;
        }
        ObjectNode lo = o.putObject(name);
        lo.set("deploy", write(l.deploy()));
        lo.put("confirmed", l.confirmed());
        lo.put("confirmedBy", l.confirmedBy());
        lo.put("confirmedAt", l.confirmedAt() == null ? null : l.confirmedAt().toString());
    }

    public static HotfixDeploys readHotfixDeploys(JsonNode o) {
        return new HotfixDeploys(
                o.path("hotfix").asText(), readLink(o.path("suspectedCause")), readLink(o.path("fixDeploy")));
    }

    private static HotfixDeploys.Link readLink(JsonNode l) {
        if (l.isNull() || l.isMissingNode()) {
            return null;
        }
        return new HotfixDeploys.Link(
                read(l.path("deploy")),
                l.path("confirmed").asBoolean(),
                l.path("confirmedBy").isNull() ? null : l.path("confirmedBy").asText(),
                l.path("confirmedAt").isNull()
                        ? null
                        : Instant.parse(l.path("confirmedAt").asText()));
    }
}
