package dev.hotfixlog.security;

import dev.hotfixlog.error.ForbiddenException;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.web.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Web accounts: user name, role, Argon2id password hash, and whether the password must be changed at the next
 * sign-in. A fresh installation is safe on first start: it gets one admin whose random one-time password is
 * written to {@code <data dir>/initial-admin-password} (mode 600) and logged once.
 */
public final class AccountService {
    public static final String INITIAL_ADMIN = "admin";
    public static final String INITIAL_PASSWORD_FILE = "initial-admin-password";
    static final int PASSWORD_MIN_CHARS = 12;
    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);
    private final Database db;
    private final Clock clock;
    private final PasswordHasher hasher = new PasswordHasher();
    private final SecureRandom random = new SecureRandom();
    private final Path initialPasswordFile;
    private final AccountRepository repo = new AccountRepository();

    /**
     * {@code initialPasswordFile}: where the first admin's one-time password is handed over; the file is removed
     * when that password is changed, so the secret does not outlive its use.
     */
    public AccountService(Database db, Clock clock, Path initialPasswordFile) {
        this.db = db;
        this.clock = clock;
        this.initialPasswordFile = initialPasswordFile;
    }

    /** Where the first admin's one-time password is written, as configured (the sign-in page names it). */
    public Path initialPasswordFile() {
        return initialPasswordFile;
    }

    /** True while the first admin has not yet replaced its one-time password: the sign-in page says where it is. */
    public boolean awaitingFirstSignIn() {
        return db.read(h -> repo.mustChangePassword(h, INITIAL_ADMIN)).orElse(false)
                && Files.exists(initialPasswordFile);
    }

    /** On an installation with no account, creates the first admin and hands its password over once. */
    public void ensureInitialAdmin() {
        boolean any = db.read(repo::count) > 0;
        if (any) {
            return;
        }
        String password = oneTimePassword();
        Path file = initialPasswordFile;
        writeSecretFile(file, password + "\n");
        create(INITIAL_ADMIN, Role.ADMIN, password, true);
        LOG.warn(
                "created the first admin account '{}' with the one-time password {} (also in {}, mode 600); "
                        + "it must be changed at the first sign-in",
                INITIAL_ADMIN,
                password,
                file.toAbsolutePath());
    }

    /** A local account with a random one-time password, which must be changed at the first sign-in. */
    public String createWithOneTimePassword(String username, Role role) {
        String password = oneTimePassword();
        create(username, role, password, true);
        return password;
    }

    /** Every account: name, role, where it comes from, whether its password must still be changed. */
    public List<String[]> list() {
        return db.read(repo::list);
    }

    private String oneTimePassword() {
        byte[] bytes = new byte[15];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public Account create(String username, Role role, String password, boolean mustChange) {
        String name = username == null ? "" : username.strip();
        if (name.isEmpty() || name.length() > 100) {
            throw ValidationException.of("username", "is required, at most 100 characters");
        }
        checkStrength("password", password);
        long now = clock.millis();
        if (find(name).isPresent()) {
            throw ValidationException.of("username", SecretRedactor.quoted(name) + " is taken");
        }
        String hash = hasher.hash(password);
        db.write(h -> {
            repo.insertLocal(h, name, role, hash, mustChange, now);
            return null;
        });
        return new Account(name, role, mustChange);
    }

    /** The account, if {@code password} is its password. Takes the same time whether or not the user exists. */
    public Optional<Account> verify(String username, String password) {
        if (username == null || password == null || password.length() > 1000) {
            return Optional.empty();
        }
        Optional<String[]> row = db.read(h -> repo.credentials(h, username.strip()));
        if (row.isEmpty()) {
            hasher.verify(password, DummyHash.VALUE); // same cost as a real check: no user-name probing by timing
            return Optional.empty();
        }
        String[] r = row.get();
        if (!hasher.verify(password, r[0])) {
            return Optional.empty();
        }
        return Optional.of(
                new Account(username.strip(), Role.parseGrantable("role", r[1]), Boolean.parseBoolean(r[2])));
    }

    /**
     * The account of someone the identity provider vouched for, created or given its current role. A local
     * account of the same name is never taken over: that would hand a password account to whoever controls the
     * provider's user names.
     */
    public Account adoptFromProvider(String username, Role role) {
        long now = clock.millis();
        return db.write(h -> {
            Optional<String> source = repo.source(h, username);
            if (source.isPresent() && !source.get().equals("oidc")) {
                throw new ForbiddenException(
                        "a local account named '" + username + "' exists; single sign-on does not take it over");
            }
            if (source.isEmpty()) {
                repo.insertFromProvider(h, username, role, now);
            } else {
                repo.setRole(h, username, role, now);
            }
            return new Account(username, role, false);
        });
    }

    public Optional<Account> find(String username) {
        return db.read(h -> repo.find(h, username));
    }

    /** Sets a new password, after checking the current one; clears the must-change flag. */
    public void changePassword(String username, String current, String next) {
        if (verify(username, current).isEmpty()) {
            throw ValidationException.of("current", "is not your current password");
        }
        checkStrength("password", next);
        if (next.equals(current)) {
            throw ValidationException.of("password", "must differ from the current one");
        }
        String hash = hasher.hash(next);
        db.write(h -> {
            repo.setPassword(h, username, hash, clock.millis());
            return null;
        });
        if (username.equals(INITIAL_ADMIN)) {
            try {
                Files.deleteIfExists(initialPasswordFile);
            } catch (IOException e) {
                LOG.warn(
                        "the first admin's password is changed, but its old one-time password file {} could not be"
                                + " removed: {}; remove it by hand",
                        initialPasswordFile.toAbsolutePath(),
                        e.toString());
            }
        }
    }

    private static void checkStrength(String field, String password) {
        if (password == null || password.length() < PASSWORD_MIN_CHARS) {
            throw ValidationException.of(field, "must be at least " + PASSWORD_MIN_CHARS + " characters");
        }
        if (password.length() > 1000) {
            throw ValidationException.of(field, "must be at most 1000 characters");
        }
    }

    private static void writeSecretFile(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            } catch (FileAlreadyExistsException stale) {
                // left over from a database that was removed: overwrite it, still private
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the initial admin password to " + file, e);
        }
    }

    /**
     * Made on the first sign-in with an unknown name, not when the class loads: an Argon2 hash cost every CLI
     * command about a quarter of a second (a CPU profile), and only the server's sign-in needs one.
     */
    private static final class DummyHash {
        static final String VALUE = new PasswordHasher().hash("a password nobody has, for timing");
    }
}
