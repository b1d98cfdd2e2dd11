package dev.hotfixlog.cli;

import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.security.ApiToken;
import dev.hotfixlog.security.IssuedToken;
import dev.hotfixlog.time.TimeText;
import dev.hotfixlog.web.Role;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * API tokens, straight on the database: whoever can open the database file is already its admin, so this is how
 * the first tokens are made on a server's own machine.
 */
@Command(
        name = "token",
        description = "Create, list and revoke API tokens (on the database, not through a server).",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Shared: open the local database, refuse remote mode. */
    abstract static class Local implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Spec
        CommandSpec spec;

        final CliContext ctx;

        Local(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public final Integer call() {
            Config config = connection.config(ctx, Map.of());
            if (config.isRemote()) {
                throw ValidationException.of(
                        "--server",
                        "tokens are managed on the server's own database; "
                                + "run this where the database is, or use POST /api/v1/tokens as an admin");
            }
            try (App app = App.local(config, ctx.clock())) {
                return run(app, config, spec.commandLine().getOut());
            }
        }

        abstract int run(App app, Config config, PrintWriter out);
    }

    @Command(name = "create", description = "Make a token; its secret is printed once.")
    static final class Create extends Local {
        @Option(names = "--name", required = true, description = "Who or what it acts as (recorded in history)")
        String name;

        @Option(names = "--role", required = true, description = "viewer, responder or admin")
        String role;

        @Option(names = "--expires-in", paramLabel = "DURATION", description = "e.g. 90 days, 12h (default: never)")
        String expiresIn;

        Create(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(App app, Config config, PrintWriter out) {
            Instant expires = expiresIn == null
                    ? null
                    : ctx.clock().instant().plus(TimeText.parseDuration("--expires-in", expiresIn));
            IssuedToken t = app.tokens().create(name, Role.parseGrantable("--role", role), expires, config.actor());
            app.audit()
                    .record(
                            config.actor(),
                            "cli token create",
                            t.token().id(),
                            CliAudit.source(),
                            200,
                            t.token().name() + " as " + t.token().role().json());
            out.println(t.secret());
            out.println("  " + t.token().name() + " (" + t.token().role().json() + ", id "
                    + t.token().id() + (expires == null ? ", no expiry" : ", expires " + HotfixText.time(expires))
                    + ")");
            out.println("  shown once: store it now, e.g. as HOTFIX_TOKEN");
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "List tokens (never their secrets).")
    static final class ListTokens extends Local {
        ListTokens(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(App app, Config config, PrintWriter out) {
            out.println(String.format(
                    "%-36s %-10s %-10s %-20s %-20s %s", "ID", "ROLE", "PREFIX", "EXPIRES", "REVOKED", "NAME"));
            for (ApiToken t : app.tokens().list()) {
                out.println(String.format(
                        "%-36s %-10s %-10s %-20s %-20s %s",
                        t.id(),
                        t.role().json(),
                        t.prefix(),
                        HotfixText.time(t.expiresAt()),
                        HotfixText.time(t.revokedAt()),
                        HotfixText.clean(t.name())));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "revoke", description = "Revoke a token by id; it stops working at once.")
    static final class Revoke extends Local {
        @Parameters(paramLabel = "ID")
        String id;

        Revoke(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(App app, Config config, PrintWriter out) {
            ApiToken t = app.tokens().revoke(id);
            app.audit().record(config.actor(), "cli token revoke", t.id(), CliAudit.source(), 200, t.name());
            out.println(
                    "revoked " + t.id() + " (" + HotfixText.clean(t.name()) + ") at " + HotfixText.time(t.revokedAt()));
            return ExitCodes.OK;
        }
    }
}
