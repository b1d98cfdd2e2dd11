package dev.hotfixlog.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Pattern;
import dev.hotfixlog.json.Json;

/** A Mattermost incoming webhook ({@code mattermost https://chat.example.com/hooks/…}). */
public final class MattermostChannel extends WebhookKind {
    private static final Pattern MATTERMOST_MENTION = Pattern.compile("@(channel|here|all)\\b");

    @Override
    public String name() {
        return "mattermost";
    }

    @Override
    protected ObjectNode payload(QueuedMessage m) {
        return payload(m.message());
    }

    /** Mattermost's incoming webhook takes Markdown in {@code text}; mentions of everyone are defused. */
    static ObjectNode payload(Message m) {
        ObjectNode o = Json.object();
        o.put("text", MATTERMOST_MENTION.matcher(m.text()).replaceAll("@\u200B$1"));
        return o;
    }
}
