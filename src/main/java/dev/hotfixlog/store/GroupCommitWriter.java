package dev.hotfixlog.store;

import dev.hotfixlog.error.StorageException;
import dev.hotfixlog.work.Threads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQLite's one writer, with group commit. SQLite serializes writers and pays one fsync per commit; under
 * concurrent requests that makes the commit, not the work, the limit. So one thread takes every waiting write,
 * runs each in its own SAVEPOINT inside one transaction, and commits them together: one fsync for the group.
 *
 * <p>Each write keeps its own all-or-nothing: a write that throws is rolled back to its savepoint and gets its
 * exception; the others still commit. A caller's future completes only after the commit that holds its write
 * is durable, so durability is unchanged. If the commit itself fails, every write of the group gets the failure
 * and nothing of the group is stored. A transient "busy" (another process holds the lock) runs the group again,
 * within {@link Retry}'s bound; past it every write of the group is answered busy (503, Retry-After).
 *
 * <p>A write that finds nothing queued and the writer idle runs on its caller's own thread, as a group of one: handed
 * to the writer's thread and back it paid two wake-ups, slow on a loaded machine (on 2 busy cores an edit spent
 * more time waiting to be woken than writing). {@link #turn} lets one group run at a time, whichever thread runs
 * it; writes that arrive while one runs queue, and the writer's thread commits them together after it.
 */
final class GroupCommitWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
    private static final int MAX_GROUP = 64;

    private final Jdbi jdbi;
    private final BlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    /** Whose turn it is to write: one group at a time, on the writer's thread or on an idle caller's own. */
    private final Semaphore turn = new Semaphore(1, true);
    /** The thread that holds {@link #turn}: a write started from inside a write is refused, not deadlocked. */
    private volatile Thread writing;

    private volatile boolean closed;

    private record Job<T>(HandleCallback<T, RuntimeException> work, CompletableFuture<T> result) {
        void runIn(Handle h) {
            result.complete(work.withHandle(h));
        }
    }

    GroupCommitWriter(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.thread = Threads.startDaemon("hotfix-sqlite-writer", this::loop);
    }

    <T> T write(HandleCallback<T, RuntimeException> work) {
        if (Thread.currentThread() == thread || Thread.currentThread() == writing) {
            throw new IllegalStateException("a write must not start another write from inside itself");
        }
        if (closed) {
            throw new StorageException("the database is closed", null);
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Job<T> job = new Job<>(work, result);
        if (queue.isEmpty() && idleTurn()) {
            runInTurn(List.of(job));
        } else {
            queue.add(job);
        }
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new StorageException("a write failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting for a write to commit", e);
        }
    }

    private void loop() {
        while (!closed) {
            List<Job<?>> group = new ArrayList<>();
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            try {
                turn.acquire();
            } catch (InterruptedException e) {
                group.forEach(j -> j.result()
                        .completeExceptionally(new StorageException(
                                "the database was closed before this write " + "ran; nothing was stored", null)));
                break;
            }
            // Taken once the turn is ours: what queued while a caller wrote joins this group.
            queue.drainTo(group, MAX_GROUP - 1);
            runInTurn(group);
        }
        Job<?> left;
        while ((left = queue.poll()) != null) {
            left.result()
                    .completeExceptionally(new StorageException(
                            "the database was closed before this write " + "ran; nothing was stored", null));
        }
    }

    /**
     * The turn, if no one holds it and the writer's thread is not waiting for it (fair: a timed try honours the
     * waiting, so callers never barge past a group the writer's thread has taken).
     */
    private boolean idleTurn() {
        try {
            return turn.tryAcquire(0, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a group holding {@link #turn}, and gives the turn back: the writer's thread then takes what queued. */
    private void runInTurn(List<Job<?>> group) {
        writing = Thread.currentThread();
        try {
            try {
                runGroup(group);
            } catch (Throwable t) {
                // The one writer must outlive any failure, or every later write would wait forever.
                LOG.error("a group of {} writes failed unexpectedly; each caller is told", group.size(), t);
                StorageException failure = new StorageException("a write failed unexpectedly: " + t, t);
                group.forEach(j -> j.result().completeExceptionally(failure));
            }
        } finally {
            writing = null;
            turn.release();
        }
    }

    private void runGroup(List<Job<?>> group) {
        long start = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try (Handle h = jdbi.open()) {
                h.begin();
                if (group.size() == 1) {
                    runAlone(h, group.get(0));
                    return;
                }
                List<Runnable> outcomes = new ArrayList<>();
                for (int i = 0; i < group.size(); i++) {
                    outcomes.add(runOne(h, group.get(i), "w" + i));
                }
                h.commit();
                outcomes.forEach(Runnable::run);
                return;
            } catch (RuntimeException e) {
                if (Retry.again(e, attempt, start)) {
                    LOG.debug("group of {} writes met a busy database, attempt {}", group.size(), attempt);
                    sleep(Retry.backoffMillis(attempt));
                    continue;
                }
                // Busy past the retries' bound is load, not a fault: 503 busy, with Retry-After, never a 500.
                RuntimeException failure = StorageFailure.of(e) != null
                        ? e
                        : Retry.isTransient(e)
                                ? Retry.busy(e)
                                : Retry.isUnavailable(e)
                                        ? new StorageException(
                                                "the SQLite database is unavailable: " + Database.rootMessage(e), e)
                                        : e;
                group.forEach(j -> j.result().completeExceptionally(failure));
                return;
            }
        }
    }

    /**
     * A group of one (every write when writes do not overlap) is its own transaction: no savepoint to set and
     * release, two statements fewer for SQLite to compile per write (issue 32). A failure of its own rolls the
     * transaction back, which is what rolling back to its savepoint and committing nothing would store.
     */
    private static void runAlone(Handle h, Job<?> job) {
        Object value;
        try {
            value = job.work().withHandle(h);
        } catch (RuntimeException e) {
            if (Retry.isTransient(e) || StorageFailure.of(e) != null) {
                throw e; // as in a group: run again, or every caller told
            }
            h.rollback();
            job.result().completeExceptionally(e);
            return;
        }
        h.commit();
        @SuppressWarnings("unchecked")
        CompletableFuture<Object> f = (CompletableFuture<Object>) job.result();
        f.complete(value);
    }

    /**
     * Runs one job inside a savepoint; returns what to tell its caller once the group has committed. A job whose
     * own work fails is rolled back to its savepoint and told at once (its failure does not depend on the commit).
     */
    private static Runnable runOne(Handle h, Job<?> job, String savepoint) {
        // Plain SQL: Jdbi's own savepoint bookkeeping forgets a savepoint once it is rolled back to.
        h.execute("SAVEPOINT " + savepoint);
        try {
            Object value = job.work().withHandle(h);
            h.execute("RELEASE SAVEPOINT " + savepoint);
            @SuppressWarnings("unchecked")
            CompletableFuture<Object> f = (CompletableFuture<Object>) job.result();
            return () -> f.complete(value);
        } catch (RuntimeException e) {
            if (Retry.isTransient(e)) {
                throw e; // the whole group runs again
            }
            if (StorageFailure.of(e) != null) {
                // A full disk or a read-only file: SQLite has rolled the whole transaction back, savepoints and
                // all, so every write of the group fails with it (Database names the failure to each caller).
                throw e;
            }
            h.execute("ROLLBACK TO SAVEPOINT " + savepoint);
            h.execute("RELEASE SAVEPOINT " + savepoint);
            return () -> job.result().completeExceptionally(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
