package dev.hotfixlog.backup;

import dev.hotfixlog.store.Database;
import dev.hotfixlog.work.Threads;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** A copy of one log into another: a backup's stream, never a file, restored into the target as it is written. */
final class LogCopy {
    private final Database db;
    private final Clock clock;

    LogCopy(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Copies this log into another, empty one (created at the same schema version by its own migrations, on
     * either database): this log's archive, streamed as it is written into its restore there (one thread reads
     * this log while the caller's writes the target: bench/copy.sh), verified against the archive's manifest in
     * the target's own transaction. An interrupted copy commits nothing, so the target is left empty.
     */
    Manifest copyTo(Database target) {
        PipedInputStream in = new PipedInputStream(1 << 20);
        CompletableFuture<Manifest> taken = new CompletableFuture<>();
        Thread reader;
        try {
            PipedOutputStream out = new PipedOutputStream(in);
            reader = Threads.daemon("hotfix-copy-read", () -> {
                try {
                    taken.complete(new ArchiveWriter(db, clock).write(out, false));
                } catch (Throwable e) {
                    taken.completeExceptionally(e);
                    try {
                        out.close(); // the restore then reads an archive cut short and commits nothing
                    } catch (IOException ignored) {
                        // already closed by the failed backup
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reader.start();
        Manifest copied;
        try (in) {
            copied = new ArchiveRestore(target, clock).restore(in, "copy");
        } catch (RuntimeException e) {
            Throwable first =
                    taken.isCompletedExceptionally() ? taken.handle((m, t) -> t).join() : null;
            if (first instanceof RuntimeException r) {
                r.addSuppressed(e);
                throw r; // the read side's failure is the cause; the restore's is what it looked like
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Manifest original = taken.join();
        if (!copied.equals(original)) {
            throw new IllegalStateException(
                    "the copy does not read back as the original: " + ArchiveVerifier.difference(original, copied));
        }
        return copied;
    }
}
