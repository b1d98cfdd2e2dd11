package dev.hotfixlog.chat.internal;

import dev.hotfixlog.chat.ChatInbound;
import dev.hotfixlog.chat.ChatPlatform;
import dev.hotfixlog.error.RemoteException;
import dev.hotfixlog.security.Sha256;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.web.Requests;
import dev.hotfixlog.work.Threads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chats' requests between their acknowledgement and their work being done (finding F6: a slow chat API
 * starved every workspace's work, and a request queued in memory when the process stopped was lost, its replay
 * guard dropping the chat's retry too). A verified request is kept in {@code chat_inbox} in the replay guard's own
 * transaction, so once the chat is told "taken" the request outlives a restart; its work runs at least once: a
 * worker claims it for {@link #LEASE} and deletes it when done, a sweeper (at start and every {@link #SWEEP}) runs
 * again what no worker holds, and a request whose work met a chat that is slow or away (a {@link RemoteException}
 * with a cause: a timeout, a refused connection, an HTTP error) is run again later, up to {@link #ATTEMPTS} claims,
 * then given up and logged. The work is idempotent for that (a declaration by its form's id, a stamp and a note by
 * the request's time). Each workspace has at most {@code perWorkspace} requests in work; the pool has room for every
 * workspace's, so one whose API hangs holds only its own, and what is beyond waits in the table, not on a thread.
 */
final class ChatInbox implements AutoCloseable {
    /**
     * How long a claim holds: longer than a request's work can take at the chat calls' timeouts (a handful of calls,
     * each cut at {@link SlackTalk#CALL_TIMEOUT_MILLIS}), so a request is run twice at once only after a crash.
     */
    static final Duration LEASE = Duration.ofMinutes(2);

    /** How often requests that no worker holds are looked for (claims of a stopped process, retries due). */
    static final Duration SWEEP = Duration.ofSeconds(15);

    /** Claims of one request before it is given up; with {@link #RETRY} apart, about a quarter of an hour. */
    static final int ATTEMPTS = 6;

    /** How long after a failed attempt (the chat slow or away) it is tried again, times the attempts so far. */
    static final Duration RETRY = Duration.ofSeconds(30);

    /** Rows given up, or of a workspace taken out of the configuration, are forgotten this long after they came. */
    static final Duration KEEP = Duration.ofDays(1);

    private static final Logger LOG = LoggerFactory.getLogger(ChatInbox.class);

    /** What a request asks for, done as the chat's person; {@code received}: when the chat sent it. */
    interface Work {
        void act(Workspace w, ChatInbound in, Instant received);
    }

    private final ChatInboxRepository repo = new ChatInboxRepository();
    private final ChatRepository guard = new ChatRepository();
    private final Map<String, Workspace> workspaces;
    private final Database db;
    private final Clock clock;
    private final Work work;
    private final int perWorkspace;
    private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();
    /** The requests this process claimed and has not finished: released for the next at close. */
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    private final ExecutorService pool;
    private final ScheduledExecutorService sweeper;
    private volatile boolean closed;

    ChatInbox(Map<String, Workspace> workspaces, Database db, Clock clock, Work work) {
        this.workspaces = Map.copyOf(workspaces);
        this.db = db;
        this.clock = clock;
        this.work = work;
        // Per workspace as many as the database serves at once: a request's work holds one connection at a time and
        // waits on the chat's API in between (two threads made 32 declarations/s, 6 % of what SQLite takes).
        this.perWorkspace = Math.max(2, db.connections());
        this.pool = Threads.pool("chat", perWorkspace * Math.max(1, workspaces.size()));
        this.sweeper = Threads.scheduled("chat-inbox");
        sweeper.scheduleWithFixedDelay(this::sweep, 0, SWEEP.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Keeps a verified request and starts its work when its workspace has room; false when its body was taken
     * already within the signature's window (a replay, a retry): acknowledged, never acted on twice.
     */
    boolean take(Workspace w, ChatInbound.Route route, String contentType, byte[] body, Instant now) {
        Semaphore slot = slot(w.path());
        boolean mine = slot.tryAcquire();
        var e = new ChatInboxRepository.Entry(Sha256.hex(body), w.path(), route, contentType, body, now, mine ? 1 : 0);
        long window = w.entry().window().toMillis();
        boolean first;
        try {
            first = db.write(h -> guard.firstTime(h, e.hash(), now.toEpochMilli(), window)
                    && repo.add(h, e, mine ? now.plus(LEASE).toEpochMilli() : 0));
        } catch (RuntimeException ex) {
            if (mine) {
                slot.release();
            }
            if (Duplicates.isDuplicateKey(ex)) {
                return false; // the same body, at the same moment, on another thread or instance
            }
            throw ex;
        }
        if (mine && first) {
            start(e, slot);
        } else if (mine) {
            slot.release();
        }
        return first;
    }

    private Semaphore slot(String integration) {
        return slots.computeIfAbsent(integration, k -> new Semaphore(perWorkspace));
    }

    private void start(ChatInboxRepository.Entry e, Semaphore slot) {
        held.add(e.hash());
        try {
            pool.execute(() -> {
                try {
                    run(e);
                } finally {
                    held.remove(e.hash());
                    slot.release();
                    pull(e.integration());
                }
            });
        } catch (RejectedExecutionException stopping) {
            held.remove(e.hash());
            slot.release(); // closed: the row waits for the next start
        }
    }

    /** Starts the workspace's waiting requests while it has room. */
    private void pull(String integration) {
        Semaphore slot = slot(integration);
        while (!closed && slot.tryAcquire()) {
            Optional<ChatInboxRepository.Entry> next;
            try {
                long now = clock.millis();
                next = db.write(h -> repo.claimNext(h, integration, now, now + LEASE.toMillis(), ATTEMPTS));
            } catch (RuntimeException ex) {
                slot.release();
                if (!closed) {
                    LOG.warn("the chat requests waiting for {} could not be read", integration, ex);
                }
                return;
            }
            if (next.isEmpty()) {
                slot.release();
                return;
            }
            start(next.get(), slot);
        }
    }

    private void run(ChatInboxRepository.Entry e) {
        Workspace w = workspaces.get(e.integration());
        try {
            ChatInbound in = read(w, e);
            work.act(FallbackTalk.around(w, in), in, e.received());
        } catch (RemoteException ex) {
            if (ex.getCause() != null && !closed && e.attempts() < ATTEMPTS) {
                LOG.warn(
                        "a chat request to {} met its chat slow or away; attempt {} of {}, tried again later",
                        e.integration(),
                        e.attempts(),
                        ATTEMPTS,
                        ex);
                write(h -> repo.later(h, e.hash(), clock.millis() + RETRY.toMillis() * e.attempts()));
                return;
            }
            if (closed) {
                return; // stopped under it: the next start runs it again
            }
            if (ex.getCause() != null) {
                LOG.error(
                        "a chat request to {} ({}, received {}) was given up after {} attempts: its chat was slow or"
                                + " away each time",
                        e.integration(),
                        e.route(),
                        e.received(),
                        e.attempts(),
                        ex);
            } else {
                LOG.warn("a chat request could not be answered", ex);
            }
        } catch (RuntimeException ex) {
            LOG.warn("a chat request could not be answered", ex);
        }
        write(h -> repo.done(h, e.hash()));
    }

    /** The request as the platform reads it, its reply address checked again: what the route read before the ack. */
    private static ChatInbound read(Workspace w, ChatInboxRepository.Entry e) {
        ChatPlatform.Request r = new ChatPlatform.Request(
                e.contentType(),
                e.body(),
                name -> name.equalsIgnoreCase("Content-Type") ? e.contentType() : null,
                () -> Requests.form(e.contentType(), e.body()));
        return ReplyAddress.checked(w, w.platform().read(e.route(), r));
    }

    private void sweep() {
        try {
            long now = clock.millis();
            write(h -> repo.forget(h, now - KEEP.toMillis(), workspaces.keySet()));
            for (ChatInboxRepository.Entry e : db.write(h -> repo.giveUp(h, ATTEMPTS, now))) {
                LOG.error(
                        "a chat request to {} ({}, received {}) was given up after {} attempts: the chat was slow or"
                                + " away each time",
                        e.integration(),
                        e.route(),
                        e.received(),
                        e.attempts());
            }
            workspaces.keySet().forEach(this::pull);
        } catch (RuntimeException ex) {
            if (!closed) {
                LOG.warn("the chat inbox could not be swept", ex);
            }
        }
    }

    private void write(Consumer<Handle> change) {
        try {
            db.write(h -> {
                change.accept(h);
                return null;
            });
        } catch (RuntimeException ex) {
            if (!closed) {
                LOG.warn("the chat inbox could not be updated", ex);
            }
        }
    }

    /** Stops taking work; the requests this process holds are released, so the next start runs them at once. */
    @Override
    public void close() {
        closed = true;
        sweeper.shutdownNow();
        pool.shutdownNow();
        Set<String> mine = Set.copyOf(held);
        if (!mine.isEmpty()) {
            write(h -> repo.release(h, mine));
        }
    }
}
