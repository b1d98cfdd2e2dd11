package dev.hotfixlog.chat.internal;

import dev.hotfixlog.chat.ChatTalk;
import dev.hotfixlog.error.NotFoundException;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.hotfix.RecordChange;
import dev.hotfixlog.hotfix.RecordListener;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.notify.Message;
import dev.hotfixlog.notify.MessageKind;
import dev.hotfixlog.notify.Templates;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.work.Threads;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One message per hotfix per workspace that always tells the truth. As a {@link RecordListener} it hears every
 * write to a record, on every path (web, CLI, API, alert, deploy, import), inside the write's transaction: it
 * marks the record's announcements as behind (and adds one in a workspace's {@code channel=} for a hotfix declared
 * elsewhere), in that transaction, and asks for a push once it commits. A push posts or updates each message
 * behind with the record as it now is, so pushes asked for while one of the same hotfix waits or runs coalesce:
 * one more after it, which reads the record's latest state (a burst of changes to one hotfix is one or two updates,
 * never one per change). Pushes of different hotfixes run side by side; two of one hotfix never cross. A record
 * resolved has the seed's Hotfix Complete and then its Stakeholder Update ("Production Issue Resolved": the
 * seed's update is due once the issue is resolved), the team's templates, posted in each announcement's thread
 * after its push, once per change to completed, and only then is a channel of the hotfix's own archived (Slack
 * refuses a post in an archived channel). A push or a thread post that fails (its chat away) is tried again every
 * {@link #RETRY} while its row is behind, with a gap per hotfix that doubles after each failure up to
 * {@link #MOST_APART}; a message's id is stored before anything else is asked of its chat, so a retry updates it
 * and never posts it twice. The thread posts still owed are held in memory only (a restart drops them); an
 * announcement behind is pushed again by the next start too.
 */
public final class Announcements implements RecordListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Announcements.class);
    /** How often announcements left behind by a chat that was away are looked for. */
    static final Duration RETRY = Duration.ofSeconds(10);
    /** The longest gap between two tries of one hotfix whose chat keeps failing. */
    static final Duration MOST_APART = Duration.ofMinutes(10);

    private final ChatRepository repo = new ChatRepository();
    private final Map<String, Workspace> workspaces;
    private final String publicUrl;
    private final Templates templates;
    private final Clock clock;
    /** Hotfixes with a push waiting or running; true when another was asked for since it read the record. */
    private final ConcurrentHashMap<String, Boolean> pending = new ConcurrentHashMap<>();
    /** Hotfixes whose Hotfix Complete is to follow their next push. */
    private final Set<String> completing = ConcurrentHashMap.newKeySet();
    /** Per "hotfix announcement": how many of its thread posts were made for the change to completed under way. */
    private final ConcurrentHashMap<String, Integer> threadPosted = new ConcurrentHashMap<>();
    /** Hotfixes whose last push failed: {failures in a row, System.nanoTime() before which none is tried}. */
    private final ConcurrentHashMap<String, long[]> failing = new ConcurrentHashMap<>();

    private volatile ScheduledExecutorService retries;

    private volatile ExecutorService pushes;
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
        // Sized as the chats' request pool is (see ChatRoutes): each push holds a connection only between its
        // calls to the chat. One thread announced 50 declarations at once ~15 s after the last submit.
        this.pushes = Threads.pool("chat-announce", Math.max(2, db.connections()));
        if (!workspaces.isEmpty()) {
            pushes.execute(() -> db.read(repo::allBehind).forEach(this::push));
            this.retries = Threads.scheduled("chat-announce-retry");
            retries.scheduleWithFixedDelay(this::retry, RETRY.toMillis(), RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Pushes again each hotfix left behind (or owing its thread posts) whose gap since its last failure is over. */
    private void retry() {
        try {
            Set<String> due = new TreeSet<>(completing);
            due.addAll(db.read(repo::allBehind));
            long now = System.nanoTime();
            for (String id : due) {
                long[] f = failing.get(id);
                if (f == null || now - f[1] >= 0) {
                    push(id);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("the chat announcements left behind could not be read", e);
        }
    }

    /** Notes how the hotfix's push went: a failure doubles the gap before its next try. */
    private void tried(String id, boolean ok) {
        if (ok) {
            failing.remove(id);
            return;
        }
        failing.compute(id, (k, f) -> {
            long n = f == null ? 1 : f[0] + 1;
            long gap = Math.min(RETRY.toNanos() << Math.min(n - 1, 20), MOST_APART.toNanos());
            return new long[] {n, System.nanoTime() + gap};
        });
    }

    @Override
    public void onChange(Handle h, RecordChange change) {
        String id = change.record().id().toString();
        long now = clock.millis();
        if (workspaces.isEmpty()) {
            // A process without the chat settings (a CLI run without them) still marks the record's messages
            // behind, so the server pushes them at its next start or the record's next change there.
            if (change.kind() != RecordChange.Kind.CREATED) {
                repo.wanted(h, id, now);
            }
            return;
        }
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
            if (change.kind() != RecordChange.Kind.CREATED
                    && change.before() != null
                    && change.before().status() != Status.COMPLETED
                    && change.after().status() == Status.COMPLETED) {
                // Noted before the push is asked for, then after the push by the same drain: the announcement is
                // posted before its thread is used, and its own channel archived only after the thread posts.
                repo.afterCommit(h, () -> complete(id));
            } else {
                repo.afterCommit(h, () -> push(id));
            }
        }
    }

    /**
     * Announces a hotfix declared from a chat in the channel it was declared from, or, when the entry asks for a
     * channel per hotfix, in one made for it with {@code user} (who declared it) invited.
     */
    public void announce(Workspace w, Hotfix declared, String channel, String user) {
        HotfixId id = declared.id();
        if (db.read(h -> repo.announcement(h, id.toString(), w.path())).isPresent()) {
            push(id.toString()); // a declaration run again (ChatInbox): its channel is made and kept already
            return;
        }
        String own = w.channelFor(id.toString().toLowerCase(Locale.ROOT), declared.title());
        String where = own == null ? channel : w.talk().openChannel(own, user);
        try {
            db.write(h -> repo.addAnnouncement(h, id.toString(), w.path(), where, own != null, clock.millis()));
        } catch (RuntimeException e) {
            if (!Duplicates.isDuplicateKey(e)) {
                throw e;
            }
        }
        push(id.toString());
    }

    /** Asks for the hotfix's announcements to be brought up to date, after this moment's commit. */
    public void push(String id) {
        ExecutorService on = pushes;
        if (on == null || on.isShutdown()) {
            return;
        }
        boolean[] start = {false};
        pending.compute(id, (k, again) -> {
            start[0] = again == null;
            return again != null;
        });
        if (start[0]) {
            on.execute(() -> drain(id));
        }
    }

    /** Pushes {@code id} until no change came in while it read: the last of a burst is always shown. */
    private void drain(String id) {
        boolean again = true;
        try {
            boolean ok = true;
            while (again) {
                pending.put(id, false);
                ok = pushNow(id);
                // Inside the hotfix's own turn: a push asked for meanwhile waits for the thread posts and the
                // archive, and then reads the channel as archived (run after the turn, a second drain archived it
                // again while the first was still posting).
                if (ok && completing.remove(id)) {
                    ok = completeNow(id);
                }
                again = !pending.remove(id, false);
            }
            tried(id, ok);
        } finally {
            if (again) {
                pending.remove(id); // an Error: the hotfix's next change starts afresh
            }
        }
    }

    /**
     * The seed's Hotfix Complete and Stakeholder Update, in the thread of each of the hotfix's announcements, once it
     * is resolved: asked of
     * the hotfix's own drain, so it follows the push that posts or updates the announcement (pushes of other
     * hotfixes run on other threads of the pool, a hotfix's own never cross).
     */
    private void complete(String id) {
        threadPosted.keySet().removeIf(k -> k.startsWith(id + " "));
        completing.add(id);
        push(id);
    }

    /** Posts what the thread still owes, then archives a channel of the hotfix's own; false when its chat failed. */
    private boolean completeNow(String id) {
        try {
            Hotfix h = hotfixes.get(HotfixId.parse(id));
            if (h.status() != Status.COMPLETED) {
                return true; // reopened before its turn came: its next completion says it
            }
            List<String> thread = List.of(
                    templates.render(MessageKind.COMPLETE, h, publicUrl).text(),
                    stakeholderUpdate(templates.render(MessageKind.STAKEHOLDER, h, publicUrl)));
            for (ChatRepository.Row row : db.read(x -> repo.posted(x, id))) {
                Workspace w = workspaces.get(row.integration());
                if (w == null) {
                    continue;
                }
                String key = id + " " + row.integration();
                for (int i = threadPosted.getOrDefault(key, 0); i < thread.size(); i++) {
                    w.talk().reply(row.channel(), row.ts(), thread.get(i));
                    threadPosted.put(key, i + 1); // a retry goes on after it, never posts it twice
                }
                if (row.ownChannel()) {
                    archive(w, row);
                }
            }
            threadPosted.keySet().removeIf(k -> k.startsWith(id + " "));
            return true;
        } catch (RuntimeException e) {
            completing.add(id); // tried again (retry) with the others left behind
            LOG.warn(
                    "the Hotfix Complete and Stakeholder Update of {} could not be posted in its thread; retried",
                    id,
                    e);
            return false;
        }
    }

    private void archive(Workspace w, ChatRepository.Row row) {
        w.talk().archive(row.channel());
        db.write(h -> {
            repo.archived(h, row);
            return null;
        });
    }

    /** The seed's Stakeholder Update as a chat says it: its e-mail subject as the first line. */
    private static String stakeholderUpdate(Message m) {
        return m.subject().isBlank() ? m.text() : m.subject() + "\n\n" + m.text();
    }

    /** Brings the hotfix's announcements behind up to date; false when one could not be (its chat away). */
    private boolean pushNow(String id) {
        try {
            List<ChatRepository.Row> behind = db.read(h -> repo.behind(h, id));
            if (behind.isEmpty()) {
                return true;
            }
            Hotfix now;
            try {
                now = hotfixes.get(HotfixId.parse(id));
            } catch (NotFoundException gone) {
                now = null;
            }
            ChatTalk.Announcement a =
                    new ChatTalk.Announcement(now, id, publicUrl == null ? null : publicUrl + "/hotfixes/" + id);
            boolean all = true;
            for (ChatRepository.Row row : behind) {
                Workspace w = workspaces.get(row.integration());
                if (w == null) {
                    all = false; // its entry was taken out of the configuration: looked at again ever more rarely
                    continue;
                }
                String posted = show(w, row, a);
                db.write(h -> {
                    repo.shown(h, row, posted, row.wanted(), clock.millis());
                    return null;
                });
                if (row.ownChannel() && now != null && now.status() == Status.COMPLETED && !completing.contains(id)) {
                    archive(w, row); // no thread posts are owed (a restart, a later change): nothing to wait for
                }
            }
            return all;
        } catch (RuntimeException e) {
            LOG.warn("the chat announcement of {} could not be brought up to date; retried", id, e);
            return false;
        }
    }

    /**
     * Updates the message, or posts it (pinned in a channel of the hotfix's own) and stores its id at once, before
     * anything else can fail: a retry then updates it rather than post it again.
     */
    private String show(Workspace w, ChatRepository.Row row, ChatTalk.Announcement a) {
        if (row.ts() != null) {
            w.talk().update(row.channel(), row.ts(), a);
            return row.ts();
        }
        String ts = w.talk().post(row.channel(), a);
        db.write(h -> {
            repo.shown(h, row, ts, row.shown(), clock.millis());
            return null;
        });
        if (row.ownChannel()) {
            w.talk().pin(row.channel(), ts);
        }
        return ts;
    }

    /** Lets the pushes asked for so far finish (a CLI command's change is announced before it exits). */
    @Override
    public void close() {
        ScheduledExecutorService again = retries;
        if (again != null) {
            again.shutdownNow();
        }
        ExecutorService on = pushes;
        if (on == null) {
            return;
        }
        on.shutdown();
        try {
            on.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
