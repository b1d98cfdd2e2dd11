package dev.hotfixlog.error;

/** Someone else saved the record first: the caller's version is no longer the current one. */
public final class StaleVersionException extends ConflictException {
    private final int expectedVersion;
    private final int currentVersion;

    public StaleVersionException(String id, int expectedVersion, int currentVersion) {
        super(id + " was changed by someone else: you edited version " + expectedVersion
                + " but the current version is " + currentVersion
                + "; reload it, re-apply your change and send If-Match: \"" + currentVersion + "\"");
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
    }

    public int expectedVersion() {
        return expectedVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.STALE_VERSION;
    }
}
