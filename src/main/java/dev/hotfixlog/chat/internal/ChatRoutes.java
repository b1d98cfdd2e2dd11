package dev.hotfixlog.chat.internal;

import dev.hotfixlog.chat.ChatInbound;
import dev.hotfixlog.chat.ChatPlatform;
import dev.hotfixlog.error.ForbiddenException;
import dev.hotfixlog.error.TooLargeException;
import dev.hotfixlog.hotfix.Triage;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.security.Integration;
import dev.hotfixlog.security.Integrations;
import dev.hotfixlog.security.Proof;
import dev.hotfixlog.security.Sha256;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.web.Requests;
import dev.hotfixlog.web.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The chats' URLs. Each request is checked against its workspace's signing secret first
 * ({@link Integrations#verify}: unknown workspace 404, bad or stale signature 401, audited), its body bounded, and
 * a body already taken within the signature's window (a replay, a platform's retry) acknowledged and not acted
 * on again. The answer goes back at once (chats give three seconds), once the request is kept in the
 * {@link ChatInbox} with its replay guard; the work runs after it on the inbox's threads, a few per workspace, and
 * answers through the chat's reply address or API.
 */
public final class ChatRoutes implements AutoCloseable {
    /** Slack's largest interaction (a modal's whole state) is far below this. */
    static final int MAX_BYTES = 256 * 1024;

    private final List<ChatPlatform> platforms;
    private final Map<String, Workspace> workspaces;
    private final Integrations integrations;
    private final Conversation conversation;
    private final People people;
    private final Database db;
    private final Clock clock;
    private final ChatRepository repo = new ChatRepository();
    private final ChatInbox inbox;

    public ChatRoutes(
            List<ChatPlatform> platforms,
            Map<String, Workspace> workspaces,
            Integrations integrations,
            Conversation conversation,
            People people,
            Database db,
            Clock clock) {
        this.platforms = List.copyOf(platforms);
        this.workspaces = Map.copyOf(workspaces);
        this.integrations = integrations;
        this.conversation = conversation;
        this.people = people;
        this.db = db;
        this.clock = clock;
        this.inbox = new ChatInbox(workspaces, db, clock, this::act);
    }

    public void register(RoutesConfig r) {
        for (ChatPlatform p : platforms) {
            String base = "/api/v1/chat/" + p.name() + "/{name}/";
            r.post(base + "commands", ctx -> receive(ctx, p, ChatInbound.Route.COMMANDS), Role.ANYONE);
            r.post(base + "interactions", ctx -> receive(ctx, p, ChatInbound.Route.INTERACTIONS), Role.ANYONE);
        }
        r.post("/api/v1/chat/link-codes", this::linkCode, Role.VIEWER);
    }

    private void receive(Context ctx, ChatPlatform p, ChatInbound.Route route) {
        Instant now = clock.instant();
        byte[] body = ctx.bodyAsBytes();
        // Bounded before anything reads it: a chat whose proof is in its body (Mattermost) reads it to verify.
        if (body.length > MAX_BYTES) {
            throw new TooLargeException("body: is " + body.length + " bytes; a chat's request is at most " + MAX_BYTES);
        }
        ChatPlatform.Request request =
                new ChatPlatform.Request(ctx.header("Content-Type"), body, ctx::header, () -> Requests.form(ctx));
        Proof proof = p.proof(route, request);
        Integration entry = proof == null
                ? integrations.verify(p.name(), ctx, now)
                : integrations.verify(p.name(), ctx, proof, now);
        Workspace w = workspaces.get(entry.path());
        ChatInbound in = ReplyAddress.checked(w, p.read(route, request));
        if (in instanceof ChatInbound.Button b && b.message() != null) {
            onItsAnnouncement(b, entry);
        }
        // What the work does is audited by it, as the person; the delivery itself needs no line of its own.
        ctx.attribute(Requests.AUDIT_KEPT_ELSEWHERE, true);
        ctx.status(200);
        if (p.answersInline()) {
            ctx.contentType("application/json").result(p.inlineAnswer(""));
        }
        if (in instanceof ChatInbound.Ignored) {
            return;
        }
        String refused = in instanceof ChatInbound.Submission s ? refused(p, s) : null;
        if (refused == null && !p.answersInline()) {
            // Kept in the replay guard's transaction, then worked on: never lost once acknowledged (ChatInbox).
            inbox.take(w, route, ctx.header("Content-Type"), body, now);
            return;
        }
        if (!firstTime(body, now, entry)) {
            return;
        }
        if (refused != null) {
            ctx.contentType("application/json").result(refused);
            return;
        }
        // Teams gives five seconds and no later reply: the work is done now and what it says is the answer.
        InlineTalk talk = new InlineTalk(w.talk());
        act(new Workspace(p, w.entry(), talk), in, now);
        ctx.result(p.inlineAnswer(talk.said()));
    }

    /** A submitted declare form's answer in place of the form when its decision tree says no hotfix; else null. */
    private static String refused(ChatPlatform p, ChatInbound.Submission s) {
        Triage.Outcome outcome = new Triage(yes(s, "down"), yes(s, "wait")).outcome();
        if (outcome == null) {
            return p.formError("wait", "Production is down: can it wait 2–4 hours?");
        }
        return outcome == Triage.Outcome.HOTFIX ? null : p.notAHotfix(outcome.advice());
    }

    private void act(Workspace w, ChatInbound in, Instant received) {
        if (in instanceof ChatInbound.AddMessage m) {
            // One message kept per form: a double submit is a body of its own, the form's id is the same.
            byte[] form = ("form " + w.path() + " " + m.formId()).getBytes(StandardCharsets.UTF_8);
            conversation.addMessage(w, m, () -> firstTime(form, received, w.entry()));
        } else if (in instanceof ChatInbound.Shortcut s) {
            conversation.shortcut(w, s);
        } else if (in instanceof ChatInbound.Submission s) {
            conversation.submission(w, s);
        } else if (in instanceof ChatInbound.Command c) {
            conversation.command(w, c, received);
        } else if (in instanceof ChatInbound.Button b) {
            conversation.button(w, b, received);
        }
    }

    /**
     * A button whose proof covers only its action and hotfix (Mattermost's context MAC) acts only from the
     * hotfix's own announcement, in its channel: a context copied into another message or channel is a 403.
     */
    private void onItsAnnouncement(ChatInbound.Button b, Integration entry) {
        var row = db.read(h -> repo.announcement(h, b.hotfix(), entry.path()));
        if (row.isEmpty()
                || !b.message().equals(row.get().ts())
                || !b.channel().equals(row.get().channel())) {
            throw new ForbiddenException("this button is not on the announcement of " + b.hotfix());
        }
    }

    /** False for a body taken already within the window: acknowledged, never acted on twice. */
    private boolean firstTime(byte[] body, Instant now, Integration entry) {
        String hash = Sha256.hex(body);
        try {
            return db.write(h ->
                    repo.firstTime(h, hash, now.toEpochMilli(), entry.window().toMillis()));
        } catch (RuntimeException e) {
            if (Duplicates.isDuplicateKey(e)) {
                return false; // the same body, at the same moment, on another thread or instance
            }
            throw e;
        }
    }

    private static Boolean yes(ChatInbound.Submission s, String field) {
        String v = s.answers().get(field);
        return v == null ? null : v.equals("yes");
    }

    private void linkCode(Context ctx) {
        String code = people.newCode(Requests.actor(ctx));
        ctx.status(201)
                .contentType("application/json")
                .result(Json.write(Json.object()
                        .put("code", code)
                        .put("expiresInSeconds", People.CODE_LIFE.toSeconds())
                        .put("type", "/hotfix link " + code)));
    }

    @Override
    public void close() {
        inbox.close();
    }
}
