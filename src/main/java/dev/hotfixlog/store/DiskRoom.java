package dev.hotfixlog.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a SQLite log could take a write now, asked of the file system rather than remembered from the last write
 * (issue 31: restarted on a full disk, {@code /health} said "up, writable" until someone's declaration failed).
 * Room is at least {@link #MIN_FREE_BYTES} free where the file lives: a declaration with its revision, search text
 * and metrics triggers writes tens of KB to the WAL, and a checkpoint more. Costs two system calls.
 */
final class DiskRoom {
    static final long MIN_FREE_BYTES = 1L << 20;
    private final Path file;

    /** {@code file}: the log's file, or null when it has none (in memory, PostgreSQL). */
    DiskRoom(Path file) {
        this.file = file;
    }

    private static String beforeQuery(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    static DiskRoom of(Dialect dialect, String url) {
        if (dialect != Dialect.SQLITE || url.contains("mode=memory") || url.contains(":memory:")) {
            return new DiskRoom(null);
        }
        return new DiskRoom(
                Path.of(beforeQuery(url.substring("jdbc:sqlite:".length()))).toAbsolutePath());
    }

    /** The reason a write would fail now, or null when there is room and leave to write. */
    StorageFailure check() {
        if (file == null) {
            return null;
        }
        try {
            if (Files.getFileStore(file).getUsableSpace() < MIN_FREE_BYTES) {
                return StorageFailure.FULL;
            }
        } catch (IOException e) {
            return StorageFailure.UNREACHABLE;
        }
        return Files.isWritable(file) && Files.isWritable(file.getParent()) ? null : StorageFailure.READ_ONLY;
    }
}
