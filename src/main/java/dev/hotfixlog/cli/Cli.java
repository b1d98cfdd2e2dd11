package dev.hotfixlog.cli;

import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Builds and runs the {@code hotfix} command line. */
public final class Cli {
    /** Returned by {@code serve}: the server runs on, so the caller must not exit. */
    public static final int KEEP_RUNNING = Integer.MIN_VALUE;

    private Cli() {
    }

    // INHERIT: every subcommand takes --help too; "hotfix list --help" is what a responder types first.
    @Command(name = "hotfix", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
            version = "hotfix-log 0.1.0",
            description = "Hotfix Log: record emergency production changes while they happen.",
            subcommands = {ServeCommand.class, NewCommand.class, ListCommand.class, ShowCommand.class,
                    SetCommand.class, MarkCommand.class, HistoryCommand.class, ExportCommand.class, ImportCommand.class,
                    TokenCommand.class, UserCommand.class, FollowUpsCommand.class, DebtCommand.class,
                    AnnounceCommand.class, MetricsCommand.class, LessonCommand.class, SiteCommand.class,
                    SearchCommand.class, SearchCommand.Similar.class, CommandLine.HelpCommand.class})
    static final class Root implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    public static int run(String[] args, Map<String, String> env, Clock clock, Terminal terminal) {
        CliContext ctx = new CliContext(env, clock, terminal);
        ExitCodes codes = new ExitCodes();
        CommandLine cl = new CommandLine(Root.class, new Factory(ctx))
                .setOut(terminal.out())
                .setErr(terminal.err())
                .setExecutionExceptionHandler(codes)
                .setParameterExceptionHandler(codes)
                .setCaseInsensitiveEnumValuesAllowed(true);
        int code = cl.execute(args);
        terminal.out().flush();
        terminal.err().flush();
        return code;
    }

    /** Hands every command the context through its constructor; no static state. */
    private record Factory(CliContext ctx) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                var c = cls.getDeclaredConstructor(CliContext.class);
                c.setAccessible(true);
                return c.newInstance(ctx);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
