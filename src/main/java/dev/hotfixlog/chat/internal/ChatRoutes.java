package dev.hotfixlog.chat.internal;

import dev.hotfixlog.chat.ChatInbound;
import dev.hotfixlog.chat.ChatPlatform;
import dev.hotfixlog.error.ForbiddenException;
import dev.hotfixlog.error.TooLargeException;
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
 * ({@link Integrations#verify}: an unknown workspace or a bad or stale signature the same 401, audited), its body
 * bounded, and a body already taken within the signature's window (a replay, a platform's retry) acknowledged and not acted
 * on again. The answer goes back at once (chats give three seconds), once the request is kept in the
 * {@link ChatInbox} with its replay guard; the work runs after it on the inbox's threads, a few per workspace, and
 * answers through the chat's reply address or API.
 */
public final class ChatRoutes implements AutoCloseable {
    /** Slack's largest interaction (a modal's whole state) is far below this. */
    static final int MAX_BYTES = 256 * 1024;

    /** A chat answered inline (Teams) told of a delivery it sent already, which is not acted on twice. */
    static final String ALREADY_DONE =
            "Already done: this very message was answered when it first came. Send a new message to ask again.";

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
        if (p.isUrlCheck(route, request)) {
            // Slack's unsigned ssl_check: it asks for nothing, and nothing is done or said.
            ctx.attribute(Requests.AUDIT_KEPT_ELSEWHERE, true);
            ctx.status(200).result("");
            return;
        }
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
        if (in instanceof ChatInbound.Submission s) {
            // Checked before it is taken: an answer that keeps the form open acts on nothing (see DeclareForm).
            String answer = conversation.formAnswer(w, s);
            if (answer != null) {
                ctx.contentType("application/json").result(answer);
                return;
            }
        }
        if (in instanceof ChatInbound.Ignored) {
            return;
        }
        if (!p.answersInline()) {
            // Kept in the replay guard's transaction, then worked on: never lost once acknowledged (ChatInbox).
            inbox.take(w, route, ctx.header("Content-Type"), body, now);
            return;
        }
        if (!firstTime(body, now, entry)) {
            // The same delivery again: not acted on twice, and said so rather than answered with nothing.
            ctx.result(p.inlineAnswer(ALREADY_DONE));
            return;
        }
        // Teams gives five seconds and no later reply: the work is done now and what it says is the answer.
        InlineTalk talk = new InlineTalk(w.talk());
        act(new Workspace(p, w.entry(), talk), in, now);
        ctx.result(p.inlineAnswer(talk.said()));
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
