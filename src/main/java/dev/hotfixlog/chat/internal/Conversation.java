package dev.hotfixlog.chat.internal;

import com.google.re2j.Pattern;
import dev.hotfixlog.attachment.AttachmentService;
import dev.hotfixlog.attachment.Owner;
import dev.hotfixlog.attachment.Upload;
import dev.hotfixlog.chat.ChatInbound;
import dev.hotfixlog.error.ConflictException;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ForbiddenException;
import dev.hotfixlog.error.HotfixLogException;
import dev.hotfixlog.error.NotFoundException;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixQuery;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.hotfix.LifecycleEvent;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.security.AuditLog;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.web.Role;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The {@code /hotfix} language, the same in every chat: {@code declare [title]}, {@code list},
 * {@code show ID}, {@code alerted|deployed|resolved ID [time]}, {@code note ID text}, {@code link CODE},
 * {@code help}; the declare form's submission; the announcement's buttons. Runs after the request was
 * acknowledged. Everything is done through the features' public services as the web does it, as the linked
 * account "via" the chat; every refusal is the error table's exception, answered with its message.
 */
public final class Conversation {
    static final String HELP = """
            `/hotfix declare [title]`: the decision tree, then the form; the hotfix is announced here
            `/hotfix list`: the active and deployed hotfixes
            `/hotfix show HOTFIX-12`
            `/hotfix alerted|deployed|resolved HOTFIX-12 [time]`: stamps a time (now, 02:17 UTC, 15 minutes ago)
            `/hotfix note HOTFIX-12 text`: keeps the text as the record's evidence
            `/hotfix link CODE`: act as your Hotfix Log account (ask for a code on the web: POST /api/v1/chat/link-codes)""";

    /** How the hotfix service's "no hotfix" points at the CLI and the API, said in the chat's words instead. */
    private static final String CLI_HINT = "; list them with `hotfix list`";

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private final HotfixService hotfixes;
    private final AttachmentService attachments;
    private final People people;
    private final Announcements announcements;
    private final AuditLog audit;
    private final MessageShortcut shortcut;
    private final Clock clock;

    public Conversation(
            HotfixService hotfixes,
            AttachmentService attachments,
            People people,
            Announcements announcements,
            AuditLog audit,
            Database db,
            Clock clock) {
        this.hotfixes = hotfixes;
        this.attachments = attachments;
        this.people = people;
        this.announcements = announcements;
        this.audit = audit;
        this.clock = clock;
        this.shortcut =
                new MessageShortcut(hotfixes, attachments, people, audit, new ShortcutMessages(db, clock), clock);
    }

    /** The message shortcut "Add to hotfix…" on a message: the form choosing the hotfix, or why not. */
    public void shortcut(Workspace w, ChatInbound.Shortcut s) {
        shortcut.shortcut(w, s);
    }

    /** Its form, submitted: the message kept once per form ({@code firstTime} notes the form as taken). */
    public void addMessage(Workspace w, ChatInbound.AddMessage m, BooleanSupplier firstTime) {
        shortcut.add(w, m, firstTime);
    }

    /**
     * A command: answered where it says, only to its person unless it announces. {@code received}: when the chat
     * sent it, the time a stamp without one is made at (the work may run later, or again after a restart).
     */
    public void command(Workspace w, ChatInbound.Command c, Instant received) {
        String[] words = SPACES.split(c.text().strip(), 3);
        String verb = words[0].toLowerCase(Locale.ROOT);
        if (verb.isEmpty() || verb.equals("help")) {
            w.talk().answer(c.reply(), help(w), false);
            return;
        }
        if (verb.equals("link")) {
            link(w, c, words.length > 1 ? words[1] : "");
            return;
        }
        Optional<People.Actor> actor = people.who(w, c.who());
        if (actor.isEmpty()) {
            audit.record(
                    c.who().user() + w.via(),
                    w.platform().label() + " /hotfix " + verb,
                    null,
                    w.path(),
                    401,
                    "not linked");
            w.talk().answer(c.reply(), howToLink(w), false);
            return;
        }
        People.Actor a = actor.get();
        String subject = words.length > 1 ? words[1] : null;
        String rest = words.length > 2 ? words[2] : null;
        act(w, a, w.platform().label() + " /hotfix " + verb, subject, c.reply(), () -> switch (verb) {
            case "declare" ->
                declareForm(w, c, a, c.text().strip().substring(verb.length()).strip());
            case "list" -> list(w);
            case "show" -> show(w, hotfixes.get(idOf(w, verb, subject)));
            case "alerted", "deployed", "resolved" -> stamp(a, verb, idOf(w, verb, subject), rest, received);
            case "note" -> note(w, a, idOf(w, verb, subject), rest == null ? "" : rest, received);
            default -> "I do not know `" + w.platform().escape(verb) + "`.\n" + help(w);
        });
    }

