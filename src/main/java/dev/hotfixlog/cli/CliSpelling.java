package dev.hotfixlog.cli;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A failure's message said the CLI's way. The services word their hints for the API ("resolve it with
 * withoutDeploy=true", "send If-Match: \"2\""), and the same text comes back from a server in its problem
 * document, so the CLI rewrites the API's spellings it knows into its own options here, in one table, whichever
 * way the command ran. Only a command that has the option is told to use it ({@code import} has no
 * {@code --if-version}: it keeps the API's words). {@code CliHintsTest} holds every option the sources name
 * (these too) to the live tree.
 */
final class CliSpelling {
    private record Rewrite(Pattern api, String cli, String option) {}

    // Constants of their own, so that LinearTimeTest (which finds static patterns) measures them.
    private static final Pattern WITHOUT_DEPLOY = Pattern.compile("withoutDeploy=true");
    private static final Pattern IF_MATCH = Pattern.compile("send If-Match: \"(\\d+)\"");
    private static final List<Rewrite> REWRITES = List.of(
            new Rewrite(WITHOUT_DEPLOY, "--without-deploy", "--without-deploy"),
            new Rewrite(IF_MATCH, "pass --if-version $1", "--if-version"));

    /** API fields a command sets from an option of its own rather than from {@code field=value}. */
    private static final Map<String, String> FIELDS = Map.of("withoutDeploy", "--without-deploy");

    private CliSpelling() {}

    /** The message with each API spelling the command has an option for said as that option. */
    static String message(String apiMessage, CommandSpec command) {
        String out = apiMessage;
        for (Rewrite r : REWRITES) {
            if (command.findOption(r.option()) != null) {
                out = r.api().matcher(out).replaceAll(r.cli());
            }
        }
        return out;
    }

    /** The field as the command's option, when it has one for it. */
    static String field(String apiField, CommandSpec command) {
        String option = FIELDS.get(apiField);
        return option != null && command.findOption(option) != null ? option : apiField;
    }
}
