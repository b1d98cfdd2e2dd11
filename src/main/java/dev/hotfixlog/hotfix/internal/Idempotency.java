package dev.hotfixlog.hotfix.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.security.Sha256;
import java.sql.SQLException;

/** An Idempotency-Key as stored: whose it is, and hashes of the key and of the request it came with. */
record Idempotency(String principal, String keyHash, String bodyHash) {
    private static final int KEY_MAX_CHARS = 200;

    /** Null when no key was sent. */
    public static Idempotency of(String key, String principal, ObjectNode body) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > KEY_MAX_CHARS) {
            throw ValidationException.of("Idempotency-Key", "must be 1.." + KEY_MAX_CHARS + " characters");
        }
        return new Idempotency(principal, Sha256.hex(key), Sha256.hex(Json.write(body)));
    }

    /** A primary-key collision on PostgreSQL (23505) or SQLite (constraint). */
    public static boolean isDuplicateKey(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLException s
                    && ("23505".equals(s.getSQLState())
                            || (s.getMessage() != null && s.getMessage().contains("UNIQUE constraint failed")))) {
                return true;
            }
        }
        return false;
    }
}