    /**
     * Does one thing as the person, audits it (done, or refused with the error table's status and message) and
     * then answers with what it says: the audit line is there before the person reads the answer.
     */
    private void act(Workspace w, People.Actor a, String action, String subject, String reply, Supplier<String> work) {
        String answer;
        try {
            answer = work.get();
            audit.record(a.name(), action, subject, w.path(), 200, null);
        } catch (HotfixLogException e) {
            answer = said(w, e);
            audit.record(a.name(), action, subject, w.path(), e.kind().httpStatus(), e.getMessage());
        }
        if (answer != null) {
            w.talk().answer(reply, answer, false);
        }
    }

    /**
     * What a submitted declare form's own HTTP answer says instead of the acknowledgement (the fields to fix with
     * the form kept open, or "not a hotfix"), or null when it goes ahead: read before it is acknowledged.
     */
    public String formAnswer(Workspace w, ChatInbound.Submission s) {
        return DeclareForm.answer(w, s, hotfixes, clock.instant());
    }

    /** A submitted declare form: one hotfix per form, however often it comes, announced where it was opened. */
    public void submission(Workspace w, ChatInbound.Submission s) {
        Optional<People.Actor> actor = people.who(w, s.who());
        if (actor.isEmpty()) {
            w.talk().tell(s.channel(), s.who().user(), howToLink(w));
            return;
        }
        People.Actor a = actor.get();
        Hotfix h;
        try {
            a.require(Role.RESPONDER, "declaring a hotfix");
            declaresHere(w, s.channel());
            h = hotfixes.create(
                    MergePatch.of(DeclareForm.declaration(s, a.username())),
                    a.name(),
                    w.path() + "/form/" + s.formId());
            audit.record(a.name(), w.platform().label() + " declare", h.id().toString(), w.path(), 201, null);
        } catch (HotfixLogException e) {
            audit.record(
                    a.name(),
                    w.platform().label() + " declare",
                    null,
                    w.path(),
                    e.kind().httpStatus(),
                    e.getMessage());
            if (!s.channel().isEmpty()) {
                w.talk().tell(s.channel(), s.who().user(), "Nothing was declared: " + said(w, e));
            }
            return;
        }
        // Stored: what follows only tells of it (a chat that is away now does not undo the declaration).
        if (!s.channel().isEmpty()) {
            announcements.announce(w, h, s.channel(), s.who().user());
            w.talk()
                    .tell(
                            s.channel(),
                            s.who().user(),
                            h.id() + " declared: " + w.platform().escape(h.title()));
        }
    }

    /** A button of an announcement: stamps the time it was clicked ({@code received}), as the linked account. */
    public void button(Workspace w, ChatInbound.Button b, Instant received) {
        Optional<People.Actor> actor = people.who(w, b.who());
        if (actor.isEmpty()) {
            w.talk().answer(b.reply(), howToLink(w), false);
            return;
        }
        People.Actor a = actor.get();
        act(
                w,
                a,
                w.platform().label() + " " + b.action(),
                b.hotfix(),
                b.reply(),
                () -> stamp(a, b.action(), HotfixId.parse(b.hotfix()), null, received));
    }

