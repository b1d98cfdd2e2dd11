package dev.hotfixlog.security;

import dev.hotfixlog.web.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The API tokens' SQL: a token is stored as the SHA-256 of its secret, never the secret. */
final class TokenRepository {
    private static final String COLUMNS = "id, name, role, prefix, created_at, created_by, expires_at, revoked_at";

    /** The token whose secret hashes to {@code hash}. */
    Optional<ApiToken> find(Handle x, String hash) {
        return x.createQuery("SELECT " + COLUMNS + " FROM api_token WHERE token_hash = :h")
                .bind("h", hash)
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    Optional<ApiToken> byId(Handle x, String id) {
        return x.createQuery("SELECT " + COLUMNS + " FROM api_token WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    List<ApiToken> list(Handle x) {
        return x.createQuery("SELECT " + COLUMNS + " FROM api_token ORDER BY created_at, id")
                .map((rs, ctx) -> row(rs))
                .list();
    }

    /** Revokes it now unless it already was. */
    void revoke(Handle x, String id, Instant now) {
        x.createUpdate("UPDATE api_token SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .bind("now", now.toEpochMilli())
                .bind("id", id)
                .execute();
    }

    void insert(Handle x, ApiToken t, String hash) {
        x.createUpdate("INSERT INTO api_token (id, name, role, token_hash, prefix, created_at,"
                        + " created_by, expires_at, revoked_at) VALUES (:id, :name, :role, :hash, :prefix, :createdAt,"
                        + " :createdBy, :expiresAt, NULL)")
                .bind("id", t.id())
                .bind("name", t.name())
                .bind("role", t.role().json())
                .bind("hash", hash)
                .bind("prefix", t.prefix())
                .bind("createdAt", t.createdAt().toEpochMilli())
                .bind("createdBy", t.createdBy())
                .bind("expiresAt", t.expiresAt() == null ? null : t.expiresAt().toEpochMilli())
                .execute();
    }

    private static ApiToken row(ResultSet rs) throws SQLException {
        return new ApiToken(
                rs.getString("id"),
                rs.getString("name"),
                Role.parseGrantable("role", rs.getString("role")),
                rs.getString("prefix"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                rs.getString("created_by"),
                instant(rs, "expires_at"),
                instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
