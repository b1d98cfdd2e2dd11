package dev.hotfixlog.chat;

import dev.hotfixlog.attachment.AttachmentService;
import dev.hotfixlog.chat.internal.Announcements;
import dev.hotfixlog.chat.internal.ChatRoutes;
import dev.hotfixlog.chat.internal.Conversation;
import dev.hotfixlog.chat.internal.People;
import dev.hotfixlog.chat.internal.Workspace;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.hotfix.RecordListener;
import dev.hotfixlog.notify.Templates;
import dev.hotfixlog.security.AccountService;
import dev.hotfixlog.security.AuditLog;
import dev.hotfixlog.security.Integration;
import dev.hotfixlog.security.Integrations;
import dev.hotfixlog.store.Database;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Running the log from chat: the workspaces of {@code HOTFIX_INTEGRATIONS} whose kind is a {@link ChatPlatform}
 * {@code App} hands in, their announcements (a {@link RecordListener} registered with the record's others) and
 * their routes. Made before the record's service (its listener goes in), bound to it after; closed with the app.
 */
public final class Chat implements AutoCloseable {
    private final Map<String, Workspace> workspaces = new LinkedHashMap<>();
    private final List<ChatPlatform> platforms;
    private final Integrations integrations;
    private final Announcements announcements;
    private final Clock clock;
    private Database db;
    private HotfixService hotfixes;
    private ChatRoutes routes;

    /** {@code templatesDir}: the team's message templates ({@code HOTFIX_TEMPLATES_DIR}), empty for the seed's. */
    public Chat(
            String publicUrl,
            String templatesDir,
            Integrations integrations,
            List<ChatPlatform> platforms,
            Clock clock) {
        this.platforms = List.copyOf(platforms);
        this.integrations = integrations;
        this.clock = clock;
        for (Integration i : integrations.all()) {
            for (ChatPlatform p : platforms) {
                if (p.name().equals(i.kind().name())) {
                    workspaces.put(i.path(), new Workspace(p, i, p.talk(i)));
                }
            }
        }
        this.announcements = new Announcements(workspaces, publicUrl, Templates.load(templatesDir), clock);
    }

    /** Hears every change of a record, in its transaction, to keep each announcement true. */
    public RecordListener listener() {
        return announcements;
    }

    /** The log the announcements read and update from. */
    public void bind(Database db, HotfixService hotfixes) {
        this.db = db;
        this.hotfixes = hotfixes;
        announcements.bind(db, hotfixes);
    }

    /** The chats' routes: each platform's two URLs, and link codes for signed-in people. */
    public Consumer<RoutesConfig> routes(AccountService accounts, AuditLog audit, AttachmentService attachments) {
        People people = new People(db, accounts, clock);
        routes = new ChatRoutes(
                platforms,
                workspaces,
                integrations,
                new Conversation(hotfixes, attachments, people, announcements, audit, db, clock),
                people,
                db,
                clock);
        return routes::register;
    }

    @Override
    public void close() {
        if (routes != null) {
            routes.close();
        }
        announcements.close();
    }
}
