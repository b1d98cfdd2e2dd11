package dev.hotfixlog.cli;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The run the {@code ./hotfix} launcher records its class-data archive from: the commands an on-call engineer
 * uses, on a throwaway log, in one JVM, so that every one of them starts with its classes already parsed and
 * verified. An archive recorded from {@code list} alone left out what {@code import}, {@code export},
 * {@code show} and the others load. Not a command: nothing here is for people, and its output is dropped.
 */
public final class ClassArchiveTraining {
    private ClassArchiveTraining() {}

    /** {@code args[0]}: an empty folder to keep the throwaway logs in. A command that fails only records less. */
    public static void main(String[] args) {
        train(Path.of(args[0]));
    }

    /** Runs the commands; returns those that did not exit 0. */
    static List<String> train(Path dir) {
        Map<String, String> first = env(dir.resolve("first"));
        String log = dir.resolve("log.md").toString();
        List<String> failed = new ArrayList<>();
        run(failed, first, "list");
        run(
                failed,
                first,
                "new",
                "--title=Checkout returns 502 after a certificate rotation",
                "--severity=high",
                "--problem=Card payments fail at the gateway",
                "--impact=All checkouts",
                "--who=On-call",
                "--why=Checkout is down",
                "--prod-down=yes",
                "--can-wait=no",
                "--detected=20 min ago");
        run(
                failed,
                first,
                "set",
                "HOTFIX-001",
                "rollbackPlan=Redeploy the previous tag",
                "systemsAffected=gateway,tls",
                "followUps.postmortem.done=yes");
        run(failed, first, "mark", "HOTFIX-001", "deployed");
        run(failed, first, "mark", "HOTFIX-001", "resolved");
        run(failed, first, "show", "HOTFIX-001");
        run(failed, first, "show", "HOTFIX-001", "--markdown");
        run(failed, first, "history", "HOTFIX-001");
        run(failed, first, "list");
        run(failed, first, "followups");
        run(failed, first, "search", "certificate");
        run(failed, first, "similar", "HOTFIX-001");
        run(failed, first, "metrics");
        run(failed, first, "export", "--format=log");
        run(failed, first, "export", "--format=full", "--out=" + log);
        run(failed, env(dir.resolve("second")), "import", log);
        return failed;
    }

    private static Map<String, String> env(Path dataDir) {
        return Map.of("HOTFIX_DATA_DIR", dataDir.toString(), "HOTFIX_ACTOR", "training");
    }

    private static void run(List<String> failed, Map<String, String> env, String... args) {
        StringWriter dropped = new StringWriter();
        if (Cli.run(args, env, Clock.systemUTC(), Terminal.of(new StringReader(""), dropped, dropped, false)) != 0) {
            failed.add(String.join(" ", args));
        }
    }
}
