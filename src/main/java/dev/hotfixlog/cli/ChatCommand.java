package dev.hotfixlog.cli;

import dev.hotfixlog.chat.SlackManifest;
import dev.hotfixlog.json.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Setting the log up in a chat: what to paste into the chat's own admin pages. Reads no database. */
@Command(
        name = "chat",
        description = "Set up running the log from chat (Slack, Mattermost, Teams).",
        subcommands = {ChatCommand.Slack.class})
final class ChatCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "slack",
            description = "Slack: the app manifest.",
            subcommands = {Manifest.class})
    static final class Slack implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    @Command(
            name = "manifest",
            description = "Print the Slack app manifest (JSON) to paste into api.slack.com/apps → From a manifest.")
    static final class Manifest implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(
                names = "--url",
                required = true,
                paramLabel = "URL",
                description = "The server's public base URL, e.g. https://hotfix.example.com")
        String url;

        @Option(
                names = "--workspace",
                defaultValue = "slack",
                paramLabel = "NAME",
                description = "The slack entry's name in HOTFIX_INTEGRATIONS (default: ${DEFAULT-VALUE})")
        String workspace;

        @Option(
                names = "--name",
                defaultValue = "Hotfix Log",
                paramLabel = "NAME",
                description = "The app's and its bot's name in Slack (default: ${DEFAULT-VALUE})")
        String name;

        @Override
        public Integer call() {
            spec.commandLine().getOut().println(Json.pretty(SlackManifest.of("--url", url, workspace, name)));
            return ExitCodes.OK;
        }
    }
}
