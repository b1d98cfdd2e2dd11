package dev.hotfixlog.error;

/** The database could not be reached or refused the work for a reason that is not the caller's input. */
public final class StorageException extends HotfixLogException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.STORAGE_UNAVAILABLE;
    }
}
