package dev.hotfixlog.store;

/** What {@code GET /health} reports about the database: whether it answered, what it is, and how fast. */
public record DatabaseHealth(boolean up, String product, String version, long latencyMillis, String error) {
}
