package dev.hotfixlog.error;

/** A body or a file over its limit (HTTP 413), naming what was too large and the limit. */
public final class TooLargeException extends HotfixLogException {
    public TooLargeException(String message) {
        super(message);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.TOO_LARGE;
    }
}
