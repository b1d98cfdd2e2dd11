package dev.hotfixlog.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Pattern;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.security.SecretRedactor;
import dev.hotfixlog.time.TimeText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Risks as the API writes them (with their standing at the moment of the answer) and the client reads them. */
public final class RiskJson {
    private static final Pattern RISK_NUMBER = Pattern.compile("\\d{1,15}");
    private static final Set<String> NEW_FIELDS =
            Set.of("hotfix", "statement", "owner", "decision", "controls", "properFix", "reviewBy");

    private RiskJson() {}

    /** "RISK-7" or "7". */
    public static long parseId(String text) {
        String t = text == null ? "" : text.trim();
        String digits = t.regionMatches(true, 0, "RISK-", 0, 5) ? t.substring(5) : t;
        if (!RISK_NUMBER.matcher(digits).matches()) {
            throw ValidationException.of("id", "must be a risk like RISK-7, was " + SecretRedactor.quoted(t));
        }
        return Long.parseLong(digits);
    }

    public static ObjectNode write(Risk r, Instant now) {
        ObjectNode o = Json.object();
        o.put("id", r.key());
        o.put("hotfix", r.hotfixId());
        o.put("fromRecord", r.fromRecord());
        o.put("statement", r.statement());
        o.put("owner", r.owner());
        o.put("acceptedBy", r.acceptedBy());
        o.put("decision", r.decision().json());
        o.put("controls", r.controls());
        o.put("properFix", r.properFix());
        o.put("reviewBy", r.reviewBy().toString());
        o.put("state", r.state().json());
        o.put("standing", r.standing(now).json());
        o.put("acceptedAt", r.acceptedAt().toString());
        o.put("retiredAt", r.retiredAt() == null ? null : r.retiredAt().toString());
        o.put("retireReason", r.retireReason());
        o.put("retiredByFix", r.retiredByFix());
        ArrayNode systems = o.putArray("systems");
        r.systems().forEach(systems::add);
        o.put("ageDays", r.age(now).toDays());
        o.put("version", r.version());
        return o;
    }

    public static Risk read(JsonNode o) {
        List<String> systems = new ArrayList<>();
        o.path("systems").forEach(s -> systems.add(s.asText()));
        return new Risk(
                parseId(o.path("id").asText()),
                o.path("hotfix").asText(),
                o.path("fromRecord").asBoolean(),
                o.path("statement").asText(),
                textOrNull(o, "owner"),
                o.path("acceptedBy").asText(),
                RiskDecision.parse("decision", o.path("decision").asText()),
                textOrNull(o, "controls"),
                textOrNull(o, "properFix"),
                Instant.parse(o.path("reviewBy").asText()),
                RiskState.parse("state", o.path("state").asText()),
                Instant.parse(o.path("acceptedAt").asText()),
                textOrNull(o, "retiredAt") == null
                        ? null
                        : Instant.parse(o.path("retiredAt").asText()),
                textOrNull(o, "retireReason"),
                o.path("retiredByFix").asBoolean(),
                systems,
                o.path("version").asInt());
    }

    public static ObjectNode writeList(List<Risk> risks, Instant now) {
        ObjectNode o = Json.object();
        ArrayNode items = o.putArray("items");
        risks.forEach(r -> items.add(write(r, now)));
        return o;
    }

    public static List<Risk> readList(JsonNode o) {
        List<Risk> out = new ArrayList<>();
        o.path("items").forEach(i -> out.add(read(i)));
        return out;
    }

    public static ObjectNode writeHistory(List<RiskEvent> events) {
        ObjectNode o = Json.object();
        ArrayNode items = o.putArray("items");
        for (RiskEvent e : events) {
            items.addObject()
                    .put("at", e.at().toString())
                    .put("actor", e.actor())
                    .put("action", e.action())
                    .put("detail", e.detail());
        }
        return o;
    }

    public static List<RiskEvent> readHistory(JsonNode o) {
        List<RiskEvent> out = new ArrayList<>();
        o.path("items")
                .forEach(i -> out.add(new RiskEvent(
                        Instant.parse(i.path("at").asText()),
                        i.path("actor").asText(),
                        i.path("action").asText(),
                        textOrNull(i, "detail"))));
        return out;
    }

    /** {@code {"hotfix":"HOTFIX-7","statement":"…","owner":"…","decision":"accept","controls":"…",…}}. */
    public static NewRisk readNew(ObjectNode o) {
        List<FieldError> errors = new ArrayList<>();
        o.fieldNames().forEachRemaining(n -> {
            if (!NEW_FIELDS.contains(n)) {
                errors.add(new FieldError(
                        n, "is not a field of a risk; use " + String.join(", ", new TreeSet<>(NEW_FIELDS))));
            }
        });
        String decision = Json.text(o, "decision", errors);
        String reviewBy = Json.text(o, "reviewBy", errors);
        Instant review = null;
        if (reviewBy != null) {
            try {
                review = TimeText.parseInstant("reviewBy", reviewBy);
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        RiskDecision d = null;
        if (decision != null) {
            try {
                d = RiskDecision.parse("decision", decision);
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        String hotfix = Json.text(o, "hotfix", errors);
        String statement = Json.text(o, "statement", errors);
        String owner = Json.text(o, "owner", errors);
        String controls = Json.text(o, "controls", errors);
        String properFix = Json.text(o, "properFix", errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new NewRisk(hotfix, statement, owner, d, controls, properFix, review);
    }

    private static String textOrNull(JsonNode o, String name) {
        JsonNode n = o.path(name);
        return n.isNull() || n.isMissingNode() ? null : n.asText();
    }
}
