package dev.hotfixlog.security;

import dev.hotfixlog.store.Database;
import dev.hotfixlog.web.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Sessions stored in the database (cookie → SHA-256 → row), so a restart or a second instance on the same
 * PostgreSQL keeps everyone signed in. Each session has its own CSRF token. Sessions end after
 * {@link #LIFETIME} or at sign-out.
 */
public final class SessionService {
    public static final Duration LIFETIME = Duration.ofHours(12);
    private final Database db;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SessionService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Starts a session; returns the cookie value, which exists nowhere else. */
    public String start(Account account) {
        String cookie = randomToken();
        String csrf = randomToken();
        long now = clock.millis();
        db.write(h -> {
            h.createUpdate("DELETE FROM web_session WHERE expires_at < :now").bind("now", now).execute();
            return h.createUpdate("INSERT INTO web_session (id_hash, username, csrf_token, created_at, expires_at)"
                            + " VALUES (:id, :u, :csrf, :now, :exp)")
                    .bind("id", Sha256.hex(cookie)).bind("u", account.username()).bind("csrf", csrf)
                    .bind("now", now).bind("exp", now + LIFETIME.toMillis()).execute();
        });
        return cookie;
    }

    /** The session and its account in one query: this runs on every page a browser asks for. */
    public Optional<WebSession> find(String cookie) {
        if (cookie == null || cookie.isBlank() || cookie.length() > 100) {
            return Optional.empty();
        }
        long now = clock.millis();
        return db.read(h -> h.createQuery("""
                        SELECT s.username, s.csrf_token, a.role, a.must_change_password
                        FROM web_session s JOIN account a ON a.username = s.username
                        WHERE s.id_hash = :id AND s.expires_at > :now""")
                .bind("id", Sha256.hex(cookie)).bind("now", now)
                .map((rs, ctx) -> new WebSession(new Account(rs.getString(1),
                        Role.parseGrantable("role", rs.getString(3)), rs.getBoolean(4)), rs.getString(2)))
                .findOne());
    }

    public void end(String cookie) {
        if (cookie != null) {
            db.write(h -> h.createUpdate("DELETE FROM web_session WHERE id_hash = :id")
                    .bind("id", Sha256.hex(cookie)).execute());
        }
    }

    private String randomToken() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
