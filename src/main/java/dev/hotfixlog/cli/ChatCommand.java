package dev.hotfixlog.cli;

import com.google.re2j.Pattern;
import dev.hotfixlog.chat.SlackPlatform;
import dev.hotfixlog.error.ValidationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Setting the log up in a team's chat: {@code hotfix chat slack manifest --url https://…}. */
@Command(
        name = "chat",
        description = "Set the log up in a team's chat (Slack).",
        subcommands = {ChatCommand.Slack.class})
final class ChatCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "slack", description = "Slack: the app manifest.", subcommands = ChatCommand.Manifest.class)
    static final class Slack implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    /** Prints the manifest; nothing is opened or sent. */
    @Command(
            name = "manifest",
            description = "Print the Slack app manifest (the /hotfix command, interactivity, the bot's scopes) to "
                    + "paste into Slack's \"Create an app → From a manifest\".")
    static final class Manifest implements Runnable {
        private static final Pattern HTTP = Pattern.compile("https?://[^\\s/?#]+(?:/[^\\s?#]*)?");
        private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,40}");

        @Option(
                names = "--url",
                required = true,
                description = "The server's address as Slack reaches it, e.g. https://hotfix.example.com")
        String url;

        @Option(
                names = "--name",
                defaultValue = "slack",
                description = "The workspace's entry name in HOTFIX_INTEGRATIONS (slack <name> secret=… token=…); "
                        + "default ${DEFAULT-VALUE}")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            if (!HTTP.matcher(url).matches()) {
                throw ValidationException.of("--url", "must be an http(s):// address, was '" + url + "'");
            }
            if (!NAME.matcher(name).matches()) {
                throw ValidationException.of("--name", "is an entry's name: a-z, 0-9, - and _");
            }
            spec.commandLine().getOut().println(SlackPlatform.manifest(url, name));
        }
    }
}
