package dev.hotfixlog.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Pattern;
import dev.hotfixlog.json.Json;

/** A Microsoft Teams "Workflows" webhook ({@code teams https://….logic.azure.com/…}). */
public final class TeamsChannel extends WebhookKind {
    private static final Pattern LINE_BREAK = Pattern.compile("\\n");

    @Override
    public String name() {
        return "teams";
    }

    @Override
    protected ObjectNode payload(QueuedMessage m) {
        return payload(m.message());
    }

    /** A message with one Adaptive Card attachment; the record's text is escaped out of the card's Markdown. */
    static ObjectNode payload(Message m) {
        ObjectNode o = Json.object();
        o.put("type", "message");
        ObjectNode attachment = o.putArray("attachments").addObject();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.putNull("contentUrl");
        ObjectNode card = attachment.putObject("content");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        ArrayNode body = card.putArray("body");
        ObjectNode title = body.addObject();
        title.put("type", "TextBlock");
        title.put("text", m.subject());
        title.put("weight", "Bolder");
        title.put("wrap", true);
        for (String line : LINE_BREAK.split(m.text())) {
            ObjectNode block = body.addObject();
            block.put("type", "TextBlock");
            // Adaptive Cards read a little Markdown; a line of the record stays a line of text.
            block.put(
                    "text",
                    line.isEmpty()
                            ? " "
                            : line.replace("[", "\\[").replace("*", "\\*").replace("_", "\\_"));
            block.put("wrap", true);
            block.put("spacing", "None");
        }
        return o;
    }
}
