package dev.hotfixlog.cli;

import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Builds and runs the {@code hotfix} command line. */
public final class Cli {
    /** Returned by {@code serve}: the server runs on, so the caller must not exit. */
    public static final int KEEP_RUNNING = Integer.MIN_VALUE;

    private Cli() {}

    private static final String VERSION = "hotfix-log 0.1.0";
    private static final String DESCRIPTION = "Hotfix Log: record emergency production changes while they happen.";

    // HelpOptions: every subcommand takes --help too; "hotfix list --help" is what a responder types first.
    @Command(
            name = "hotfix",
            version = VERSION,
            description = DESCRIPTION,
            subcommands = {
                ServeCommand.class,
                NewCommand.class,
                ListCommand.class,
                ShowCommand.class,
                SetCommand.class,
                MarkCommand.class,
                HistoryCommand.class,
                ExportCommand.class,
                ImportCommand.class,
                TokenCommand.class,
                UserCommand.class,
                FollowUpsCommand.class,
                DebtCommand.class,
                AnnounceCommand.class,
                MetricsCommand.class,
                LessonCommand.class,
                SiteCommand.class,
                SearchCommand.class,
                SearchCommand.Similar.class,
                IncomingCommand.class,
                DeployCommand.class,
                DeploysCommand.class,
                BackupCommand.Backup.class,
                BackupCommand.Restore.class,
                BackupCommand.Verify.class,
                BackupCommand.Copy.class,
                RiskCommand.Register.class,
                RiskCommand.One.class,
                AttachCommand.Attach.class,
                AttachCommand.Listing.class,
                AttachCommand.One.class,
                MigrateCommand.class,
                ChatCommand.class,
                HelpCommand.class
            })
    static final class Root implements Runnable {
        @CommandLine.Mixin
        HelpOptions help;

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
        CommandLine cl = commandLine(args, new Factory(ctx))
                .setOut(terminal.out())
                .setErr(terminal.err())
                .setExecutionStrategy(Cli::execute)
                .setExecutionExceptionHandler(codes)
                .setParameterExceptionHandler(codes)
                .setCaseInsensitiveEnumValuesAllowed(true);
        int code = cl.execute(args);
        terminal.out().flush();
        terminal.err().flush();
        return code;
    }

    /**
     * Runs the command asked for, once its arguments are all understood. picocli lets {@code --help} excuse words
     * it did not match, so {@code hotfix frobnicate --help} printed the top usage and exited 0: a word that names
     * no command fails here, as it does without {@code --help}.
     */
    private static int execute(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult last = parsed;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        if (!last.unmatched().isEmpty()) {
            throw new CommandLine.UnmatchedArgumentException(last.commandSpec().commandLine(), last.unmatched());
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /** The whole command tree, every command built: what help shows and what tests walk. */
    static CommandLine tree(CliContext ctx) {
        return new CommandLine(Root.class, new Factory(ctx));
    }

    /**
     * Only the command asked for is built, with its own subcommands. Building every command's model by reflection
     * cost each run about 0.15 s of its start-up (a profile of {@code hotfix list}). The whole tree is built when
     * the first argument names no command: {@code --help}, {@code --version}, {@code help}, or a typo that picocli
     * answers with the commands there are.
     */
    private static CommandLine commandLine(String[] args, CommandLine.IFactory factory) {
        if (args.length > 0) {
            for (Class<?> sub : Root.class.getAnnotation(Command.class).subcommands()) {
                if (sub != HelpCommand.class
                        && sub.getAnnotation(Command.class).name().equals(args[0])) {
                    return new CommandLine(Bare.class, factory).addSubcommand(args[0], sub);
                }
            }
        }
        return new CommandLine(Root.class, factory);
    }

    /** {@link Root} without its subcommands: the one asked for is added to it. */
    @Command(name = "hotfix", version = VERSION, description = DESCRIPTION)
    static final class Bare implements Runnable {
        @CommandLine.Mixin
        HelpOptions help;

        @Override
        public void run() {
            // never runs: it is only built with a subcommand, and the subcommand runs
        }
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
