package dev.hotfixlog.chat;

import dev.hotfixlog.hotfix.Hotfix;
import java.util.Map;

/**
 * How the log talks to one chat workspace: its answers, its declare form and its announcements. Every method is
 * called after the request's acknowledgement, on the chat's own threads; a failure is a
 * {@link dev.hotfixlog.error.RemoteException} naming what the chat said.
 */
public interface ChatTalk {
    /** Answers a command or a button where {@code reply} says; only its person sees it unless {@code everyone}. */
    void answer(String reply, String text, boolean everyone);

    /** Tells one person, in a channel, something only they see (a submitted form has no reply address). */
    void tell(String channel, String user, String text);

    /** Opens the declare form: the decision tree first, then title, severity, systems and problem. */
    void openDeclareForm(String trigger, String channel, String title);

    /**
     * Opens the declare form for this person: a chat whose form comes back through the person's client
     * (Mattermost's dialog state) binds it to them.
     */
    default void openDeclareForm(String trigger, String channel, String title, ChatInbound.Person who) {
        openDeclareForm(trigger, channel, title);
    }

    /**
     * Opens the "Add to hotfix…" form for one message: a choice of {@code hotfixes} (id to what it shows). Only a
     * chat with message shortcuts (Slack) is ever asked.
     */
    default void openAddMessageForm(String trigger, ChatInbound.Message message, Map<String, String> hotfixes) {
        throw new UnsupportedOperationException("this chat has no message shortcut");
    }

    /** The permanent link of one message, or null when the chat gives none. */
    default String permalink(String channel, String ts) {
        return null;
    }

    /** The name the chat shows for this user, or null when it gives none. */
    default String displayName(String user) {
        return null;
    }

    /** Posts the announcement of a hotfix; the message's id in its channel. */
    String post(String channel, Announcement announcement);

    /**
     * Posts {@code text} in the thread of the posted announcement {@code message} (the seed's Hotfix Complete);
     * a chat without threads is not asked to.
     */
    default void reply(String channel, String message, String text) {}

    /** Makes the posted announcement tell what the record says now. */
    void update(String channel, String message, Announcement announcement);

    /**
     * Makes a channel for one hotfix, named {@code name}, and invites {@code user} (who declared it) into it; its
     * id. Only a chat whose entry asks for a channel per hotfix is asked.
     */
    default String openChannel(String name, String user) {
        throw new UnsupportedOperationException("this chat makes no channel per hotfix");
    }

    /** Pins the announcement in the hotfix's own channel. */
    default void pin(String channel, String message) {}

    /** Archives the hotfix's own channel once the hotfix is complete. */
    default void archive(String channel) {}

    /** The e-mail address the workspace verified for this user, or null when it gives none. */
    String verifiedEmail(String user);

    /**
     * One hotfix as its announcement shows it.
     *
     * @param hotfix    the record as it is now; null when it was deleted
     * @param id        its id (also when deleted)
     * @param recordUrl its page, or null when the server's public address is not configured
     */
    record Announcement(Hotfix hotfix, String id, String recordUrl) {}
}
