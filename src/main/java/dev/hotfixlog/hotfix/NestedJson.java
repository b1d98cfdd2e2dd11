package dev.hotfixlog.hotfix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.hotfix.internal.FieldReader;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The record's nested members read from its JSON ({@link HotfixJson#read}): the triage answers, the steps and the
 * follow-ups, each keyed by its API name, every error collected by the reader under its full path.
 */
final class NestedJson {
    private NestedJson() {}

    static Triage triage(FieldReader r, ObjectNode node) {
        JsonNode t = r.object(node, "triage", "triage");
        if (t == null) {
            return Triage.UNANSWERED;
        }
        t.fieldNames().forEachRemaining(n -> {
            if (!Set.of("productionDown", "canWait", "outcome").contains(n)) {
                r.error("triage." + n, "is not a triage question; use productionDown and canWait");
            }
        });
        return new Triage(r.bool(t, "productionDown", "triage.productionDown"), r.bool(t, "canWait", "triage.canWait"));
    }

    static Map<StepKind, Step> steps(FieldReader r, ObjectNode node) {
        Map<StepKind, Step> out = new EnumMap<>(StepKind.class);
        JsonNode steps = r.object(node, "steps", "steps");
        if (steps == null) {
            return out;
        }
        steps.fields().forEachRemaining(e -> {
            String path = "steps." + e.getKey();
            var kind = StepKind.fromJson(e.getKey());
            if (kind.isEmpty()) {
                r.error(path, "is not a step; steps are " + JsonNamed.names(StepKind.class));
                return;
            }
            JsonNode s = r.object(steps, e.getKey(), path);
            if (s == null) {
                return;
            }
            Boolean done = r.bool(s, "done", path + ".done");
            boolean isDone = done != null && done;
            Instant at = r.instant(s, "at", path + ".at");
            out.put(kind.get(), new Step(isDone, isDone ? at : null, r.text(s, "by", path + ".by")));
        });
        return out;
    }

    static Map<FollowUpKind, FollowUp> followUps(FieldReader r, ObjectNode node) {
        Map<FollowUpKind, FollowUp> out = new EnumMap<>(FollowUpKind.class);
        JsonNode fus = r.object(node, "followUps", "followUps");
        if (fus == null) {
            return out;
        }
        fus.fields().forEachRemaining(e -> {
            String path = "followUps." + e.getKey();
            var kind = FollowUpKind.fromJson(e.getKey());
            if (kind.isEmpty()) {
                r.error(path, "is not a follow-up; follow-ups are " + JsonNamed.names(FollowUpKind.class));
                return;
            }
            JsonNode f = r.object(fus, e.getKey(), path);
            if (f == null) {
                return;
            }
            Boolean done = r.bool(f, "done", path + ".done");
            boolean isDone = done != null && done;
            Instant doneAt = r.instant(f, "doneAt", path + ".doneAt");
            out.put(
                    kind.get(),
                    new FollowUp(
                            r.text(f, "description", path + ".description"),
                            r.text(f, "owner", path + ".owner"),
                            r.instant(f, "dueAt", path + ".dueAt"),
                            isDone,
                            isDone ? doneAt : null,
                            r.text(f, "link", path + ".link")));
        });
        return out;
    }
}
