package dev.hotfixlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.TestDb;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command and option a message names exists: the hints are read from the main sources' string literals
 * (any feature's, since the CLI prints the services' messages too) and held to the live command tree, so a
 * renamed command or option cannot leave a hint behind. And a service's hint in the API's words is said the
 * CLI's way on the CLI ({@link CliSpelling}).
 */
class CliHintsTest {
    private static final String T0 = "2026-10-04T02:17:00Z";
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    /** A command line quoted in a message: in backticks, in brackets, after a pipe or a colon, or indented. */
    private static final Pattern COMMAND =
            Pattern.compile("(?:^\\s{2,}|[`(|]\\s*|: )hotfix ([a-z][a-z-]*)(?: ([a-z][a-z-]*))?([^`)|;]*)");

    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*");

    private static CommandLine tree() {
        return Cli.tree(new CliContext(
                Map.of(),
                MutableClock.at(T0),
                Terminal.of(new StringReader(""), new StringWriter(), new StringWriter(), false)));
    }

    /** The string literals of the main sources, comments left out, each with where it stands. */
    static List<String[]> literals() {
        List<String[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.startsWith("//")
                            || line.startsWith("*")
                            || line.startsWith("/*")
                            || line.contains("Pattern.compile(")) {
                        continue; // a comment, or a pattern read over others' text (curl's --user), not our words
                    }
                    Matcher m = LITERAL.matcher(line.replaceAll("\\s//\\s.*$", ""));
                    while (m.find()) {
                        out.add(new String[] {f + ":" + (i + 1), m.group(1)});
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Test
    void everyCommandQuotedInAMessage_isACommandThere_withTheOptionsItNames() {
        CommandLine tree = tree();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String[] literal : literals()) {
            Matcher m = COMMAND.matcher(literal[1]);
            while (m.find()) {
                checked++;
                CommandLine command = tree.getSubcommands().get(m.group(1));
                if (command == null) {
                    wrong.add(literal[0] + ": no command 'hotfix " + m.group(1) + "' in: " + literal[1]);
                    continue;
                }
                String rest = m.group(3);
                if (m.group(2) != null) {
                    CommandLine sub = command.getSubcommands().get(m.group(2));
                    if (sub != null) {
                        command = sub;
                    } else if (!command.getSubcommands().isEmpty()) {
                        wrong.add(literal[0] + ": no command 'hotfix " + m.group(1) + " " + m.group(2) + "' in: "
                                + literal[1]);
                        continue;
                    }
                }
                Matcher o = OPTION.matcher(rest);
                while (o.find()) {
                    if (command.getCommandSpec().findOption(o.group()) == null) {
                        wrong.add(literal[0] + ": 'hotfix "
                                + command.getCommandSpec().qualifiedName().substring("hotfix ".length())
                                + "' has no option " + o.group() + " in: "
                                + literal[1]);
                    }
                }
            }
        }
        assertThat(checked).as("command lines found in the sources").isGreaterThan(10);
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyOptionNamedInTheSources_isAnOptionOfSomeCommand() {
        Set<String> options = new HashSet<>();
        List<CommandLine> todo = new ArrayList<>(List.of(tree()));
        while (!todo.isEmpty()) {
            CommandLine c = todo.remove(todo.size() - 1);
            c.getCommandSpec().options().forEach(o -> options.addAll(List.of(o.names())));
            todo.addAll(c.getSubcommands().values());
        }
        List<String> wrong = new ArrayList<>();
        for (String[] literal : literals()) {
            Matcher o = OPTION.matcher(literal[1]);
            while (o.find()) {
                if (!options.contains(o.group())) {
                    wrong.add(literal[0] + ": no command has " + o.group() + " (" + literal[1] + ")");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @BothDatabases
    void aServicesHintInTheApisWords_isSaidWithTheClisOption(TestDb db) {
        try (db) {
            CliRunner cli = new CliRunner(
                    Map.of(
                            "HOTFIX_DB_URL",
                            db.url(),
                            "HOTFIX_DATA_DIR",
                            db.dataDir().toString(),
                            "HOTFIX_ACTOR",
                            "tester"),
                    MutableClock.at(T0));
            assertThat(cli.run("new", "--title", "Checkout 502s", "--severity", "high")
                            .code())
                    .isZero();
            CliRunner.Result active = cli.run("mark", "1", "resolved");
            assertThat(active.code()).isEqualTo(3);
            assertThat(active.err())
                    .isEqualTo("error: HOTFIX-001 is still active: no fix was deployed. Mark it "
                            + "deployed first, or resolve it with --without-deploy if it ended without a fix (it went away, "
                            + "or it was rolled back)\n");
            CliRunner.Result field = cli.run("mark", "1", "deployed", "--without-deploy");
            assertThat(field.code()).isEqualTo(2);
            assertThat(field.err()).isEqualTo("error: --without-deploy: only applies to the 'resolved' event\n");
            CliRunner.Result lesson = cli.run("lesson", "show", "LESSON-404");
            assertThat(lesson.err())
                    .isEqualTo("error: no lesson LESSON-404; list them with `hotfix lesson list` "
                            + "or GET /api/v1/lessons\n");
        }
    }
}
