package dev.hotfixlog.security;

import dev.hotfixlog.error.NotFoundException;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.web.Role;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * API tokens: {@code Authorization: Bearer hfx_…}. Secrets are 256 random bits, shown once and stored as a
 * SHA-256 (a fast hash is right for a secret that cannot be guessed; a slow one is for passwords). A token has a
 * role, an optional expiry, and can be revoked; an expired or revoked token authenticates nobody.
 */
public final class TokenService {
    public static final String PREFIX = "hfx_";
    private static final int NAME_MAX_CHARS = 200;
    private final SecretRedactor redactor;
    private final Database db;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TokenService(Database db, Clock clock, SecretRedactor redactor) {
        this.redactor = redactor;
        this.db = db;
        this.clock = clock;
    }

    public IssuedToken create(String name, Role role, Instant expiresAt, String createdBy) {
        if (name == null || name.isBlank() || name.length() > NAME_MAX_CHARS) {
            throw ValidationException.of("name", "is required, at most " + NAME_MAX_CHARS + " characters");
        }
        if (role == null || role == Role.ANYONE) {
            throw ValidationException.of("role", "is required: one of viewer, responder, admin");
        }
        Instant now = now();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw ValidationException.of("expiresAt", "must be in the future, was " + expiresAt);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        // A token's name becomes the actor of everything done with it: masked like every stored text.
        ApiToken token = new ApiToken(UUID.randomUUID().toString(), redactor.redact(name.strip()).text(), role, secret.substring(0, 10), now,
                createdBy, expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MILLIS), null);
        insert(token, Sha256.hex(secret));
        return new IssuedToken(token, secret);
    }

    /**
     * Makes sure an admin token with exactly this secret exists (HOTFIX_BOOTSTRAP_TOKEN, for automation): the
     * first start of a fresh installation can then be driven without a person.
     */
    public void ensureBootstrap(String secret) {
        if (secret == null || secret.isBlank()) {
            return;
        }
        if (secret.length() < 16) {
            throw ValidationException.of("HOTFIX_BOOTSTRAP_TOKEN", "must be at least 16 characters");
        }
        String h = Sha256.hex(secret);
        boolean exists = db.read(x -> x.createQuery("SELECT COUNT(*) FROM api_token WHERE token_hash = :h")
                .bind("h", h).mapTo(Integer.class).one()) > 0;
        if (!exists) {
            insert(new ApiToken(UUID.randomUUID().toString(), "bootstrap", Role.ADMIN, "(bootstrap)", now(),
                    "HOTFIX_BOOTSTRAP_TOKEN", null, null), h);
        }
    }

    /** The principal of a presented secret, or empty when it is unknown, expired or revoked. */
    public Optional<Principal> authenticate(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 200) {
            return Optional.empty();
        }
        String h = Sha256.hex(secret);
        Instant now = now();
        return db.read(x -> x.createQuery("SELECT " + COLUMNS + " FROM api_token WHERE token_hash = :h")
                        .bind("h", h).map((rs, ctx) -> row(rs)).findOne())
                .filter(t -> t.revokedAt() == null && (t.expiresAt() == null || t.expiresAt().isAfter(now)))
                .map(t -> new Principal(t.name(), t.role(), "token:" + t.prefix()));
    }

    public List<ApiToken> list() {
        return db.read(x -> x.createQuery("SELECT " + COLUMNS + " FROM api_token ORDER BY created_at, id")
                .map((rs, ctx) -> row(rs)).list());
    }

    /** Revokes a token; revoking one already revoked changes nothing. */
    public ApiToken revoke(String id) {
        Instant now = now();
        return db.write(x -> {
            x.createUpdate("UPDATE api_token SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                    .bind("now", now.toEpochMilli()).bind("id", id).execute();
            return x.createQuery("SELECT " + COLUMNS + " FROM api_token WHERE id = :id").bind("id", id)
                    .map((rs, ctx) -> row(rs)).findOne()
                    .orElseThrow(() -> new NotFoundException("no API token with id '" + id + "'"));
        });
    }

    private static final String COLUMNS = "id, name, role, prefix, created_at, created_by, expires_at, revoked_at";

    private void insert(ApiToken t, String hash) {
        db.write(x -> x.createUpdate("INSERT INTO api_token (id, name, role, token_hash, prefix, created_at,"
                        + " created_by, expires_at, revoked_at) VALUES (:id, :name, :role, :hash, :prefix, :createdAt,"
                        + " :createdBy, :expiresAt, NULL)")
                .bind("id", t.id()).bind("name", t.name()).bind("role", t.role().json()).bind("hash", hash)
                .bind("prefix", t.prefix()).bind("createdAt", t.createdAt().toEpochMilli())
                .bind("createdBy", t.createdBy())
                .bind("expiresAt", t.expiresAt() == null ? null : t.expiresAt().toEpochMilli())
                .execute());
    }

    private static ApiToken row(ResultSet rs) throws SQLException {
        return new ApiToken(rs.getString("id"), rs.getString("name"),
                Role.parseGrantable("role", rs.getString("role")), rs.getString("prefix"),
                Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("created_by"),
                instant(rs, "expires_at"), instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
