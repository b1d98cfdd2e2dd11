package dev.hotfixlog.cli;

import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.Setting;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.web.WebServer;
import dev.hotfixlog.work.Threads;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", description = "Run the web app and REST API (loopback only unless --bind says otherwise).")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default 8080; 0 = any free port)")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Listen address (default 127.0.0.1)")
    String bind;

    private final CliContext ctx;

    ServeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        if (port != null) {
            flags.put(Setting.PORT, port.toString());
        }
        if (bind != null) {
            flags.put(Setting.BIND, bind);
        }
        Config config = connection.config(ctx, flags);
        if (config.isRemote()) {
            throw ValidationException.of(
                    "--server", "serve runs on a database, not on another server; unset " + "HOTFIX_SERVER / --server");
        }
        App app = App.local(config, ctx.clock());
        WebServer server;
        try {
            server = app.serve();
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(Threads.shutdownHook("hotfix-shutdown", () -> {
            server.close();
            app.close();
        }));
        String host = config.bind().contains(":") ? "[" + config.bind() + "]" : config.bind();
        spec.commandLine()
                .getOut()
                .println("Hotfix Log serving on http://" + host + ":" + server.port() + " (database: "
                        + ConnectionOptions.maskPassword(config.dbUrl()) + ")");
        spec.commandLine().getOut().flush();
        return Cli.KEEP_RUNNING;
    }
}
