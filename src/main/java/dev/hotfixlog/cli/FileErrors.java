package dev.hotfixlog.cli;

import dev.hotfixlog.error.ValidationException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * A file a command was given that it cannot read or write is bad input naming the option, said in words, never
 * an "unexpected failure" with a stack trace: the one place that turns the JDK's file exceptions (whose message is
 * often only the path) into a reason.
 */
final class FileErrors {
    private FileErrors() {}

    static ValidationException reading(String field, Object file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return ValidationException.of(field, file + " does not exist");
        }
        return ValidationException.of(field, "cannot read " + file + ": " + reason(e, false));
    }

    static ValidationException writing(String field, Object file, IOException e) {
        return ValidationException.of(field, "cannot write " + file + ": " + reason(e, true));
    }

    private static String reason(IOException e, boolean writing) {
        if (e instanceof NoSuchFileException) {
            return writing ? "its folder does not exist" : "it does not exist"; // reading says it first
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of its path is not a folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason(); // "Is a directory", "No space left on device", "Read-only file system"
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
