package dev.hotfixlog.chat.internal;

import dev.hotfixlog.attachment.AttachmentService;
import dev.hotfixlog.attachment.Owner;
import dev.hotfixlog.attachment.Upload;
import dev.hotfixlog.chat.ChatInbound;
import dev.hotfixlog.error.HotfixLogException;
import dev.hotfixlog.error.RemoteException;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixQuery;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.security.AuditLog;
import dev.hotfixlog.web.Role;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message shortcut "Add to hotfix…": a chat message kept as evidence of an open hotfix, with who wrote it, when,
 * and its permalink. The shortcut answers with a form choosing the hotfix (or says there is none open); the form's
 * submission keeps the message through the attachment service, the one path every kept text is masked on, once
 * per form however often it comes, as the linked person with their role read now.
 */
final class MessageShortcut {
    private static final Logger LOG = LoggerFactory.getLogger(MessageShortcut.class);
    /** A carried text this long ending in "…" was cut to fit the form's metadata (3,000 characters, escaped). */
    private static final int CUT_FROM = 1000;

    private final HotfixService hotfixes;
    private final AttachmentService attachments;
    private final People people;
    private final AuditLog audit;
    private final ShortcutMessages whole;
    private final Clock clock;

    MessageShortcut(
            HotfixService hotfixes,
            AttachmentService attachments,
            People people,
            AuditLog audit,
            ShortcutMessages whole,
            Clock clock) {
        this.hotfixes = hotfixes;
        this.whole = whole;
        this.attachments = attachments;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    /** The shortcut on a message: the form, or why not, answered only to the person. */
    void shortcut(Workspace w, ChatInbound.Shortcut s) {
        String action = w.platform().label() + " add to hotfix";
        Optional<People.Actor> actor = people.who(w, s.who());
        if (actor.isEmpty()) {
            audit.record(s.who().user() + w.via(), action, null, w.path(), 401, "not linked");
            w.talk().answer(s.reply(), Conversation.howToLink(w), false);
            return;
        }
        People.Actor a = actor.get();
        try {
            a.require(Role.RESPONDER, "adding a message to a hotfix");
        } catch (HotfixLogException e) {
            audit.record(a.name(), action, null, w.path(), e.kind().httpStatus(), e.getMessage());
            w.talk().answer(s.reply(), Conversation.said(w, e), false);
            return;
        }
        Map<String, String> open = new LinkedHashMap<>();
        for (Status status : List.of(Status.ACTIVE, Status.DEPLOYED)) {
            for (Hotfix h :
                    hotfixes.list(new HotfixQuery(status, null, 100, null)).items()) {
                open.put(h.id().toString(), h.title());
            }
        }
        if (open.isEmpty()) {
            w.talk().answer(s.reply(), "No hotfix is active: there is none to add this message to.", false);
            return;
        }
        // The form carries at most 3,000 characters of the message: the whole of it waits here for the form.
        whole.keep(w.path(), s.message());
        w.talk().openAddMessageForm(s.trigger(), s.message(), open);
    }

    /**
     * The submitted form: the message kept on the chosen hotfix. {@code firstTime} notes the form as taken, after
     * the person may act and before anything is stored: a double submit or retry stores nothing more.
     */
    void add(Workspace w, ChatInbound.AddMessage m, BooleanSupplier firstTime) {
        ChatInbound.Message carried = m.message();
        Optional<String> kept = whole.text(w.path(), carried);
        ChatInbound.Message msg = kept.map(
                        t -> new ChatInbound.Message(carried.channel(), carried.ts(), carried.author(), t))
                .orElse(carried);
        Optional<People.Actor> actor = people.who(w, m.who());
        if (actor.isEmpty()) {
            w.talk().tell(msg.channel(), m.who().user(), Conversation.howToLink(w));
            return;
        }
        People.Actor a = actor.get();
        String action = w.platform().label() + " add to hotfix";
        String answer;
        try {
            a.require(Role.RESPONDER, "adding a message to a hotfix");
            HotfixId id = HotfixId.parse(m.hotfix());
            if (firstTime.getAsBoolean()) {
                keep(w, a, id, msg);
                audit.record(a.name(), action, id.toString(), w.path(), 200, null);
                answer = id + ": the message is kept on the record (evidence), with its link"
                        + (kept.isEmpty()
                                        && carried.text().endsWith("…")
                                        && carried.text().length() > CUT_FROM
                                ? " (only its first " + (carried.text().length() - 1)
                                        + " characters reached the log: the whole message is at its link)."
                                : ".");
            } else {
                answer = id + ": this form's message is kept already."; // a double submit: nothing stored twice
            }
        } catch (HotfixLogException e) {
            audit.record(a.name(), action, m.hotfix(), w.path(), e.kind().httpStatus(), e.getMessage());
            answer = "Nothing was added: " + Conversation.said(w, e);
        }
        w.talk().tell(msg.channel(), m.who().user(), answer);
    }

    private void keep(Workspace w, People.Actor a, HotfixId id, ChatInbound.Message msg) {
        String link = orNull(() -> w.talk().permalink(msg.channel(), msg.ts()));
        String name = orNull(() -> w.talk().displayName(msg.author()));
        String author = name == null || name.isBlank() ? msg.author() : name + " (" + msg.author() + ")";
        Instant posted = posted(msg.ts());
        String where = link == null ? "(no link: " + w.platform().label() + " gave none)" : link;
        String kept = w.platform().label() + " message by " + author + " at " + (posted == null ? msg.ts() : posted)
                + " in " + msg.channel() + "\n" + where + "\nadded " + clock.instant() + " by " + a.name() + "\n\n"
                + msg.text() + "\n";
        String tail = " — " + author + ", " + where;
        int room = Upload.MAX_NOTE - tail.length();
        String label =
                (msg.text().length() > room ? msg.text().substring(0, Math.max(0, room - 1)) + "…" : msg.text()) + tail;
        attachments.add(
                new Owner(Owner.Kind.HOTFIX, id.toString()),
                new Upload(
                        w.platform().name() + "-message-" + msg.ts() + ".txt",
                        label.length() > Upload.MAX_NOTE ? label.substring(0, Upload.MAX_NOTE) : label,
                        kept.getBytes(StandardCharsets.UTF_8)),
                a.name());
    }

    /** Slack's message ts is seconds since the epoch with microseconds after the point. */
    static Instant posted(String ts) {
        try {
            BigDecimal seconds = new BigDecimal(ts);
            return Instant.ofEpochSecond(
                    seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** What the chat says, or null when it is away: the message is kept all the same, its link missing. */
    private static String orNull(Supplier<String> ask) {
        try {
            return ask.get();
        } catch (RemoteException e) {
            LOG.warn("the chat could not say more about a kept message", e);
            return null;
        }
    }
}
