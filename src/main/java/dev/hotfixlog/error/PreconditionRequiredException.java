package dev.hotfixlog.error;

/** An edit arrived without saying which version it was based on, so it could overwrite someone's work. */
public final class PreconditionRequiredException extends HotfixLogException {
    public PreconditionRequiredException(String message) {
        super(message);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.PRECONDITION_REQUIRED;
    }
}
