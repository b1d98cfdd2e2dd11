package dev.hotfixlog.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The log holds incident details and password hashes: its folder is made private to the user (0700) and its
 * database file 0600 before SQLite opens it. SQLite gives its -wal and -shm files the database file's mode.
 * An existing folder or file keeps the mode its owner gave it. On a file system without POSIX modes, the
 * platform's defaults apply.
 */
final class PrivateFiles {
    private static final String FOLDER_MODE = "rwx------";
    private static final String FILE_MODE = "rw-------";

    private PrivateFiles() {}

    static void createFolder(Path folder) throws IOException {
        if (folder == null || Files.isDirectory(folder)) {
            return;
        }
        PrivateFiles.createFolder(
                folder.getParent() == null || Files.isDirectory(folder.getParent()) ? null : folder.getParent());
        try {
            Files.createDirectory(folder, mode(FOLDER_MODE));
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException raced) {
            // made by another process a moment ago: theirs to keep
        }
    }

    static void createFile(Path file) throws IOException {
        if (Files.exists(file) || file.getFileName().toString().startsWith(":memory:")) {
            return;
        }
        try {
            Files.createFile(file, mode(FILE_MODE));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException raced) {
            // made by another process a moment ago
        }
    }

    private static FileAttribute<?> mode(String mode) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode));
    }
}
