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
        Config config = connection.config(ctx, Map.of());
        try (App app = App.open(config, ctx.clock())) {
            return run(app.hotfixes(), config);
        }
    }

    abstract int run(HotfixService hotfixes, Config config);

    PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
