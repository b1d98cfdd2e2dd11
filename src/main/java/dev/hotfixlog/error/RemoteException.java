package dev.hotfixlog.error;

/** A remote Hotfix Log server could not be reached or answered with something that is not a problem document. */
public final class RemoteException extends HotfixLogException {
    public RemoteException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.REMOTE_UNAVAILABLE;
    }
}
