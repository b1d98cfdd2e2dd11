package dev.hotfixlog.cli;

import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.backup.Backups;
import dev.hotfixlog.backup.Manifest;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.store.Database;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hotfix backup}, {@code restore} and {@code verify}: the portable archive of a log (issue 21). */
final class BackupCommand {
    private BackupCommand() {}

    static void refuseRemote(Config config) {
        if (config.isRemote()) {
            throw ValidationException.of(
                    "--server",
                    "backups are taken and restored where the database is "
                            + "(HOTFIX_DB_URL or the data folder), not through a server");
        }
    }

    /**
     * The archive to read: standard input for {@code -}; else a {@link java.io.FileInputStream}, which, unlike
     * {@code Files.newInputStream}, also reads a pipe ({@code <(ssh host cat x.archive)}, a FIFO): gzip asks the
     * stream how much is left, and a channel answers that by seeking, which a pipe cannot.
     */
    static InputStream archive(Path file) throws IOException {
        if (file.toString().equals("-")) {
            return new FilterInputStream(System.in) {
                @Override
                public void close() {
                    // standard input stays open for whoever else reads it
                }
            };
        }
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "Is a directory");
        }
        try {
            return new FileInputStream(file.toFile());
        } catch (FileNotFoundException e) {
            throw Files.exists(file)
                    ? new AccessDeniedException(file.toString())
                    : new NoSuchFileException(file.toString());
        }
    }

    /** Standard output as an archive's stream: written in blocks, flushed but never closed by the backup. */
    private static OutputStream standardOutput() {
        PrintStream stdout = System.out;
        return new OutputStream() {
            @Override
            public void write(int b) {
                stdout.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                stdout.write(b, off, len);
            }

            @Override
            public void close() {
                stdout.flush(); // the summary goes to standard error; standard output stays open
            }
        };
    }

    static String summary(Manifest m) {
        return m.rows() + " rows in " + m.tables().size() + " tables, schema version " + m.schemaVersion();
    }

    @Command(
            name = "backup",
            description = {
                "Write the log's portable archive, consistent as of one moment, while "
                        + "the server runs: backup --out hotfix-2026-12-03.archive",
                "Restores into SQLite or PostgreSQL alike; check it with: verify FILE"
            })
    static final class Backup extends AppCommand {
        @Option(
                names = "--out",
                required = true,
                paramLabel = "FILE",
                description =
                        "The archive to write; - "
                                + "writes it to standard output (hotfix backup --out - | ssh backup-host 'cat > hotfix.archive')")
        Path out;

        Backup(CliContext ctx) {
            super(ctx);
        }

        @Override
        void beforeOpen(Config config) {
            refuseRemote(config);
        }

        @Override
        int run(App app, Config config) {
            if (out.toString().equals("-")) {
                Manifest m = app.backups().backup(standardOutput());
                ctx.terminal().err().println("backup: " + summary(m) + " -> standard output");
                ctx.terminal().err().flush();
                return ExitCodes.OK;
            }
            Path target = out.toAbsolutePath();
            // Written beside its place and moved there when complete: a failed backup never looks like one.
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            Manifest m;
            try (OutputStream os = Files.newOutputStream(partial)) {
                m = app.backups().backup(os);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw FileErrors.writing("--out", target, e);
            } finally {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // the next backup overwrites it
                }
            }
            out().println("backup: " + summary(m) + " -> " + target);
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "restore",
            description = {
                "Restore an archive into an empty log (SQLite or PostgreSQL, by "
                        + "HOTFIX_DB_URL or --db): all of it, checked against its manifest, or nothing."
            })
    static final class Restore extends AppCommand {
        @Parameters(
                index = "0",
                paramLabel = "FILE",
                description = "The archive; - or a pipe reads it as it comes "
                        + "(ssh backup-host cat hotfix.archive | hotfix restore -)")
        Path file;

        Restore(CliContext ctx) {
            super(ctx);
        }

        @Override
        App open(Config config) {
            return App.forRestore(config, ctx.clock());
        }

        @Override
        void beforeOpen(Config config) {
            refuseRemote(config);
        }

        @Override
        int run(App app, Config config) {
            try (InputStream in = archive(file)) {
                Manifest m = app.backups().restore(in);
                out().println("restored: " + summary(m) + ", verified against the archive's manifest");
                return ExitCodes.OK;
            } catch (IOException e) {
                throw FileErrors.reading("FILE", file, e);
            }
        }

        @Override
        String auditAction() {
            return "restore";
        }

        @Override
        String auditSubject() {
            return file.getFileName().toString();
        }
    }

    @Command(name = "verify", description = "Check an archive against its own manifest (needs no log).")
    static final class Verify implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "The archive; - reads standard input")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (InputStream in = archive(file)) {
                Manifest m = Backups.verify(in);
                PrintWriter out = spec.commandLine().getOut();
                out.println("ok: " + summary(m));
                out.flush();
                return ExitCodes.OK;
            } catch (IOException e) {
                throw FileErrors.reading("FILE", file, e);
            }
        }
    }

    @Command(
            name = "copy",
            description = {
                "Copy this log into another, empty one, verified: copy --to "
                        + "jdbc:postgresql://db.example.com/hotfix (and back: --to jdbc:sqlite:/var/lib/hotfix/hotfix.db).",
                "The target is made by the application's own migrations; rows keep their types; counters and sequences "
                        + "are set past the highest id; row counts and content hashes are compared before it says done."
            })
    static final class Copy extends AppCommand {
        @Option(names = "--to", required = true, paramLabel = "JDBC_URL", description = "The empty log to copy into")
        String to;

        @Option(names = "--to-user", description = "Its user (PostgreSQL)")
        String user;

        @Option(names = "--to-password", description = "Its password (PostgreSQL); or HOTFIX_COPY_PASSWORD")
        String password;

        Copy(CliContext ctx) {
            super(ctx);
        }

        @Override
        void beforeOpen(Config config) {
            refuseRemote(config);
            if (!to.startsWith("jdbc:sqlite:") && !to.startsWith("jdbc:postgresql:")) {
                throw ValidationException.of(
                        "--to", "must start with jdbc:sqlite: or jdbc:postgresql:, was '" + to + "'");
            }
        }

        @Override
        int run(App app, Config config) {
            String pw = password != null ? password : ctx.env().getOrDefault("HOTFIX_COPY_PASSWORD", "");
            try (Database target = Database.open(to, user == null ? "" : user, pw, 2)) {
                Manifest m = app.backups().copyTo(target);
                out().println("copied: " + summary(m) + " -> " + ConnectionOptions.maskPassword(to)
                        + ", verified equal");
                return ExitCodes.OK;
            }
        }

        @Override
        String auditAction() {
            return "copy";
        }
    }
}
