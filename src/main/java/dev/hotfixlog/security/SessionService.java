package dev.hotfixlog.security;

import dev.hotfixlog.store.Database;
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
    private final SessionRepository repo = new SessionRepository();
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
            repo.start(h, Sha256.hex(cookie), account.username(), csrf, now, now + LIFETIME.toMillis());
            return null;
        });
        return cookie;
    }

    /** The session and its account in one query: this runs on every page a browser asks for. */
    public Optional<WebSession> find(String cookie) {
        if (cookie == null || cookie.isBlank() || cookie.length() > 100) {
            return Optional.empty();
        }
        long now = clock.millis();
        return db.read(h -> repo.find(h, Sha256.hex(cookie), now));
    }

    public void end(String cookie) {
        if (cookie != null) {
            db.write(h -> {
                repo.end(h, Sha256.hex(cookie));
                return null;
            });
        }
    }

    private String randomToken() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
