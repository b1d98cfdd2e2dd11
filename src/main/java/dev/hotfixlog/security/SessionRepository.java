package dev.hotfixlog.security;

import dev.hotfixlog.web.Role;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The browser sessions' SQL: a session is stored as the SHA-256 of its cookie, never the cookie. */
final class SessionRepository {
    /** Forgets expired sessions and stores a new one. */
    void start(Handle h, String idHash, String username, String csrf, long now, long expiresAt) {
        h.createUpdate("DELETE FROM web_session WHERE expires_at < :now")
                .bind("now", now)
                .execute();
        h.createUpdate("""
                        INSERT INTO web_session (id_hash, username, csrf_token, created_at, expires_at)
                        VALUES (:id, :u, :csrf, :now, :exp)""")
                .bind("id", idHash)
                .bind("u", username)
                .bind("csrf", csrf)
                .bind("now", now)
                .bind("exp", expiresAt)
                .execute();
    }

    /** The live session and its account in one query: this runs on every page a browser asks for. */
    Optional<WebSession> find(Handle h, String idHash, long now) {
        return h.createQuery("""
                        SELECT s.username, s.csrf_token, a.role, a.must_change_password
                        FROM web_session s JOIN account a ON a.username = s.username
                        WHERE s.id_hash = :id AND s.expires_at > :now""")
                .bind("id", idHash)
                .bind("now", now)
                .map((rs, ctx) -> new WebSession(
                        new Account(rs.getString(1), Role.parseGrantable("role", rs.getString(3)), rs.getBoolean(4)),
                        rs.getString(2)))
                .findOne();
    }

    void end(Handle h, String idHash) {
        h.createUpdate("DELETE FROM web_session WHERE id_hash = :id")
                .bind("id", idHash)
                .execute();
    }
}
