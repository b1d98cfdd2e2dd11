package dev.hotfixlog.cli;

import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.hotfix.HotfixService;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that works on the hotfix log, directly on the database or through a server, the same way. */
abstract class AppCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    final CliContext ctx;

    AppCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public final Integer call() {
        Config config = logFor(connection.config(ctx, Map.of()));
        beforeOpen(config);
        try (App app = open(config)) {
            int code = run(app, config);
            String action = auditAction();
            if (action != null && !config.isRemote()) {
                // Straight on the database there is no server to audit the change, so the CLI does.
                app.audit().record(config.actor(), "cli " + action, auditSubject(), CliAudit.source(), 200, null);
            }
            return code;
        }
    }

    /** Opens the log; {@code restore} overrides it to open a log an unfinished restore left marked. */
    App open(Config config) {
        return App.open(config, ctx.clock());
    }

    /** The log this command opens: the configured one, unless the command needs another. */
    Config logFor(Config config) {
        return config;
    }

    /** Work that needs no log, done before it opens: a bad argument fails at once, and slow work overlaps. */
    void beforeOpen(Config config) {}

    /** Commands that need more than the record service override this one. */
    int run(App app, Config config) {
        return run(app.hotfixes(), config);
    }

    /** Commands that need only the record service override this one. */
    int run(HotfixService hotfixes, Config config) {
        throw new IllegalStateException(getClass().getSimpleName() + " overrides neither run method");
    }

    /** The change this command made, for the audit log; null for commands that only read. */
    String auditAction() {
        return null;
    }

    /** What the change was made to (a hotfix id), when known. */
    String auditSubject() {
        return null;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
