package dev.hotfixlog.store;

/**
 * What {@code GET /health} reports about the database: whether it answered, what it is, how fast, and whether
 * the last write went through ({@code writable} false after a storage failure such as a full disk, until a
 * write succeeds again).
 */
public record DatabaseHealth(boolean up, String product, String version, long latencyMillis, String error,
                             boolean writable) {
}
