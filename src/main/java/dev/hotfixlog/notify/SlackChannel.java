package dev.hotfixlog.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A Slack incoming webhook ({@code slack https://hooks.slack.com/services/…}). Text typed into a record is the
 * incident's words, not markup: it is escaped so a title cannot ping {@code @channel}, open a link or break the
 * message.
 */
public final class SlackChannel extends WebhookKind {
    /** Slack refuses a section block over 3,000 characters. */
    private static final int SLACK_BLOCK = 3000;

    @Override
    public String name() {
        return "slack";
    }

    @Override
    protected ObjectNode payload(QueuedMessage m) {
        return payload(m.message());
    }

    /** Block Kit: the text as mrkdwn sections (escaped: {@code &}, {@code <}, {@code >}), and a plain fallback. */
    static ObjectNode payload(Message m) {
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
