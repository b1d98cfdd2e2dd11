package dev.hotfixlog.hotfix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.internal.FieldReader;
import dev.hotfixlog.hotfix.internal.RecordDiff;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.time.TimeText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The record's JSON form, the API's contract: flat camelCase fields in the template's order, instants as
 * ISO-8601 UTC, durations as ISO-8601 durations, steps and follow-ups as objects keyed by kind (so a merge patch
 * can tick one: {@code {"followUps":{"postmortem":{"done":true}}}}).
 */
public final class HotfixJson {
    /** Fields a client may set on create and change with a merge patch: the catalogue's, in its order. */
    public static final List<String> EDITABLE_FIELDS = RecordFields.names();
    /** Fields the server owns; a patch may repeat their current value but not change it. */
    public static final Set<String> READ_ONLY_FIELDS = Set.of(
            "id", "status", "version", "createdAt", "updatedAt", "durations", "nextStep", "redactions", "pageTimeline");

    private static final Set<String> EDITABLE = Set.copyOf(EDITABLE_FIELDS);

    private HotfixJson() {}

    /** The top-level field of a field path: {@code followUps.postmortem.done} and {@code systemsAffected[2]}
     * belong to {@code followUps} and {@code systemsAffected}. */
    public static String topLevel(String path) {
        int end = path.length();
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '.' || path.charAt(i) == '[') {
                end = i;
                break;
            }
        }
        return path.substring(0, end);
    }

    /** The full representation served by the API. */
    public static ObjectNode write(Hotfix h) {
        ObjectNode o = Json.object();
        o.put("id", h.id().toString());
        editableBody(h).fields().forEachRemaining(e -> {
            o.set(e.getKey(), e.getValue());
            if (e.getKey().equals("severity")) {
                o.put("status", h.status().json());
            } else if (e.getKey().equals("owner")) {
                ObjectNode triage = o.putObject("triage");
                triage.put("productionDown", h.triage().productionDown());
                triage.put("canWait", h.triage().canWait());
                Triage.Outcome outcome = h.triage().outcome();
                triage.put("outcome", outcome == null ? null : outcome.json());
            }
        });
        ObjectNode d = o.putObject("durations");
        d.put("detectionToAlert", iso(h.timeline().detectionToAlert()));
        d.put("alertToFixDeployed", iso(h.timeline().alertToFixDeployed()));
        d.put("total", iso(h.timeline().total()));
        StepKind next = h.nextStep();
        o.put("nextStep", next == null ? null : next.json());
        ArrayNode redactions = o.putArray("redactions");
        h.redactions()
                .forEach(r -> redactions
                        .addObject()
                        .put("field", r.field())
                        .put("kind", r.kind())
                        .put("at", iso(r.at())));
        o.put("version", h.version());
        o.put("createdAt", iso(h.createdAt()));
        o.put("updatedAt", iso(h.updatedAt()));
        return o;
    }

    /** A page as {@code GET /api/v1/hotfixes} answers it: {@code {"items":[…],"nextCursor":…}}. */
    public static ObjectNode writePage(HotfixPage page) {
        ObjectNode o = Json.object();
        ArrayNode items = o.putArray("items");
        page.items().forEach(h -> items.add(write(h)));
        o.put("nextCursor", page.nextCursor());
        return o;
    }

    /** Only the editable fields, with nulls left out: the base a merge patch is applied to. */
    public static ObjectNode editable(Hotfix h) {
        ObjectNode o = editableBody(h);
        ObjectNode triage = o.putObject("triage");
        putIfSet(triage, "productionDown", h.triage().productionDown());
        putIfSet(triage, "canWait", h.triage().canWait());
        stripNulls(o);
        return o;
    }

    private static ObjectNode editableBody(Hotfix h) {
        ObjectNode o = Json.object();
        Timeline t = h.timeline();
        for (RecordField f : RecordFields.all()) {
            String name = f.name();
            if (f.isPlain()) {
                Object v = h.values().get(name);
                if (v instanceof Integer n) {
                    o.put(name, n);
                } else {
                    o.put(name, (String) v);
                }
                continue;
            }
            switch (name) {
                case "title" -> o.put(name, h.title());
                case "severity" -> o.put(name, h.severity().json());
                case "owner" -> o.put(name, h.owner());
                case "systemsAffected" -> {
                    ArrayNode systems = o.putArray(name);
                    h.systemsAffected().forEach(systems::add);
                }
                case "detectedAt" -> o.put(name, iso(t.detectedAt()));
                case "alertedAt" -> o.put(name, iso(t.alertedAt()));
                case "fixDeployedAt" -> o.put(name, iso(t.fixDeployedAt()));
                case "resolvedAt" -> o.put(name, iso(t.resolvedAt()));
                case "alertsClearedAt" -> o.put(name, iso(t.alertsClearedAt()));
                case "duration" -> o.put(name, iso(t.explicitDuration()));
                case "steps" -> {
                    ObjectNode steps = o.putObject(name);
                    h.steps().forEach((k, s) -> {
                        ObjectNode so = steps.putObject(k.json());
                        so.put("done", s.done());
                        so.put("at", iso(s.at()));
                        so.put("by", s.by());
                    });
                }
                case "followUps" -> {
                    ObjectNode fus = o.putObject(name);
                    h.followUps().forEach((k, f2) -> {
                        ObjectNode fo = fus.putObject(k.json());
                        fo.put("description", f2.description());
                        fo.put("owner", f2.owner());
                        fo.put("dueAt", iso(f2.dueAt()));
                        fo.put("done", f2.done());
                        fo.put("doneAt", iso(f2.doneAt()));
                        fo.put("link", f2.link());
                    });
                }
                case "fields" -> {
                    ObjectNode team = o.putObject(name);
                    new TreeMap<>(h.fields().map()).forEach((k, v) -> team.set(k, teamValue(v)));
                }
                default -> {
                    // triage: written by write() after the owner and by editable() at the end, as before
                }
            }
        }
        return o;
    }

    /** The server-owned part of a record, which a reader of editable fields cannot supply. */
    public record Identity(
            HotfixId id,
            Status status,
            int version,
            Instant createdAt,
            Instant updatedAt,
            List<Redaction> redactions) {}

    /**
     * Builds a record from editable fields plus its identity. Unknown fields and wrong types are all reported
     * together; then the record's own rules are checked. Read-only fields are ignored here (see
     * {@link #checkReadOnly}).
     */
    public static Hotfix read(ObjectNode node, Identity identity) {
        return read(node, identity, false);
    }

    /**
     * As {@link #read(ObjectNode, Identity)}; with {@code mayStateNoSeverity}, a record without a severity is
     * {@link Severity#NOT_STATED} rather than refused: only for what an import brings (a log entry that gave
     * none) and for a record that already states none. Everyone else must choose one.
     */
    public static Hotfix read(ObjectNode node, Identity identity, boolean mayStateNoSeverity) {
        // A time typed as "10 min ago" is read against the moment this change is saved (the revision's time).
        FieldReader r = new FieldReader(identity.updatedAt());
        node.fieldNames().forEachRemaining(name -> {
            if (!EDITABLE.contains(name) && !READ_ONLY_FIELDS.contains(name)) {
                r.error(name, "is not a field of a hotfix; known fields: " + String.join(", ", EDITABLE_FIELDS));
            }
        });
        // In the catalogue's order, so one answer lists the bad fields as the template does.
        String title = null;
        Severity severity = null;
        String owner = null;
        List<String> systems = List.of();
        Instant detected = null;
        Instant alerted = null;
        Instant deployed = null;
        Instant resolved = null;
        Instant cleared = null;
        Duration duration = null;
        Triage triage = Triage.UNANSWERED;
        Map<StepKind, Step> steps = Map.of();
        Map<FollowUpKind, FollowUp> followUps = Map.of();
        Map<String, Object> plain = new HashMap<>();
        Map<String, Object> team = new HashMap<>();
        for (RecordField f : RecordFields.all()) {
            String n = f.name();
            if (f.isPlain()) {
                plain.put(n, f.kind() == FieldKind.NUMBER ? r.integer(node, n, n) : r.text(node, n, n));
                continue;
            }
            switch (n) {
                case "title" -> title = r.text(node, n, n);
                case "severity" -> severity = r.parsed(node, n, n, s -> Severity.parse("severity", s));
                case "owner" -> owner = r.text(node, n, n);
                case "systemsAffected" -> systems = r.strings(node, n, n);
                case "detectedAt" -> detected = r.instant(node, n, n);
                case "alertedAt" -> alerted = r.instant(node, n, n);
                case "fixDeployedAt" -> deployed = r.instant(node, n, n);
                case "resolvedAt" -> resolved = r.instant(node, n, n);
                case "alertsClearedAt" -> cleared = r.instant(node, n, n);
                case "duration" -> duration = r.duration(node, n, n);
                case "triage" -> triage = NestedJson.triage(r, node);
                case "steps" -> steps = NestedJson.steps(r, node);
                case "followUps" -> followUps = NestedJson.followUps(r, node);
                case "fields" -> r.teamFields(node, team);
                default -> throw new IllegalStateException("the catalogue's field " + n + " has no reader");
            }
        }
        Timeline timeline = new Timeline(detected, alerted, deployed, resolved, duration, cleared);
        boolean severityBad = r.errors().stream().anyMatch(e -> e.field().equals("severity"));
        if (severity == null && mayStateNoSeverity && !severityBad) {
            severity = Severity.NOT_STATED;
        }
        refuseIfBad(r, title, severity);
        return new Hotfix(
                identity.id(),
                title == null ? null : title.strip(),
                severity,
                owner == null ? null : owner.strip(),
                systems,
                timeline,
                identity.status(),
                triage,
                steps,
                followUps,
                new FieldValues(plain),
                new FieldValues(team),
                identity.version(),
                identity.createdAt(),
                identity.updatedAt(),
                identity.redactions());
    }

    /** Any type error refuses the record, with the missing essentials beside it, so one answer lists everything. */
    private static void refuseIfBad(FieldReader r, String title, Severity severity) {
        if (r.errors().isEmpty()) {
            return;
        }
        if (title == null && r.errors().stream().noneMatch(e -> e.field().equals("title"))) {
            r.error("title", "is required: a brief description of the emergency");
        }
        if (severity == null && r.errors().stream().noneMatch(e -> e.field().equals("severity"))) {
            r.error("severity", "is required: one of " + Severity.choices());
        }
        throw new ValidationException(r.errors());
    }

    /** Reads a full API representation back into a record (the REST client's side). */
    public static Hotfix readFull(ObjectNode node) {
        List<Redaction> redactions = new ArrayList<>();
        node.path("redactions")
                .forEach(r -> redactions.add(new Redaction(
                        r.path("field").asText(),
                        r.path("kind").asText(),
                        TimeText.parseInstant("redactions.at", r.path("at").asText()))));
        Identity identity = new Identity(
                HotfixId.parse(node.path("id").asText()),
                Status.parse("status", node.path("status").asText()),
                node.path("version").asInt(),
                TimeText.parseInstant("createdAt", node.path("createdAt").asText()),
                TimeText.parseInstant("updatedAt", node.path("updatedAt").asText()),
                redactions);
        return read(node, identity, true);
    }

    /** A patch may mention a read-only field only with its current value (a client echoing a GET back). */
    public static void checkReadOnly(ObjectNode patch, Hotfix current) {
        List<FieldError> errors = new ArrayList<>();
        for (String f : READ_ONLY_FIELDS) {
            // Derived fields (durations, nextStep, redactions, pageTimeline) are ignored: echoing a GET is fine.
            JsonNode now = stated(f, current);
            if (patch.has(f) && now != null && !patch.get(f).equals(now)) {
                String how = f.equals("status")
                        ? "moves only through lifecycle events: POST /api/v1/hotfixes/{id}/events"
                        : "is set by the server";
                errors.add(new FieldError(f, "is read-only: it " + how));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** A read-only field's value as {@link #write} gives it, or null for the derived ones a patch may not change. */
    private static JsonNode stated(String field, Hotfix h) {
        var json = Json.mapper().getNodeFactory();
        return switch (field) {
            case "id" -> json.textNode(h.id().toString());
            case "status" -> json.textNode(h.status().json());
            case "version" -> json.numberNode(h.version());
            case "createdAt" -> json.textNode(iso(h.createdAt()));
            case "updatedAt" -> json.textNode(iso(h.updatedAt()));
            default -> null;
        };
    }

    /** A team field's value as JSON: whole numbers without a fraction. */
    private static JsonNode teamValue(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Json.mapper().getNodeFactory().numberNode(d.longValue());
        }
        return Json.mapper().valueToTree(v);
    }

    /** Field path → value for every editable field and the status; what history diffs compare. */
    public static Map<String, JsonNode> flatten(Hotfix h) {
        return RecordDiff.flatten(h);
    }

    private static void stripNulls(ObjectNode o) {
        Iterator<Map.Entry<String, JsonNode>> it = o.fields();
        while (it.hasNext()) {
            JsonNode v = it.next().getValue();
            if (v.isNull()) {
                it.remove();
            } else if (v instanceof ObjectNode child) {
                stripNulls(child);
            }
        }
    }

    private static void putIfSet(ObjectNode o, String name, Boolean value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    static String iso(Instant i) {
        return i == null ? null : i.toString();
    }

    static String iso(Duration d) {
        return d == null ? null : d.toString();
    }
}
