package dev.hotfixlog.work;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * Threads for one import's CPU work (reading the page, checks, secret masking, history diffs, rows), at most one
 * per core, so that the caller's thread can go on (read the first part, write rows) meanwhile. They are daemons
 * and end with the import. Asked for no threads, tasks run on the caller's thread as they are submitted.
 */
public final class ImportWorkers implements AutoCloseable {
    private final ExecutorService executor;

    /** At most {@code tasks} threads, and no more than there are cores. */
    public ImportWorkers(int tasks) {
        int threads = Math.min(tasks, Runtime.getRuntime().availableProcessors());
        if (threads <= 0) {
            this.executor = null;
        } else {
            this.executor = Threads.pool("hotfix-import", threads);
        }
    }

    public <T> Future<T> submit(Callable<T> task) {
        if (executor == null) {
            FutureTask<T> inline = new FutureTask<>(task);
            inline.run();
            return inline;
        }
        return executor.submit(task);
    }

    /** The task's result, or the very exception it threw. */
    public static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
