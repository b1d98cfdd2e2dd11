package dev.hotfixlog.chat.internal;

import dev.hotfixlog.chat.ChatTalk;
import dev.hotfixlog.error.NotFoundException;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.hotfix.RecordChange;
import dev.hotfixlog.hotfix.RecordListener;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.notify.MessageKind;
import dev.hotfixlog.notify.Templates;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.work.Threads;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One message per hotfix per workspace that always tells the truth. As a {@link RecordListener} it hears every
 * write to a record, on every path (web, CLI, API, alert, deploy, import), inside the write's transaction: it
 * marks the record's announcements as behind (and adds one in a workspace's {@code channel=} for a hotfix declared
 * elsewhere), in that transaction, and asks for a push once it commits. A push, on one thread so two pushes of a
 * hotfix never cross, posts or updates each message behind with the record as it now is; a record resolved has the
 * seed's Hotfix Complete (the team's template) posted in each announcement's thread after that. Nothing polls: a push
 * that fails leaves its row behind, pushed again by the record's next change or the next start.
 */
public final class Announcements implements RecordListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Announcements.class);
    private final ChatRepository repo = new ChatRepository();
    private final Map<String, Workspace> workspaces;
    private final String publicUrl;
    private final Templates templates;
    private final Clock clock;
    private final ExecutorService pushes = Threads.single("chat-announce");
    private volatile Database db;
    private volatile HotfixService hotfixes;

    public Announcements(Map<String, Workspace> workspaces, String publicUrl, Templates templates, Clock clock) {
        this.workspaces = Map.copyOf(workspaces);
        this.publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl;
        this.templates = templates;
        this.clock = clock;
    }

    /** The log the pushes read; until then changes are marked and pushed once bound. */
    public void bind(Database db, HotfixService hotfixes) {
        this.db = db;
        this.hotfixes = hotfixes;
        if (!workspaces.isEmpty()) {
            pushes.execute(() -> db.read(repo::allBehind).forEach(this::pushNow));
        }
    }

    @Override
    public void onChange(Handle h, RecordChange change) {
        if (workspaces.isEmpty()) {
            return;
        }
        String id = change.record().id().toString();
        long now = clock.millis();
        boolean behind = false;
        if (change.kind() == RecordChange.Kind.CREATED) {
            for (Workspace w : workspaces.values()) {
                // A hotfix declared from a chat is announced where it was declared, by the declaring path.
                if (w.channel() != null && !change.actor().endsWith(w.via())) {
                    behind |= repo.addAnnouncement(h, id, w.path(), w.channel(), now);
                }
            }
        } else {
            behind = repo.wanted(h, id, now) > 0;
        }
        // A record with no announcement (an import's thousands, say) asks for no push at all.
        if (behind) {
            repo.afterCommit(h, () -> push(id));
            if (change.kind() != RecordChange.Kind.CREATED
                    && change.before() != null
                    && change.before().status() != Status.COMPLETED
                    && change.after().status() == Status.COMPLETED) {
                // Queued after the push on the same thread: the announcement is posted before its thread is used.
                repo.afterCommit(h, () -> complete(id));
            }
        }
    }

    /** Announces a hotfix declared from a chat in the channel it was declared from. */
    public void announce(Workspace w, HotfixId id, String channel) {
        try {
            db.write(h -> repo.addAnnouncement(h, id.toString(), w.path(), channel, clock.millis()));
        } catch (RuntimeException e) {
            if (!Duplicates.isDuplicateKey(e)) {
                throw e;
            }
        }
        push(id.toString());
    }

    /** Asks for the hotfix's announcements to be brought up to date, after this moment's commit. */
    public void push(String id) {
        if (db != null && !pushes.isShutdown()) {
            pushes.execute(() -> pushNow(id));
        }
    }

    /** The seed's Hotfix Complete, in the thread of each of the hotfix's announcements, once it is resolved. */
    private void complete(String id) {
        if (db != null && !pushes.isShutdown()) {
            pushes.execute(() -> completeNow(id));
        }
    }

    private void completeNow(String id) {
        try {
            Hotfix h = hotfixes.get(HotfixId.parse(id));
            if (h.status() != Status.COMPLETED) {
                return; // reopened before its turn came: its next completion says it
            }
            String text = templates.render(MessageKind.COMPLETE, h, publicUrl).text();
            for (ChatRepository.Row row : db.read(x -> repo.posted(x, id))) {
                Workspace w = workspaces.get(row.integration());
                if (w != null) {
                    w.talk().reply(row.channel(), row.ts(), text);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("the Hotfix Complete of {} could not be posted in its announcement's thread", id, e);
        }
    }

    private void pushNow(String id) {
        try {
            List<ChatRepository.Row> behind = db.read(h -> repo.behind(h, id));
            if (behind.isEmpty()) {
                return;
            }
            Hotfix now;
            try {
                now = hotfixes.get(HotfixId.parse(id));
            } catch (NotFoundException gone) {
                now = null;
            }
            ChatTalk.Announcement a =
                    new ChatTalk.Announcement(now, id, publicUrl == null ? null : publicUrl + "/hotfixes/" + id);
            for (ChatRepository.Row row : behind) {
                Workspace w = workspaces.get(row.integration());
                if (w == null) {
                    continue; // its entry was taken out of the configuration
                }
                String ts = row.ts();
                if (ts == null) {
                    ts = w.talk().post(row.channel(), a);
                } else {
                    w.talk().update(row.channel(), ts, a);
                }
                String posted = ts;
                db.write(h -> {
                    repo.shown(h, row, posted, row.wanted(), clock.millis());
                    return null;
                });
            }
        } catch (RuntimeException e) {
            LOG.warn("the chat announcement of {} could not be brought up to date; its next change retries", id, e);
        }
    }

    /** Lets the pushes asked for so far finish (a CLI command's change is announced before it exits). */
    @Override
    public void close() {
        pushes.shutdown();
        try {
            pushes.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
