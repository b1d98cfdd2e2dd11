package dev.hotfixlog.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code -h}/{@code --help} on every command and subcommand, inherited from the top so a new command has it too,
 * and {@code -V}/{@code --version} on the top only. Not picocli's standard help options inherited whole: those
 * put {@code --version} on every command, where {@code deploy --version 1.4.2} is the deploy's own option, and
 * picocli then left that command without {@code --help} ("Missing required options" for {@code deploy --help}).
 */
final class HelpOptions {
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            scope = ScopeType.INHERIT,
            description = "Show this command's usage and exit.")
    boolean help;

    @Option(
            names = {"-V", "--version"},
            versionHelp = true,
            description = "Print version information and exit.")
    boolean version;
}
