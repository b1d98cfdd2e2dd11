package dev.hotfixlog.error;

/** A known caller whose role does not allow what it asked for. */
public final class ForbiddenException extends HotfixLogException {
    public ForbiddenException(String message) {
        super(message);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.FORBIDDEN;
    }
}
