package dev.hotfixlog.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.util.OSInfo;

/**
 * Unpacks sqlite-jdbc's native library for this machine into a folder, once per build, for the launcher to name
 * with {@code -Dorg.sqlite.lib.path} and {@code -Dorg.sqlite.lib.name}. Without them the driver copies the
 * library out of the jar into the temp folder on every start and compares it byte for byte first: about a fifth of
 * a CLI command's time (a profile of {@code hotfix list}). Prints the library's file name.
 */
public final class SqliteNative {
    private SqliteNative() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: SqliteNative FOLDER");
        }
        Path dir = Path.of(args[0]);
        String name = System.mapLibraryName("sqlitejdbc");
        String resource = "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
        try (InputStream in = SqliteNative.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("sqlite-jdbc has no native library for this machine at " + resource);
            }
            Files.createDirectories(dir);
            Path part = Files.createTempFile(dir, name, ".part");
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        System.out.println(name);
    }
}
