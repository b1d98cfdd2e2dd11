package dev.hotfixlog.security;

import dev.hotfixlog.error.NotFoundException;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.web.Role;
import java.security.SecureRandom;
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
    private final TokenRepository repo = new TokenRepository();
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
        ApiToken token = new ApiToken(
                UUID.randomUUID().toString(),
                redactor.redact(name.strip()).text(),
                role,
                secret.substring(0, 10),
                now,
                createdBy,
                expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MILLIS),
                null);
        insertToken(token, Sha256.hex(secret));
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
        boolean exists = db.read(x -> repo.find(x, h)).isPresent();
        if (!exists) {
            insertToken(
                    new ApiToken(
                            UUID.randomUUID().toString(),
                            "bootstrap",
                            Role.ADMIN,
                            "(bootstrap)",
                            now(),
                            "HOTFIX_BOOTSTRAP_TOKEN",
                            null,
                            null),
                    h);
        }
    }

    /** The principal of a presented secret, or empty when it is unknown, expired or revoked. */
    public Optional<Principal> authenticate(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 200) {
            return Optional.empty();
        }
        String h = Sha256.hex(secret);
        Instant now = now();
        return db.read(x -> repo.find(x, h))
                .filter(t -> t.revokedAt() == null
                        && (t.expiresAt() == null || t.expiresAt().isAfter(now)))
                .map(t -> new Principal(t.name(), t.role(), "token:" + t.prefix()));
    }

    public List<ApiToken> list() {
        return db.read(repo::list);
    }

    /** Revokes a token; revoking one already revoked changes nothing. */
    public ApiToken revoke(String id) {
        Instant now = now();
        return db.write(x -> {
            repo.revoke(x, id, now);
            return repo.byId(x, id)
                    .orElseThrow(() -> new NotFoundException("no API token with id " + SecretRedactor.quoted(id)));
        });
    }

    private void insertToken(ApiToken t, String hash) {
        db.write(x -> {
            repo.insert(x, t, hash);
            return null;
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
