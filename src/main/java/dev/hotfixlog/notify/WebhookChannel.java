package dev.hotfixlog.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.json.Json;

/** A generic JSON webhook ({@code webhook https://…}), for anything else: the facts, and the id to de-duplicate. */
public final class WebhookChannel extends WebhookKind {
    @Override
    public String name() {
        return "webhook";
    }

    @Override
    protected ObjectNode payload(QueuedMessage m) {
        ObjectNode o = Json.object();
        o.put("id", m.id());
        o.put("event", m.kind().json());
        o.put("hotfix", m.hotfixId());
        o.put("severity", m.severity() == null ? null : m.severity().json());
        o.put("subject", m.subject());
        o.put("text", m.body());
        return o;
    }
}
