package dev.hotfixlog.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Pattern;
import dev.hotfixlog.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON each kind of webhook expects. Text typed into a record is the incident's words, not markup: it is
 * escaped so a title cannot ping {@code @channel}, open a link or break the card.
 */
final class Payloads {
    /** Slack refuses a section block over 3,000 characters. */
    private static final int SLACK_BLOCK = 3000;
    private static final Pattern LINE_BREAK = Pattern.compile("\\n");
    private static final Pattern MATTERMOST_MENTION = Pattern.compile("@(channel|here|all)\\b");

    private Payloads() {
    }

    static String forType(ChannelType type, QueuedMessage m) {
        return Json.write(switch (type) {
            case SLACK -> slack(m.message());
            case MATTERMOST -> mattermost(m.message());
            case TEAMS -> teams(m.message());
            case WEBHOOK -> generic(m);
            case EMAIL -> throw new IllegalArgumentException("e-mail has no JSON payload");
        });
    }

    /** Block Kit: the text as mrkdwn sections (escaped: {@code &}, {@code <}, {@code >}), and a plain fallback. */
    static ObjectNode slack(Message m) {
        ObjectNode o = Json.object();
        String escaped = m.text().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        o.put("text", m.subject().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
        ArrayNode blocks = o.putArray("blocks");
        for (String part : chunks(escaped, SLACK_BLOCK)) {
            ObjectNode section = blocks.addObject();
            section.put("type", "section");
            ObjectNode text = section.putObject("text");
            text.put("type", "mrkdwn");
            text.put("text", part);
        }
        return o;
    }

    /** Mattermost's incoming webhook takes Markdown in {@code text}; mentions of everyone are defused. */
    static ObjectNode mattermost(Message m) {
        ObjectNode o = Json.object();
        o.put("text", MATTERMOST_MENTION.matcher(m.text()).replaceAll("@\u200B$1"));
        return o;
    }

    /** A Teams "Workflows" webhook takes a message with one Adaptive Card attachment. */
    static ObjectNode teams(Message m) {
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
            block.put("text", line.isEmpty() ? " " : line.replace("[", "\\[").replace("*", "\\*")
                    .replace("_", "\\_"));
            block.put("wrap", true);
            block.put("spacing", "None");
        }
        return o;
    }

    /** For anything else: the facts as JSON, the id for the receiver's own de-duplication. */
    static ObjectNode generic(QueuedMessage m) {
        ObjectNode o = Json.object();
        o.put("id", m.id());
        o.put("event", m.kind().json());
        o.put("hotfix", m.hotfixId());
        o.put("severity", m.severity() == null ? null : m.severity().json());
        o.put("subject", m.subject());
        o.put("text", m.body());
        return o;
    }

    private static List<String> chunks(String s, int size) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            int end = Math.min(s.length(), i + size);
            if (end < s.length()) {
                int nl = s.lastIndexOf('\n', end);
                if (nl > i) {
                    end = nl + 1;
                } else if (Character.isHighSurrogate(s.charAt(end - 1))) {
                    end--;
                }
            }
            out.add(s.substring(i, end));
            i = end;
        }
        if (out.isEmpty()) {
            out.add(" ");
        }
        return out;
    }
}
