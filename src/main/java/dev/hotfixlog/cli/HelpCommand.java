package dev.hotfixlog.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;

/**
 * {@code hotfix help [COMMAND [SUBCOMMAND]]}: that command's usage, as its {@code --help} prints it. picocli's own
 * help command has its own {@code -h}, which the {@code -h} every command inherits ({@link HelpOptions}) clashes
 * with; this one inherits it, and names the nearest commands for one that does not exist.
 */
@Command(name = "help", helpCommand = true, description = "Show a command's usage: help lesson new.")
final class HelpCommand implements Runnable {
    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command, and its subcommand")
    List<String> commands = List.of();

    @CommandLine.Spec
    CommandSpec spec;

    @Override
    public void run() {
        CommandLine target = spec.parent().commandLine();
        for (String name : commands) {
            CommandLine sub = target.getSubcommands().get(name);
            if (sub == null) {
                throw new CommandLine.UnmatchedArgumentException(target, List.of(name));
            }
            target = sub;
        }
        target.usage(spec.commandLine().getOut());
    }
}
