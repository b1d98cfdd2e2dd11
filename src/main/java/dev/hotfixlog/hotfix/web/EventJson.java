package dev.hotfixlog.hotfix.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.LifecycleEvent;
import dev.hotfixlog.hotfix.internal.FieldReader;
import dev.hotfixlog.json.Json;
import java.time.Instant;
import java.util.Set;

/** {@code {"type":"alerted|deployed|resolved","at":"…","withoutDeploy":false}} in both directions. */
public final class EventJson {
    private static final Set<String> FIELDS = Set.of("type", "at", "withoutDeploy");

    private EventJson() {}

    public static LifecycleEvent read(ObjectNode node) {
        FieldReader r = new FieldReader();
        node.fieldNames().forEachRemaining(n -> {
            if (!FIELDS.contains(n)) {
                r.error(n, "is not a field of an event; use type, at, withoutDeploy");
            }
        });
        String typeText = r.text(node, "type", "type");
        if (typeText == null && !node.has("type")) {
            r.error("type", "is required: one of alerted, deployed, resolved");
        }
        LifecycleEvent.Type type =
                typeText == null ? null : r.parsed(node, "type", "type", s -> LifecycleEvent.Type.parse("type", s));
        Instant at = r.instant(node, "at", "at");
        Boolean withoutDeploy = r.bool(node, "withoutDeploy", "withoutDeploy");
        if (!r.errors().isEmpty()) {
            throw new ValidationException(r.errors());
        }
        return new LifecycleEvent(type, at, withoutDeploy != null && withoutDeploy);
    }

    public static ObjectNode write(LifecycleEvent e) {
        ObjectNode o = Json.object();
        o.put("type", e.type().json());
        if (e.at() != null) {
            o.put("at", e.at().toString());
        }
        if (e.withoutDeploy()) {
            o.put("withoutDeploy", true);
        }
        return o;
    }
}
