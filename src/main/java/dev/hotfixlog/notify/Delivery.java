package dev.hotfixlog.notify;

import java.time.Instant;

/**
 * One message to one channel, as the record shows it: what, to where, when, and how it went.
 * {@code status} is {@code pending} (waiting, maybe after a failed attempt), {@code sending}, {@code delivered}
 * or {@code failed} (gave up after the last attempt).
 */
public record Delivery(
        long id,
        String hotfixId,
        MessageKind kind,
        String channel,
        String status,
        int attempts,
        Instant createdAt,
        String createdBy,
        Instant nextAttemptAt,
        Instant deliveredAt,
        String lastError,
        String subject) {}
