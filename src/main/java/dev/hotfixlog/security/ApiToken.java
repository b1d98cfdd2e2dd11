package dev.hotfixlog.security;

import dev.hotfixlog.web.Role;
import java.time.Instant;

/**
 * An API token as listed: never its secret, only the first characters to recognise it.
 *
 * @param name      who or what it acts as; recorded in history and audit
 * @param expiresAt null for no expiry
 * @param revokedAt null while valid
 */
public record ApiToken(
        String id,
        String name,
        Role role,
        String prefix,
        Instant createdAt,
        String createdBy,
        Instant expiresAt,
        Instant revokedAt) {}
