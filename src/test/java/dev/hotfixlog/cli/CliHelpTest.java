package dev.hotfixlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.support.MutableClock;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Help on every command of the live tree, however it is asked for, and unknown commands named with the nearest
 * ones. The tree is walked from picocli's own model, so a command added later is covered without a line here.
 */
class CliHelpTest {
    private static final String T0 = "2026-10-04T02:17:00Z";
    private final CliRunner cli = new CliRunner(Map.of(), MutableClock.at(T0));

    /** Every command path of the tree below the top: {@code [list]}, {@code [lesson, new]}, … */
    static List<List<String>> commandPaths() {
        CliContext ctx = new CliContext(
                Map.of(),
                MutableClock.at(T0),
                Terminal.of(new StringReader(""), new StringWriter(), new StringWriter(), false));
        List<List<String>> out = new ArrayList<>();
        collect(Cli.tree(ctx), new ArrayList<>(), out);
        return out;
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
        cl.getSubcommands().forEach((name, sub) -> {
            List<String> p = new ArrayList<>(path);
            p.add(name);
            out.add(p);
            collect(sub, p, out);
        });
    }

    @Test
    void everyCommandAndSubcommand_answersHelpAndH_withItsOwnUsage_evenWithRequiredOptionsMissing() {
        List<List<String>> paths = commandPaths();
        assertThat(paths)
                .as("the walk reaches nested commands")
                .contains(
                        List.of("lesson", "new"),
                        List.of("deploy"),
                        List.of("migrate"),
                        List.of("incoming", "declare"),
                        List.of("attachment", "get"));
        for (List<String> path : paths) {
            for (String flag : new String[] {"--help", "-h"}) {
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                CliRunner.Result r = cli.run(args.toArray(String[]::new));
                String as = String.join(" ", args) + "\n" + r.err();
                assertThat(r.code()).as(as).isZero();
                assertThat(r.err()).as(as).isEmpty();
                assertThat(r.out()).as(as).startsWith("Usage: hotfix " + String.join(" ", path) + " ");
            }
        }
    }

    @Test
    void helpAfterAnArgument_andHelpCommand_showThatCommandsUsage() {
        for (String[] args : new String[][] {
            {"migrate", "pagerduty", "--help"},
            {"deploy", "--system", "x", "-h"},
            {"mark", "1", "--help"},
            {"help", "deploy"},
            {"help", "migrate"}
        }) {
            CliRunner.Result r = cli.run(args);
            String command = args[0].equals("help") ? args[1] : args[0];
            assertThat(r.code()).as(String.join(" ", args)).isZero();
            assertThat(r.out()).as(String.join(" ", args)).startsWith("Usage: hotfix " + command + " ");
        }
    }

    @Test
    void anUnknownCommand_withOrWithoutHelp_exitsTwo_andNamesTheNearestCommands() {
        for (String[] args : new String[][] {{"lsit"}, {"lsit", "--help"}, {"lsit", "-h"}}) {
            CliRunner.Result r = cli.run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.out()).as(String.join(" ", args)).isEmpty();
            assertThat(r.err())
                    .as(String.join(" ", args))
                    .isEqualTo("error: 'lsit' is not a command of hotfix; "
                            + "did you mean hotfix list?\ntry: hotfix --help\n");
        }
        CliRunner.Result far = cli.run("frobnicate", "--help");
        assertThat(far.code()).isEqualTo(2);
        assertThat(far.err())
                .startsWith("error: 'frobnicate' is not a command of hotfix; its commands are serve, "
                        + "new, list, show, set, mark,")
                .endsWith(", help\ntry: hotfix --help\n");
        CliRunner.Result sub = cli.run("lesson", "create", "--help");
        assertThat(sub.code()).isEqualTo(2);
        assertThat(sub.err())
                .isEqualTo("error: 'create' is not a command of hotfix lesson; its commands are new, "
                        + "list, show, set\ntry: hotfix lesson --help\n");
        CliRunner.Result risk = cli.run("risk", "ad", "-h");
        assertThat(risk.code()).isEqualTo(2);
        assertThat(risk.err())
                .isEqualTo("error: 'ad' is not a command of hotfix risk; did you mean hotfix risk add?"
                        + "\ntry: hotfix risk --help\n");
        CliRunner.Result help = cli.run("help", "frobnicate");
        assertThat(help.code()).isEqualTo(2);
        assertThat(help.err()).startsWith("error: 'frobnicate' is not a command of hotfix;");
    }
}
