package dev.hotfixlog.error;

/** The server takes this kind of work at a bounded pace and had no turn free in time; the sender should retry. */
public final class BusyException extends HotfixLogException {
    public BusyException(String message) {
        super(message);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.BUSY;
    }
}
