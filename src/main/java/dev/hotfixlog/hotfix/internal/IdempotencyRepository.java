package dev.hotfixlog.hotfix.internal;

import dev.hotfixlog.hotfix.HotfixId;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The idempotency keys of creates ({@link Idempotency}): which record a key made, and from which request. */
final class IdempotencyRepository {
    /** The hotfix an earlier create with this key made, with the hash of that create's request. */
    Optional<String[]> findIdempotent(Handle h, String principal, String keyHash) {
        return h.createQuery("SELECT hotfix_id, body_hash FROM idempotency_key WHERE principal = :p AND key_hash = :k")
                .bind("p", principal)
                .bind("k", keyHash)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                .findOne();
    }

    void rememberIdempotent(Handle h, String principal, String keyHash, String bodyHash, HotfixId id, Instant at) {
        h.createUpdate("INSERT INTO idempotency_key (principal, key_hash, body_hash, hotfix_id, created_at)"
                        + " VALUES (:p, :k, :b, :id, :at)")
                .bind("p", principal)
                .bind("k", keyHash)
                .bind("b", bodyHash)
                .bind("id", id.toString())
                .bind("at", at.toEpochMilli())
                .execute();
    }
}
