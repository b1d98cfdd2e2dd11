package dev.hotfixlog.error;

/** The request is well formed but the record's state forbids it (e.g. a lifecycle move backwards). */
public class ConflictException extends HotfixLogException {
    public ConflictException(String message) {
        super(message);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONFLICT;
    }
}
