package dev.hotfixlog.hotfix;

import java.time.Instant;

/** A note that a secret of {@code kind} was masked in {@code field} when it was saved at {@code at}. */
public record Redaction(String field, String kind, Instant at) {}
