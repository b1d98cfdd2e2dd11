package dev.hotfixlog.chat.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.chat.ChatTalk;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.Severity;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.hotfix.Timeline;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.security.Integrations;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Mattermost's messages, written with the log's one JSON configuration: the declare form as an interactive
 * dialog, the announcement as a message attachment whose buttons post back to the log ({@code integration.url}
 * with a {@code context}), and what the log signs in them. Mattermost signs neither a button's click nor a
 * dialog's submission, so the log signs what it asks to get back: a button's context carries a MAC over its
 * action and hotfix, a dialog's state one over the person it was opened for, its id and its channel, each keyed
 * with the entry's secret and checked by {@code security.Integrations}.
 */
public final class MattermostMessages {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private MattermostMessages() {}

    /** Mattermost's Markdown characters that format or link: each is sent behind a backslash. */
    private static final String MARKDOWN = "\\`*_~[]()<>#|!";

    /**
     * {@code text} made inert in Mattermost's Markdown: each character that formats or links ({@code [x](url)},
     * {@code <url>}, {@code *}, {@code ~channel}, …) behind a backslash, and a word's leading {@code @} followed by a
     * zero-width space, so {@code @channel}, {@code @here}, {@code @all} and {@code @someone} mention nobody. An
     * address such as {@code ana@example.com} is left as it is.
     */
    public static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (MARKDOWN.indexOf(c) >= 0) {
                b.append('\\').append(c);
            } else if (c == '@' && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
                b.append("@\u200B");
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** What a button's MAC is over. */
    public static String buttonSigned(String action, String hotfix) {
        return "button:" + action + ":" + hotfix;
    }

    /** What a dialog's MAC is over: it comes back through the person's client, so it is theirs alone. */
    public static String dialogSigned(String user, String formId, String channel) {
        return "dialog:" + user + ":" + formId + ":" + channel;
    }

    /** The body of {@code POST /api/v4/actions/dialogs/open}: the decision tree first, then the record's fields. */
    static ObjectNode dialog(
            String trigger, String url, String formId, String channel, String title, String user, String secret) {
        ObjectNode open = Json.object().put("trigger_id", trigger).put("url", url);
        ObjectNode d = open.putObject("dialog")
                .put("callback_id", formId)
                .put("title", "Declare a hotfix")
                .put("submit_label", "Declare")
                .put("notify_on_cancel", false)
                .put("state", channel + " " + mac(secret, dialogSigned(user, formId, channel)));
        ArrayNode elements = d.putArray("elements");
        elements.add(choice("down", "Is production down or severely degraded?", false));
        elements.add(choice("wait", "Can it wait 2–4 hours? (only if production is down)", true));
        ObjectNode t =
                text("title", "Title (brief description)", "text", false).put("max_length", SlackBlocks.TITLE_MAX);
        if (title != null && !title.isBlank()) {
            t.put("default", SlackBlocks.prefilled(title));
        }
        elements.add(t);
        ObjectNode severity = Json.object()
                .put("display_name", "Severity")
                .put("name", "severity")
                .put("type", "select");
        ArrayNode options = severity.putArray("options");
        for (Severity s : Severity.stated()) {
            options.add(Json.object().put("text", s.emoji() + " " + s.label()).put("value", s.json()));
        }
        elements.add(severity);
        elements.add(text("systems", "Systems affected (comma or one a line)", "text", true));
        elements.add(text("problem", "Problem: what is broken or failing", "textarea", true));
        return open;
    }

    /** The body of {@code POST /api/v4/posts} (and, with the post's id, of {@code PUT /api/v4/posts/{id}}). */
    static ObjectNode post(String channel, ChatTalk.Announcement a, String url, String secret) {
        ObjectNode post = Json.object().put("channel_id", channel).put("message", "");
        ObjectNode attachment = post.putObject("props").putArray("attachments").addObject();
        Hotfix h = a.hotfix();
        String link = a.recordUrl() == null ? escape(a.id()) : "[" + escape(a.id()) + "](" + a.recordUrl() + ")";
        if (h == null) {
            attachment
                    .put("fallback", escape(a.id()) + " was deleted from the log.")
                    .put("text", "~~" + escape(a.id()) + "~~ was deleted from the log.");
            return post;
        }
        boolean done = h.status() == Status.COMPLETED;
        Timeline t = h.timeline();
        attachment
                .put(
                        "fallback",
                        (done ? "HOTFIX COMPLETE: " : "HOTFIX IN PROGRESS: ") + escape(a.id()) + " "
                                + escape(h.title()))
                .put("color", done ? "#2eb886" : "#d00000")
                .put("title", done ? "✅ HOTFIX COMPLETE" : "🚨 HOTFIX IN PROGRESS 🚨")
                .put(
                        "text",
                        "**Issue:** " + escape(h.title()) + "\n**Impact:** "
                                + escape(or(h.text("impact"), "unknown yet"))
                                + "\n**Severity:** " + h.severity().emoji() + " "
                                + h.severity().label()
                                + "\n**Owner:** " + escape(or(h.owner(), "unassigned")) + "\n**Tracking:** " + link
                                + "\nStatus: " + h.status().json() + " · Detected " + time(t.detectedAt())
                                + " · Alerted " + time(t.alertedAt()) + " · Fix deployed " + time(t.fixDeployedAt())
                                + " · Resolved " + time(t.resolvedAt()));
        ArrayNode actions = attachment.putArray("actions");
        if (!done) {
            if (t.alertedAt() == null) {
                actions.add(button("alerted", "Alerted", a.id(), "default", url, secret));
            }
            if (t.fixDeployedAt() == null) {
                actions.add(button("deployed", "Fix deployed", a.id(), "primary", url, secret));
            }
            actions.add(button("resolved", "Resolved", a.id(), "default", url, secret));
        }
        return post;
    }

    private static ObjectNode button(
            String action, String label, String hotfix, String style, String url, String secret) {
        ObjectNode b = Json.object()
                .put("id", action)
                .put("name", label)
                .put("type", "button")
                .put("style", style);
        b.putObject("integration")
                .put("url", url)
                .putObject("context")
                .put("action", action)
                .put("hotfix", hotfix)
                .put("mac", mac(secret, buttonSigned(action, hotfix)));
        return b;
    }

    private static String mac(String secret, String text) {
        return Integrations.hmacHex(secret, text.getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode choice(String name, String label, boolean optional) {
        ObjectNode c = Json.object()
                .put("display_name", label)
                .put("name", name)
                .put("type", "radio")
                .put("optional", optional);
        c.putArray("options")
                .add(Json.object().put("text", "Yes").put("value", "yes"))
                .add(Json.object().put("text", "No").put("value", "no"));
        return c;
    }

    private static ObjectNode text(String name, String label, String type, boolean optional) {
        return Json.object()
                .put("display_name", label)
                .put("name", name)
                .put("type", type)
                .put("optional", optional);
    }

    private static String time(Instant i) {
        return i == null ? "—" : TIME.format(i);
    }

    private static String or(String s, String otherwise) {
        return s == null || s.isBlank() ? otherwise : s;
    }
}
