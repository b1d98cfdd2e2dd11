package dev.hotfixlog.security;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Single sign-ons under way: the state (hashed), nonce, PKCE verifier and where to go after, each used once. */
final class OidcPendingRepository {
    /** Forgets expired ones and stores a new one. */
    void add(Handle h, String stateHash, String nonce, String verifier, String next, long now, long expiresAt) {
        h.createUpdate("DELETE FROM oidc_pending WHERE expires_at < :now")
                .bind("now", now)
                .execute();
        h.createUpdate("""
                        INSERT INTO oidc_pending (state_hash, nonce, verifier, next_path, expires_at)
                        VALUES (:s, :n, :v, :next, :exp)""")
                .bind("s", stateHash)
                .bind("n", nonce)
                .bind("v", verifier)
                .bind("next", next)
                .bind("exp", expiresAt)
                .execute();
    }

    /** Removes and returns {nonce, verifier, next} of a live one: each state works once. */
    Optional<String[]> take(Handle h, String stateHash, long now) {
        Optional<String[]> row = h.createQuery("""
                        SELECT nonce, verifier, next_path FROM oidc_pending
                        WHERE state_hash = :s AND expires_at >= :now""")
                .bind("s", stateHash)
                .bind("now", now)
                .map((rs, c) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .findOne();
        h.createUpdate("DELETE FROM oidc_pending WHERE state_hash = :s")
                .bind("s", stateHash)
                .execute();
        return row;
    }
}
