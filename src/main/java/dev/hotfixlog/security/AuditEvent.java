package dev.hotfixlog.security;

import java.time.Instant;

/**
 * One line of the audit log.
 *
 * @param actor   who (a principal's name, or {@code anonymous})
 * @param action  what, e.g. {@code POST /api/v1/hotfixes} or {@code token.create}
 * @param subject what it was done to, when known (a hotfix id, a token id)
 * @param source  from where: the client's address
 * @param outcome the HTTP status it ended with
 * @param detail  anything else worth keeping (why an authentication failed)
 */
public record AuditEvent(
        String id,
        Instant at,
        String actor,
        String action,
        String subject,
        String source,
        int outcome,
        String detail) {}
