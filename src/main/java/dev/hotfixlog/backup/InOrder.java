package dev.hotfixlog.backup;

import dev.hotfixlog.work.Threads;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Work handed to one thread of its own, done in the order it was handed over: the reading of a snapshot's rows
 * and the writing of the archive overlap (bench/backup.sh: reading is most of a backup's time on SQLite, and the
 * lines, their hash and gzip the rest). What waits is bounded by weight (the bytes of the rows a piece holds), not
 * by count: a table of 10 MB attachments must not put hundreds of them in memory at once. A piece heavier than
 * the whole budget waits until nothing else does. The first failure stops the rest: later pieces are skipped and
 * the next {@link #run} or {@link #drain} throws it.
 */
final class InOrder implements AutoCloseable {
    /** A piece of work that may fail with a checked exception. */
    interface Work {
        void run() throws Exception;
    }

    private final ExecutorService thread;
    private final Semaphore waiting;
    private final int budgetKib;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    /** {@code budgetBytes}: how much the pieces handed over and not yet done may weigh together. */
    InOrder(String name, long budgetBytes) {
        this.budgetKib = (int) Math.max(1, Math.min(Integer.MAX_VALUE, budgetBytes >> 10));
        this.waiting = new Semaphore(budgetKib);
        this.thread = Threads.single(name);
    }

    /** Hands {@code work} over, weighing {@code bytes}, waiting while the budget is taken by pieces not yet done. */
    void run(Work work, long bytes) throws Exception {
        rethrow();
        int permits = (int) Math.max(1, Math.min(budgetKib, bytes >> 10));
        waiting.acquire(permits);
        thread.execute(() -> {
            try {
                if (failure.get() == null) {
                    work.run();
                }
            } catch (Exception e) {
                failure.compareAndSet(null, e);
            } catch (Error e) {
                failure.compareAndSet(null, new IllegalStateException(e));
                throw e;
            } finally {
                waiting.release(permits);
            }
        });
    }

    /** Hands over a piece that holds next to nothing (a table's start or end). */
    void run(Work work) throws Exception {
        run(work, 0);
    }

    /** Waits until every piece handed over is done; throws the first failure. */
    void drain() throws Exception {
        thread.shutdown();
        while (!thread.awaitTermination(1, TimeUnit.MINUTES)) {
            // a piece blocked on a slow disk or a slow reader of the copy's pipe: keep waiting
        }
        rethrow();
    }

    private void rethrow() throws Exception {
        Exception e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    /** Stops the thread (after a failure of the caller's, pieces not yet done are dropped) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        thread.shutdownNow();
        while (!thread.awaitTermination(1, TimeUnit.MINUTES)) {
            // the piece running finishes its write; nothing new starts
        }
    }
}