    private void link(Workspace w, ChatInbound.Command c, String code) {
        if (code.isBlank()) {
            w.talk().answer(c.reply(), howToLink(w), false);
            return;
        }
        String action = w.platform().label() + " /hotfix link";
        String who = c.who().user() + w.via();
        Instant since = clock.instant().minus(People.GUESS_WINDOW);
        if (audit.outcomes(who, action, w.path(), 401, since) >= People.MAX_WRONG_CODES) {
            // Guessing is bounded per chat user: the code is not even tried, and the refusal is audited.
            audit.record(who, action, null, w.path(), 429, "too many wrong link codes");
            w.talk()
                    .answer(
                            c.reply(),
                            "Too many wrong codes: wait " + People.GUESS_WINDOW.toMinutes()
                                    + " minutes, then type the newest code you asked for.",
                            false);
            return;
        }
        Optional<String> linked = people.redeem(w, c.who(), code);
        if (linked.isPresent()) {
            audit.record(linked.get() + w.via(), action, c.who().user(), w.path(), 200, null);
            w.talk().answer(c.reply(), "Linked: here you act as " + w.platform().escape(linked.get()) + ".", false);
        } else {
            audit.record(who, action, null, w.path(), 401, "unknown, used or expired code");
            w.talk().answer(c.reply(), "That code is unknown, used or expired. " + howToLink(w), false);
        }
    }

    private String declareForm(Workspace w, ChatInbound.Command c, People.Actor a, String title) {
        a.require(Role.RESPONDER, "declaring a hotfix");
        declaresHere(w, c.channel());
        w.talk().openDeclareForm(c.trigger(), c.channel(), title, c.who());
        return null; // the form is the answer
    }

    /** Refuses a declaration from a channel the entry's {@code declare-in=} leaves out, naming where it may be. */
    private static void declaresHere(Workspace w, String channel) {
        if (!w.declaresIn(channel)) {
            throw new ForbiddenException(elsewhere(w, w.platform()::channel));
        }
    }

    /** Where hotfixes are declared, each channel as {@code name} shows it (a link in the chat's markup, an id). */
    static String elsewhere(Workspace w, UnaryOperator<String> name) {
        return "Hotfixes are declared in "
                + String.join(", ", w.declareIn().stream().map(name).toList())
                + ", not here; stamps and notes work in any channel.";
    }

    /**
     * A refusal as the chat shows it: its message may quote what the person typed, so it is escaped as this chat
     * escapes text; the one refusal the log words in the chat's own markup (where hotfixes are declared, with
     * links to the channels) is shown as it is.
     */
    static String said(Workspace w, HotfixLogException e) {
        String m = e.getMessage();
        if (e instanceof ForbiddenException && m.equals(elsewhere(w, w.platform()::channel))) {
            return m;
        }
        if (e instanceof Worded worded) {
            return worded.errors().get(0).message();
        }
        String prefix = w.platform().commandPrefix();
        int cli = m.indexOf(CLI_HINT);
        if (e instanceof NotFoundException && m.startsWith("no hotfix ") && cli > 0) {
            // The service's hint names the CLI and the API: here the chat's own command lists them.
            return w.platform().escape(m.substring(0, cli)) + "; list them with `" + prefix + " list`.";
        }
        if (e instanceof ValidationException v
                && v.errors().stream().anyMatch(f -> f.field().equals("Idempotency-Key"))) {
            // A form's id is its declaration's key: the same form again, differing (another channel, say).
            return "This form was already submitted; to declare another hotfix, open a new form with `" + prefix
                    + " declare`.";
        }
        return w.platform().escape(m);
    }

    /** Bad input the chat words itself, quoting nothing a person typed: said as it is, in the chat's markup. */
    private static final class Worded extends ValidationException {
        Worded(String field, String message) {
            super(List.of(new FieldError(field, message)));
        }
    }

    /** The id a command names, or an error saying the command needs one, with an example. */
    private static HotfixId idOf(Workspace w, String verb, String subject) {
        if (subject == null || subject.isBlank()) {
            String command = w.platform().commandPrefix() + " " + verb;
            throw new Worded("id", "`" + command + "` needs a hotfix id, e.g. `" + command + " HOTFIX-12`.");
        }
        return HotfixId.parse(subject);
    }

