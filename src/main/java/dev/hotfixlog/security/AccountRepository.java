package dev.hotfixlog.security;

import dev.hotfixlog.web.Role;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The accounts' SQL: one row a person, local (a password hash) or from single sign-on. */
final class AccountRepository {
    /** Whether the account must still change its password; empty when there is no such account. */
    Optional<Boolean> mustChangePassword(Handle h, String username) {
        return h.createQuery("SELECT must_change_password FROM account WHERE username = :u")
                .bind("u", username)
                .mapTo(Boolean.class)
                .findOne();
    }

    int count(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM account")
                .mapTo(Integer.class)
                .one();
    }

    /** Name, role, source, must-change-password, by name. */
    List<String[]> list(Handle h) {
        return h.createQuery("SELECT username, role, source, must_change_password FROM account ORDER BY username")
                .map((rs, ctx) -> new String[] {
                    rs.getString(1), rs.getString(2), rs.getString(3), String.valueOf(rs.getBoolean(4))
                })
                .list();
    }

    void insertLocal(Handle h, String username, Role role, String passwordHash, boolean mustChange, long now) {
        h.createUpdate("""
                        INSERT INTO account (username, role, password_hash, must_change_password, created_at, updated_at)
                        VALUES (:u, :r, :p, :m, :now, :now)""")
                .bind("u", username)
                .bind("r", role.json())
                .bind("p", passwordHash)
                .bind("m", mustChange)
                .bind("now", now)
                .execute();
    }

    /** A single sign-on account: no password ('!oidc' matches no hash). */
    void insertFromProvider(Handle h, String username, Role role, long now) {
        h.createUpdate("""
                        INSERT INTO account (username, role, password_hash, must_change_password, created_at,
                                             updated_at, source)
                        VALUES (:u, :r, '!oidc', :f, :now, :now, 'oidc')""")
                .bind("u", username)
                .bind("r", role.json())
                .bind("f", false)
                .bind("now", now)
                .execute();
    }

    /** Password hash, role, must-change-password. */
    Optional<String[]> credentials(Handle h, String username) {
        return h.createQuery("SELECT password_hash, role, must_change_password FROM account WHERE username = :u")
                .bind("u", username)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), String.valueOf(rs.getBoolean(3))})
                .findOne();
    }

    /** Where the account comes from: local or oidc. */
    Optional<String> source(Handle h, String username) {
        return h.createQuery("SELECT source FROM account WHERE username = :u")
                .bind("u", username)
                .mapTo(String.class)
                .findOne();
    }

    void setRole(Handle h, String username, Role role, long now) {
        h.createUpdate("UPDATE account SET role = :r, updated_at = :now WHERE username = :u")
                .bind("u", username)
                .bind("r", role.json())
                .bind("now", now)
                .execute();
    }

    Optional<Account> find(Handle h, String username) {
        return h.createQuery("SELECT role, must_change_password FROM account WHERE username = :u")
                .bind("u", username)
                .map((rs, ctx) -> new Account(username, Role.parseGrantable("role", rs.getString(1)), rs.getBoolean(2)))
                .findOne();
    }

    void setPassword(Handle h, String username, String passwordHash, long now) {
        h.createUpdate("""
                        UPDATE account SET password_hash = :p, must_change_password = :f, updated_at = :now
                        WHERE username = :u""")
                .bind("p", passwordHash)
                .bind("f", false)
                .bind("now", now)
                .bind("u", username)
                .execute();
    }
}
