package dev.hotfixlog.chat.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.chat.ChatInbound;
import dev.hotfixlog.chat.ChatTalk;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.Severity;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.hotfix.Timeline;
import dev.hotfixlog.json.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Slack's Block Kit, written with the log's one JSON configuration: the declare modal (the seed's decision tree
 * first), the "Add to hotfix…" modal, the announcement (the seed's Incident Alert with its buttons) and the "not a hotfix" answer.
 */
public final class SlackBlocks {
    /** The declare modal's {@code callback_id}. */
    public static final String DECLARE_FORM = "hotfix_declare";
    /** The "Add to hotfix…" modal's {@code callback_id}. */
    public static final String ADD_FORM = "hotfix_add_message";
    /** Slack keeps at most this many characters of a view's {@code private_metadata}. */
    static final int MAX_METADATA = 3000;
    /** Every button of an announcement has an {@code action_id} starting so: {@code hotfix_deployed}, … */
    public static final String ACTION_PREFIX = "hotfix_";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private SlackBlocks() {}

    /** The declare modal, {@code channel} kept in its metadata: the announcement goes where it was asked for. */
    /** The declare form's title field holds at most this many characters (Slack's and Mattermost's max_length). */
    static final int TITLE_MAX = 200;

    /**
     * A typed title as the form's prefilled value: cut to {@link #TITLE_MAX} (never inside a surrogate pair), since
     * Slack refuses a whole view whose initial value is longer than its field, and Mattermost its dialog.
     */
    static String prefilled(String title) {
        String t = title.strip();
        if (t.length() <= TITLE_MAX) {
            return t;
        }
        int end = Character.isHighSurrogate(t.charAt(TITLE_MAX - 1)) ? TITLE_MAX - 1 : TITLE_MAX;
        return t.substring(0, end).strip();
    }

    public static String declareForm(String channel, String title) {
        ObjectNode view = Json.object().put("type", "modal").put("callback_id", DECLARE_FORM);
        view.put("private_metadata", channel == null ? "" : channel);
        view.set("title", plain("Declare a hotfix"));
        view.set("submit", plain("Declare"));
        view.set("close", plain("Cancel"));
        ArrayNode blocks = view.putArray("blocks");
        blocks.add(choice("down", "Is production down or severely degraded?", false, "yes", "Yes", "no", "No"));
        blocks.add(
                choice("wait", "Can it wait 2–4 hours? (only if production is down)", true, "yes", "Yes", "no", "No"));
        ObjectNode titleInput = Json.object().put("type", "plain_text_input").put("action_id", "title");
        titleInput.put("max_length", TITLE_MAX);
        if (title != null && !title.isBlank()) {
            titleInput.put("initial_value", prefilled(title));
        }
        blocks.add(input("title", "Title (brief description)", false, titleInput));
        ObjectNode severity = Json.object().put("type", "static_select").put("action_id", "severity");
        ArrayNode options = severity.putArray("options");
        for (Severity s : Severity.stated()) {
            options.add(option(s.json(), s.emoji() + " " + s.label()));
        }
        blocks.add(input("severity", "Severity", false, severity));
        blocks.add(input(
                "systems",
                "Systems affected (comma or one a line)",
                true,
                Json.object().put("type", "plain_text_input").put("action_id", "systems")));
        blocks.add(input(
                "problem",
                "Problem: what is broken or failing",
                true,
                Json.object()
                        .put("type", "plain_text_input")
                        .put("action_id", "problem")
                        .put("multiline", true)));
        return Json.write(view);
    }

    /**
     * The "Add to hotfix…" modal: the message (masked already) shown and kept in the form's metadata, cut to fit
     * it, and a choice of the open hotfixes ({@code hotfixes}: id to what it shows).
     */
    public static String addMessageForm(ChatInbound.Message m, Map<String, String> hotfixes) {
        ObjectNode view = Json.object().put("type", "modal").put("callback_id", ADD_FORM);
        view.put("private_metadata", metadata(m));
        view.set("title", plain("Add to hotfix"));
        view.set("submit", plain("Add"));
        view.set("close", plain("Cancel"));
        ArrayNode blocks = view.putArray("blocks");
        String shown = m.text().length() > 500 ? m.text().substring(0, 500) + "…" : m.text();
        blocks.add(section("<@" + escape(m.author()) + ">: " + escape(shown)));
        ObjectNode select = Json.object().put("type", "static_select").put("action_id", "hotfix");
        ArrayNode options = select.putArray("options");
        // Slack shows at most 100 options, each label at most 75 characters.
        hotfixes.entrySet().stream()
                .limit(100)
                .forEach(e -> options.add(option(e.getKey(), cut(e.getKey() + " " + e.getValue(), 75))));
        blocks.add(input("hotfix", "Keep this message as evidence of", false, select));
        return Json.write(view);
    }

    /** The message a submitted "Add to hotfix…" form carries back in its metadata. */
    public static ChatInbound.Message messageOf(String metadata) {
        ObjectNode m = Json.parseObject(metadata);
        return new ChatInbound.Message(
                m.path("c").asText(""),
                m.path("ts").asText(""),
                m.path("a").asText(""),
                m.path("t").asText(""));
    }

    private static String metadata(ChatInbound.Message m) {
        String text = m.text();
        while (true) {
            String json = Json.write(Json.object()
                    .put("c", m.channel())
                    .put("ts", m.ts())
                    .put("a", m.author())
                    .put("t", text));
            if (json.length() <= MAX_METADATA) {
                return json;
            }
            // Cut after masking: the whole message stays at its permalink, which the kept note names.
            text = text.substring(0, Math.max(0, text.length() - (json.length() - MAX_METADATA) - 2)) + "…";
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** The answer to a submission whose decision tree says it is no hotfix: the modal says so; nothing stored. */
    public static String notAHotfix(String advice) {
        ObjectNode answer = Json.object().put("response_action", "update");
        ObjectNode view = answer.putObject("view").put("type", "modal");
        view.set("title", plain("Not a hotfix"));
        view.set("close", plain("Close"));
        view.putArray("blocks")
                .add(section("*" + escape(advice) + "*: by the decision tree this is not a hotfix, so nothing was "
                        + "stored. Declare it on the web if you still want it kept and marked."));
        return Json.write(answer);
    }

    /** The announcement's blocks: the Incident Alert while it runs, its completion after; buttons for what is left. */
    public static String announcement(ChatTalk.Announcement a) {
        ArrayNode blocks = Json.mapper().createArrayNode();
        Hotfix h = a.hotfix();
        if (h == null) {
            blocks.add(section("~" + escape(a.id()) + "~ was deleted from the log."));
            return Json.write(blocks);
        }
        boolean done = h.status() == Status.COMPLETED;
        blocks.add(Json.object()
                .put("type", "header")
                .set("text", plain(done ? "✅ HOTFIX COMPLETE" : "🚨 HOTFIX IN PROGRESS 🚨")));
        blocks.add(section("*Issue:* " + escape(h.title())
                + "\n*Impact:* " + escape(or(h.text("impact"), "unknown yet"))
                + "\n*Severity:* " + h.severity().emoji() + " " + h.severity().label()
                + "\n*Owner:* " + escape(or(h.owner(), "unassigned"))
                + "\n*Tracking:* " + (a.recordUrl() == null ? a.id() : "<" + a.recordUrl() + "|" + a.id() + ">")));
        Timeline t = h.timeline();
        ObjectNode context = Json.object().put("type", "context");
        context.putArray("elements")
                .add(Json.object()
                        .put("type", "mrkdwn")
                        .put(
                                "text",
                                "Status: " + h.status().json()
                                        + " · Detected " + time(t.detectedAt())
                                        + " · Alerted " + time(t.alertedAt())
                                        + " · Fix deployed " + time(t.fixDeployedAt())
                                        + " · Resolved " + time(t.resolvedAt())));
        blocks.add(context);
        ObjectNode actions = Json.object().put("type", "actions").put("block_id", "hotfix_actions");
        ArrayNode buttons = actions.putArray("elements");
        if (!done) {
            if (t.alertedAt() == null) {
                buttons.add(button("alerted", "Alerted", a.id(), null));
            }
            if (t.fixDeployedAt() == null) {
                buttons.add(button("deployed", "Fix deployed", a.id(), "primary"));
            }
            buttons.add(button("resolved", "Resolved", a.id(), null));
        }
        if (a.recordUrl() != null) {
            buttons.add(button("open", "Open record", a.id(), null).put("url", a.recordUrl()));
        }
        if (!buttons.isEmpty()) {
            blocks.add(actions);
        }
        return Json.write(blocks);
    }

    /** The notification text of the announcement (what a phone shows): the Incident Alert's first lines. */
    public static String fallback(ChatTalk.Announcement a) {
        Hotfix h = a.hotfix();
        if (h == null) {
            return escape(a.id()) + " was deleted from the log.";
        }
        // Slack reads a message's text as mrkdwn too: a title's <!channel> would ping the whole channel.
        return (h.status() == Status.COMPLETED ? "HOTFIX COMPLETE: " : "HOTFIX IN PROGRESS: ") + escape(a.id()) + " "
                + escape(h.title());
    }

    /**
     * Slack's mrkdwn escapes: its markup uses only these three characters as control characters, so no mention
     * ({@code <!channel>}, {@code <@U1>}), link or channel reference can be made from the text. The one escaping
     * of Slack text ({@code SlackPlatform.escape}): every text built from a record or a person's words uses it.
     */
    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String time(Instant i) {
        return i == null ? "—" : TIME.format(i);
    }

    private static String or(String s, String otherwise) {
        return s == null || s.isBlank() ? otherwise : s;
    }

    private static ObjectNode plain(String text) {
        return Json.object().put("type", "plain_text").put("text", text);
    }

    private static ObjectNode section(String mrkdwn) {
        ObjectNode s = Json.object().put("type", "section");
        s.putObject("text").put("type", "mrkdwn").put("text", mrkdwn);
        return s;
    }

    private static ObjectNode option(String value, String label) {
        ObjectNode o = Json.object().put("value", value);
        o.set("text", plain(label));
        return o;
    }

    private static ObjectNode input(String id, String label, boolean optional, ObjectNode element) {
        ObjectNode b = Json.object().put("type", "input").put("block_id", id).put("optional", optional);
        b.set("label", plain(label));
        b.set("element", element);
        return b;
    }

    private static ObjectNode choice(
            String id, String label, boolean optional, String v1, String l1, String v2, String l2) {
        ObjectNode radios = Json.object().put("type", "radio_buttons").put("action_id", id);
        radios.putArray("options").add(option(v1, l1)).add(option(v2, l2));
        return input(id, label, optional, radios);
    }

    private static ObjectNode button(String action, String label, String value, String style) {
        ObjectNode b = Json.object().put("type", "button").put("action_id", ACTION_PREFIX + action);
        b.set("text", plain(label));
        b.put("value", value);
        if (style != null) {
            b.put("style", style);
        }
        return b;
    }
}
