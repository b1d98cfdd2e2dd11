package dev.hotfixlog.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.time.TimeText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The API's JSON for a migration: the request an admin sends, the report it gets back. */
public final class MigrationJson {
    private static final Set<String> REQUEST_FIELDS =
            Set.of("source", "from", "token", "dryRun", "since", "until", "severity", "jiraUrl", "restart");

    private MigrationJson() {}

    /** A request's JSON, naming one of the {@code tools}. */
    public static MigrationRequest readRequest(ObjectNode o, MigrationTools tools) {
        List<FieldError> errors = new ArrayList<>();
        o.fieldNames().forEachRemaining(f -> {
            if (!REQUEST_FIELDS.contains(f)) {
                errors.add(new FieldError(
                        f,
                        "is not a field of a migration; use "
                                + String.join(
                                        ", ", REQUEST_FIELDS.stream().sorted().toList())));
            }
        });
        Map<String, String> severity = new LinkedHashMap<>();
        JsonNode s = o.get("severity");
        if (s != null && !s.isNull()) {
            if (!s.isObject()) {
                errors.add(new FieldError("severity", "must be an object of \"source.value\": \"severity\""));
            } else {
                s.fields()
                        .forEachRemaining(
                                e -> severity.put(e.getKey(), e.getValue().asText()));
            }
        }
        String source = Json.text(o, "source", errors);
        String from = Json.text(o, "from", errors);
        String token = Json.text(o, "token", errors);
        String jira = Json.text(o, "jiraUrl", errors);
        Instant since = time(o, "since", errors);
        Instant until = time(o, "until", errors);
        boolean dry = bool(o, "dryRun", errors);
        boolean restart = bool(o, "restart", errors);
        if (source == null) {
            errors.add(new FieldError("source", "is required: " + tools.choices()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new MigrationRequest(
                tools.named("source", source), from, token, dry, since, until, severity, jira, restart);
    }

    public static ObjectNode writeRequest(MigrationRequest r) {
        ObjectNode o = Json.object()
                .put("source", r.source().name())
                .put("from", r.from())
                .put("dryRun", r.dryRun())
                .put("restart", r.restart());
        if (r.token() != null) {
            o.put("token", r.token());
        }
        if (r.since() != null) {
            o.put("since", r.since().toString());
        }
        if (r.until() != null) {
            o.put("until", r.until().toString());
        }
        if (r.jiraUrl() != null) {
            o.put("jiraUrl", r.jiraUrl());
        }
        ObjectNode sev = o.putObject("severity");
        r.severity().forEach(sev::put);
        return o;
    }

    public static ObjectNode write(MigrationReport r) {
        ObjectNode o = Json.object()
                .put("source", r.source())
                .put("origin", r.origin())
                .put("dryRun", r.dryRun())
                .put("finished", r.finished())
                .put("pages", r.pages())
                .put("requests", r.requests())
                .put("rateLimited", r.rateLimited())
                .put("malformedRetried", r.malformedRetried());
        o.put("resumedFrom", r.resumedFrom());
        o.set("created", entries(r.created()));
        o.set("updated", entries(r.updated()));
        o.set("unchanged", entries(r.unchanged()));
        ArrayNode skipped = o.putArray("skipped");
        r.skipped()
                .forEach(s -> skipped.addObject().put("sourceId", s.sourceKey()).put("reason", s.reason()));
        ArrayNode notes = o.putArray("notes");
        r.notes().forEach(notes::add);
        ArrayNode mapping = o.putArray("mapping");
        r.mapping().forEach(m -> mapping.addObject().put("field", m.field()).put("from", m.from()));
        ObjectNode sev = o.putObject("severity");
        new TreeMap<>(r.severity()).forEach(sev::put);
        return o;
    }

    public static MigrationReport read(ObjectNode o) {
        List<Skipped> skipped = new ArrayList<>();
        o.path("skipped")
                .forEach(s -> skipped.add(new Skipped(
                        s.path("sourceId").asText(), s.path("reason").asText())));
        List<String> notes = new ArrayList<>();
        o.path("notes").forEach(n -> notes.add(n.asText()));
        List<MigrationReport.FieldMap> mapping = new ArrayList<>();
        o.path("mapping")
                .forEach(m -> mapping.add(new MigrationReport.FieldMap(
                        m.path("field").asText(), m.path("from").asText())));
        Map<String, String> sev = new LinkedHashMap<>();
        o.path("severity")
                .fields()
                .forEachRemaining(e -> sev.put(e.getKey(), e.getValue().asText()));
        return new MigrationReport(
                o.path("source").asText(),
                o.path("origin").asText(),
                o.path("dryRun").asBoolean(),
                o.path("resumedFrom").isTextual() ? o.get("resumedFrom").asText() : null,
                o.path("finished").asBoolean(),
                o.path("pages").asInt(),
                o.path("requests").asInt(),
                o.path("rateLimited").asInt(),
                o.path("malformedRetried").asInt(),
                readEntries(o.path("created")),
                readEntries(o.path("updated")),
                readEntries(o.path("unchanged")),
                skipped,
                notes,
                mapping,
                sev);
    }

    public static ObjectNode write(SourceLink l) {
        return Json.object()
                .put("source", l.source())
                .put("sourceId", l.sourceKey())
                .put("hotfixId", l.hotfixId())
                .put("url", l.url())
                .put("migratedAt", l.migratedAt().toString())
                .put("updatedAt", l.updatedAt().toString());
    }

    public static SourceLink readLink(ObjectNode o) {
        return new SourceLink(
                o.path("source").asText(),
                o.path("source").asText(),
                o.path("sourceId").asText(),
                o.path("hotfixId").asText(),
                o.path("url").isTextual() ? o.get("url").asText() : null,
                Instant.parse(o.path("migratedAt").asText()),
                Instant.parse(o.path("updatedAt").asText()));
    }

    private static ArrayNode entries(List<MigrationReport.Entry> list) {
        ArrayNode a = Json.mapper().createArrayNode();
        list.forEach(e -> a.addObject()
                .put("sourceId", e.sourceKey())
                .put("hotfixId", e.hotfixId())
                .put("title", e.title()));
        return a;
    }

    private static List<MigrationReport.Entry> readEntries(JsonNode a) {
        List<MigrationReport.Entry> out = new ArrayList<>();
        a.forEach(e -> out.add(new MigrationReport.Entry(
                e.path("sourceId").asText(),
                e.path("hotfixId").isTextual() ? e.get("hotfixId").asText() : null,
                e.path("title").asText())));
        return out;
    }

    private static Instant time(ObjectNode o, String field, List<FieldError> errors) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return TimeText.parseInstant(field, v.asText());
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    private static boolean bool(ObjectNode o, String field, List<FieldError> errors) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            errors.add(new FieldError(field, "must be true or false, was " + v));
            return false;
        }
        return v.asBoolean();
    }
}