    private String list(Workspace w) {
        List<String> lines = new ArrayList<>();
        for (Status status : List.of(Status.ACTIVE, Status.DEPLOYED)) {
            for (Hotfix h :
                    hotfixes.list(new HotfixQuery(status, null, 20, null)).items()) {
                lines.add("• " + h.id() + " " + h.severity().emoji() + " "
                        + w.platform().escape(h.title()) + " (" + status.json() + ")");
            }
        }
        return lines.isEmpty() ? "No active or deployed hotfixes." : String.join("\n", lines);
    }

    private static String show(Workspace w, Hotfix h) {
        UnaryOperator<String> esc = w.platform()::escape;
        return h.id() + " " + h.severity().emoji() + " *" + esc.apply(h.title()) + "* ("
                + h.status().json()
                + ")\nOwner: " + esc.apply(h.owner() == null ? "unassigned" : h.owner())
                + "\nSystems: "
                + esc.apply(h.systemsAffected().isEmpty() ? "—" : String.join(", ", h.systemsAffected()))
                + "\nProblem: " + esc.apply(h.text("problem") == null ? "—" : h.text("problem"));
    }

    /**
     * Stamps the time typed, read as of {@code received}, or {@code received} itself: a request run again (a
     * restart between its stamp and its answer) finds its own stamp, to the millisecond, and says it is stamped.
     */
    private String stamp(People.Actor a, String verb, HotfixId hid, String time, Instant received) {
        a.require(Role.RESPONDER, "stamping a time");
        LifecycleEvent.Type type = LifecycleEvent.Type.parse("event", verb);
        boolean typed = time != null && !time.isBlank();
        Instant at = (typed ? StampTime.read("time", time, received) : received).truncatedTo(ChronoUnit.MILLIS);
        Hotfix h;
        try {
            h = hotfixes.record(hid, new LifecycleEvent(type, at, false), a.name());
        } catch (ConflictException e) {
            h = hotfixes.get(hid);
            if (!at.equals(stamped(h, type))) {
                throw e;
            }
        }
        return h.id() + ": " + (type == LifecycleEvent.Type.DEPLOYED ? "fix deployed" : type.json())
                + " stamped" + (typed ? " at " + StampTime.shown(at) : "") + "; it is "
                + h.status().json()
                + " now.";
    }

    private static Instant stamped(Hotfix h, LifecycleEvent.Type type) {
        return switch (type) {
            case ALERTED -> h.timeline().alertedAt();
            case DEPLOYED -> h.timeline().fixDeployedAt();
            case RESOLVED -> h.timeline().resolvedAt();
        };
    }

    /** Keeps the note once: a request run again finds its file (named by the request's time and person). */
    private String note(Workspace w, People.Actor a, HotfixId hid, String text, Instant received) {
        a.require(Role.RESPONDER, "adding a note");
        if (text.isBlank()) {
            throw ValidationException.of("note", "is empty: `/hotfix note " + hid + " what you saw`");
        }
        String kept = received + " " + a.name() + ":\n" + text + "\n";
        String label = text.length() > Upload.MAX_NOTE ? text.substring(0, Upload.MAX_NOTE) : text;
        Owner owner = new Owner(Owner.Kind.HOTFIX, hid.toString());
        String file = w.platform().name() + "-note-" + received.toEpochMilli() + ".txt";
        if (attachments.list(owner, true).stream()
                .noneMatch(x -> x.fileName().equals(file) && a.name().equals(x.addedBy()))) {
            attachments.add(owner, new Upload(file, label, kept.getBytes(StandardCharsets.UTF_8)), a.name());
        }
        return hid + ": your note is kept on the record (evidence).";
    }

    /** The help as this chat spells its commands ({@code @Hotfix …} in Teams). */
    static String help(Workspace w) {
        return HELP.replace("/hotfix ", w.platform().commandPrefix() + " ");
    }

    static String howToLink(Workspace w) {
        return "You are not linked to a Hotfix Log account yet. Signed in to Hotfix Log, ask for a code "
                + "(POST /api/v1/chat/link-codes), then type `" + w.platform().commandPrefix()
                + " link CODE` here within ten minutes."
                + (w.platform().linksByEmail()
                        ? " An account named after the e-mail address "
                                + w.platform().label() + " verified for you is linked by itself."
                        : "");
    }
}
