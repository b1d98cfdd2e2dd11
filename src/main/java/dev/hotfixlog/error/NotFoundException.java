package dev.hotfixlog.error;

/** The named thing does not exist (an unknown hotfix id, say). */
public final class NotFoundException extends HotfixLogException {
    public NotFoundException(String message) {
        super(message);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.NOT_FOUND;
    }
}
