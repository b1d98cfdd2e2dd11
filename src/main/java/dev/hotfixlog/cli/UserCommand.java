package dev.hotfixlog.cli;

import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.web.Role;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Local web accounts, straight on the database (like {@code token}): add with a one-time password, list. */
@Command(
        name = "user",
        description = "Add and list web accounts (on the database, not through a server).",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class})
final class UserCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "add",
            description = "Add an account; its one-time password is printed once and must be "
                    + "changed at the first sign-in.")
    static final class Add extends TokenCommand.Local {
        @Option(names = "--name", required = true, description = "User name for signing in")
        String name;

        @Option(names = "--role", required = true, description = "viewer, responder or admin")
        String role;

        Add(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(App app, Config config, PrintWriter out) {
            Role granted = Role.parseGrantable("--role", role);
            String password = app.accounts().createWithOneTimePassword(name, granted);
            app.audit()
                    .record(
                            config.actor(),
                            "cli user add",
                            name.strip(),
                            CliAudit.source(),
                            200,
                            "role " + granted.json());
            out.println(password);
            out.println("  " + name.strip() + " (" + role.strip().toLowerCase(Locale.ROOT)
                    + "): one-time password above, shown once; it must be changed at the first sign-in");
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "List accounts.")
    static final class ListUsers extends TokenCommand.Local {
        ListUsers(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(App app, Config config, PrintWriter out) {
            out.println(String.format("%-30s %-10s %-6s %s", "USER", "ROLE", "SOURCE", "MUST CHANGE PASSWORD"));
            for (String[] a : app.accounts().list()) {
                out.println(String.format(
                        "%-30s %-10s %-6s %s", HotfixText.clean(a[0]), a[1], a[2], a[3].equals("true") ? "yes" : "no"));
            }
            return ExitCodes.OK;
        }
    }
}
