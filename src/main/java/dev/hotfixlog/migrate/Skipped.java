package dev.hotfixlog.migrate;

/** A source record that was not brought in, and why, in words a person can act on. */
public record Skipped(String sourceKey, String reason) {}
