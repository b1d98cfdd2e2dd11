package dev.hotfixlog.chat;

import java.util.Map;

/** What a verified chat request asks for, read by its {@link ChatPlatform}: the same for every chat. */
public sealed interface ChatInbound {
    /** The two URLs a chat posts to. */
    enum Route {
        /** {@code /api/v1/chat/<platform>/{name}/commands}: the slash command. */
        COMMANDS,
        /** {@code /api/v1/chat/<platform>/{name}/interactions}: buttons and submitted forms. */
        INTERACTIONS
    }

    /** The chat user, in their workspace: who a link names. */
    record Person(String workspace, String user) {}

    /**
     * {@code /hotfix <text>}.
     *
     * @param channel  where it was typed (announcements go there)
     * @param reply    where an answer to this command goes (Slack's {@code response_url})
     * @param trigger  what opens a form in answer (Slack's {@code trigger_id}), or null
     */
    record Command(Person who, String channel, String text, String reply, String trigger) implements ChatInbound {}

    /**
     * The declare form, submitted.
     *
     * @param formId  the form's own id: one declaration per form, however often it is submitted
     * @param channel where the form was opened from
     * @param answers the answers by field: {@code down}, {@code wait} ({@code yes}/{@code no}), {@code title},
     *                {@code severity}, {@code systems}, {@code problem}; a field left empty is absent
     */
    record Submission(Person who, String formId, String channel, Map<String, String> answers) implements ChatInbound {
        public Submission {
            answers = Map.copyOf(answers);
        }
    }

    /**
     * A button of an announcement.
     *
     * @param action  {@code alerted}, {@code deployed} or {@code resolved}
     * @param hotfix  the hotfix the announcement is of
     * @param reply   where an answer goes
     * @param message the message clicked, for a chat whose button is not signed by the chat itself (Mattermost):
     *                it must be the hotfix's announcement, in its channel; null when the chat's signature covers it
     */
    record Button(Person who, String channel, String action, String hotfix, String reply, String message)
            implements ChatInbound {
        public Button(Person who, String channel, String action, String hotfix, String reply) {
            this(who, channel, action, hotfix, reply, null);
        }
    }

    /**
     * One chat message as a message shortcut hands it over, its text masked already (a form carries it back).
     *
     * @param ts     its id in its channel, the time it was posted (Slack's {@code 1765070220.000200})
     * @param author the chat user who wrote it (or the bot's name)
     */
    record Message(String channel, String ts, String author, String text) {}

    /**
     * The message shortcut "Add to hotfix…" on one message: the answer is a form choosing the hotfix.
     *
     * @param trigger what opens the form
     * @param reply   where an answer goes (no active hotfix, not linked, refused)
     */
    record Shortcut(Person who, Message message, String trigger, String reply) implements ChatInbound {}

    /**
     * The "Add to hotfix…" form, submitted: the message is kept on the chosen hotfix.
     *
     * @param formId the form's own id: the message is kept once per form, however often it is submitted
     */
    record AddMessage(Person who, String formId, String hotfix, Message message) implements ChatInbound {}

    /** A request the log has nothing to do with (a link button's click, an event it does not use). */
    record Ignored(String what) implements ChatInbound {}
}
