package dev.hotfixlog.cli;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A failure's message said the CLI's way. The services word their hints for the API ("resolve it with
 * withoutDeploy=true", "send If-Match: \"2\""), and the same text comes back from a server in its problem
 * document, so the CLI rewrites the API's spellings it knows into its own options here, in one table, whichever
 * way the command ran. {@code CliHintsTest} holds every option the sources name (these too) to the live tree.
 */
final class CliSpelling {
    private record Rewrite(Pattern api, String cli) {
    }

    private static final List<Rewrite> REWRITES = List.of(
            new Rewrite(Pattern.compile("withoutDeploy=true"), "--without-deploy"),
            new Rewrite(Pattern.compile("send If-Match: \"(\\d+)\""), "pass --if-version $1"));

    /** API fields a command sets from an option of its own rather than from {@code field=value}. */
    private static final Map<String, String> FIELDS = Map.of("withoutDeploy", "--without-deploy");

    private CliSpelling() {
    }

    static String message(String apiMessage) {
        String out = apiMessage;
        for (Rewrite r : REWRITES) {
            out = r.api().matcher(out).replaceAll(r.cli());
        }
        return out;
    }

    static String field(String apiField) {
        return FIELDS.getOrDefault(apiField, apiField);
    }
}
