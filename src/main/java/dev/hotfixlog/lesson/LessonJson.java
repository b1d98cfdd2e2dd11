package dev.hotfixlog.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Pattern;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.security.SecretRedactor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A lesson as JSON: the API's shape, the merge-patch target of an edit, and what the remote client reads. */
public final class LessonJson {
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[,\\n]");
    /** What a create or an edit may set. */
    public static final List<String> EDITABLE_FIELDS = List.of(
            "title",
            "summary",
            "constraint",
            "signal",
            "boundary",
            "operatingRule",
            "category",
            "bucket",
            "tags",
            "cases",
            "published");

    private static final Set<String> READ_ONLY = Set.of("id", "version", "createdAt", "updatedAt", "legibility");

    private LessonJson() {}

    public static ObjectNode write(Lesson l) {
        ObjectNode n = editable(l);
        n.put("id", l.id().toString());
        n.put("version", l.version());
        n.put("createdAt", l.createdAt().toString());
        n.put("updatedAt", l.updatedAt().toString());
        n.set("legibility", write(l.legibility()));
        return n;
    }

    public static ObjectNode write(Legibility g) {
        ObjectNode n = Json.object();
        n.put("legible", g.legible());
        ArrayNode checks = n.putArray("checks");
        for (Legibility.Check c : g.checks()) {
            checks.addObject()
                    .put("key", c.key())
                    .put("question", c.question())
                    .put("passed", c.passed())
                    .put("advice", c.advice());
        }
        return n;
    }

    public static Legibility readLegibility(ObjectNode n) {
        List<Legibility.Check> checks = new ArrayList<>();
        for (JsonNode c : n.path("checks")) {
            checks.add(new Legibility.Check(
                    c.path("key").asText(),
                    c.path("question").asText(),
                    c.path("passed").asBoolean(),
                    c.path("advice").asText()));
        }
        return new Legibility(checks);
    }

    public static ArrayNode writeAll(List<Lesson> lessons) {
        ArrayNode a = Json.mapper().createArrayNode();
        lessons.forEach(l -> a.add(write(l)));
        return a;
    }

    /** The editable fields; an edit is a merge patch applied to this. */
    static ObjectNode editable(Lesson l) {
        ObjectNode n = Json.object();
        n.put("title", l.title());
        n.put("summary", l.summary());
        n.put("constraint", l.constraint());
        n.put("signal", l.signal());
        n.put("boundary", l.boundary());
        n.put("operatingRule", l.operatingRule());
        n.put("category", l.category());
        n.put("bucket", l.bucket() == null ? null : l.bucket().json());
        ArrayNode tags = n.putArray("tags");
        l.tags().forEach(tags::add);
        ArrayNode cases = n.putArray("cases");
        l.cases().forEach(c -> cases.add(c.toString()));
        n.put("published", l.published());
        return n;
    }

    /** A lesson from API JSON (every field listed when several are wrong); identity from the arguments. */
    static Lesson read(ObjectNode n, LessonId id, int version, Instant created, Instant updated) {
        List<FieldError> errors = new ArrayList<>();
        n.fieldNames().forEachRemaining(f -> {
            if (!EDITABLE_FIELDS.contains(f) && !READ_ONLY.contains(f)) {
                errors.add(
                        new FieldError(f, "is not a lesson field; fields are " + String.join(", ", EDITABLE_FIELDS)));
            }
        });
        String title = Json.text(n, "title", errors);
        String summary = Json.text(n, "summary", errors);
        String constraint = Json.text(n, "constraint", errors);
        String signal = Json.text(n, "signal", errors);
        String boundary = Json.text(n, "boundary", errors);
        String rule = Json.text(n, "operatingRule", errors);
        String category = Json.text(n, "category", errors);
        Bucket bucket = null;
        try {
            bucket = Bucket.parse(Json.text(n, "bucket", errors));
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        List<String> tags = strings(n, "tags", errors);
        List<HotfixId> cases = new ArrayList<>();
        for (String c : strings(n, "cases", errors)) {
            try {
                cases.add(HotfixId.parse(c));
            } catch (ValidationException e) {
                errors.add(
                        new FieldError("cases", SecretRedactor.quoted(c) + " is not a hotfix id; expected HOTFIX-NNN"));
            }
        }
        JsonNode pub = n.get("published");
        boolean published = false;
        if (pub != null && !pub.isNull()) {
            if (!pub.isBoolean()) {
                errors.add(new FieldError("published", "must be true or false"));
            } else {
                published = pub.asBoolean();
            }
        }
        Lesson lesson = null;
        try {
            lesson = new Lesson(
                    id,
                    title,
                    summary,
                    constraint,
                    signal,
                    boundary,
                    rule,
                    category,
                    bucket,
                    tags,
                    cases,
                    published,
                    version,
                    created,
                    updated);
        } catch (ValidationException e) {
            errors.addAll(e.errors()); // one answer names every bad field, the record's rules included
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return lesson;
    }

    /** What the API answered, read back by the remote client. */
    public static Lesson readFull(ObjectNode n) {
        ObjectNode fields = n.deepCopy();
        READ_ONLY.forEach(fields::remove);
        return read(
                fields,
                LessonId.parse(n.path("id").asText()),
                n.path("version").asInt(),
                Instant.parse(n.path("createdAt").asText()),
                Instant.parse(n.path("updatedAt").asText()));
    }

    private static List<String> strings(ObjectNode n, String field, List<FieldError> errors) {
        JsonNode v = n.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isTextual()) {
            // "a, b" from a form or the CLI
            for (String s : LIST_SEPARATOR.split(v.asText())) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
            return out;
        }
        if (!v.isArray()) {
            errors.add(new FieldError(field, "must be a list of text"));
            return out;
        }
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                errors.add(new FieldError(field, "must be a list of text"));
                return out;
            }
            out.add(e.asText());
        }
        return out;
    }
}
