package dev.hotfixlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Browser;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CLI as a responder uses it: what it prints, and the exit code a script sees. */
class CliTest {
    private static final String T0 = "2026-10-04T02:17:00Z";

    private static CliRunner direct(TestDb db, MutableClock clock) {
        return new CliRunner(
                Map.of(
                        "HOTFIX_DB_URL",
                        db.url(),
                        "HOTFIX_DATA_DIR",
                        db.dataDir().toString(),
                        "HOTFIX_ACTOR",
                        "tester"),
                clock);
    }

    @BothDatabases
    void new_printsTheIdFirst_andExitsZero(TestDb db) {
        CliRunner cli = direct(db, MutableClock.at(T0));
        CliRunner.Result r = cli.run(
                "new",
                "--title",
                "Checkout 502",
                "--severity",
                "critical",
                "--who",
                "Priya",
                "--prod-down",
                "yes",
                "--can-wait",
                "no");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("""
                HOTFIX-001
                  Checkout 502 (critical, active)
                  triage: production down: yes · can wait 2-4 h: no → HOTFIX APPROVED
                """);
        assertThat(cli.run("new", "--title", "Second", "--severity", "medium", "--json")
                        .out())
                .startsWith("{\n  \"id\" : \"HOTFIX-002\",");
    }

    @BothDatabases
    void badInput_exitsTwo_andNamesTheField(TestDb db) {
        CliRunner cli = direct(db, MutableClock.at(T0));
        CliRunner.Result missing = cli.run("new", "--who", "Priya");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("""
                error: --title: is required
                error: --severity: is required: one of critical, high, medium
                """);
        CliRunner.Result severity = cli.run("new", "--title", "x", "--severity", "urgent");
        assertThat(severity.code()).isEqualTo(2);
        assertThat(severity.err())
                .isEqualTo("error: severity: 'urgent' is not a severity; use one of critical, high, medium\n");
        CliRunner.Result yesNo = cli.run("new", "--title", "x", "--severity", "high", "--prod-down", "perhaps");
        assertThat(yesNo.code()).isEqualTo(2);
        assertThat(yesNo.err()).isEqualTo("error: --prod-down: 'perhaps' is not yes or no\n");
        CliRunner.Result unknown = cli.run("show", "HOTFIX-999");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err())
                .isEqualTo("error: no hotfix HOTFIX-999; list them with `hotfix list` or " + "GET /api/v1/hotfixes\n");
        CliRunner.Result flag = cli.run("list", "--bogus");
        assertThat(flag.code()).isEqualTo(2);
        assertThat(flag.err()).isEqualTo("error: Unknown option: '--bogus'\ntry: hotfix list --help\n");
        CliRunner.Result assignment = cli.run("set", "1", "owner");
        assertThat(assignment.code()).isEqualTo(2);
        assertThat(cli.run("list").out()).isEqualTo("no hotfixes yet; declare one with `hotfix new`\n");
    }

    @BothDatabases
    void conflicts_exitThree(TestDb db) {
        CliRunner cli = direct(db, MutableClock.at(T0));
        cli.run("new", "--title", "x", "--severity", "high");
        assertThat(cli.run("mark", "1", "deployed").code()).isZero();
        CliRunner.Result again = cli.run("mark", "1", "deployed");
        assertThat(again.code()).isEqualTo(3);
        assertThat(again.err())
                .isEqualTo("error: HOTFIX-001 is already deployed (fix deployed at "
                        + "2026-10-04T02:17:00Z); 'deployed' applies to an active hotfix only\n");
        CliRunner.Result stale = cli.run("set", "1", "--if-version", "1", "owner=Jonas");
        assertThat(stale.code()).isEqualTo(3);
        assertThat(stale.err())
                .isEqualTo("error: HOTFIX-001 was changed by someone else: you edited version 1 "
                        + "but the current version is 2; reload it, re-apply your change and pass --if-version 2\n");
    }

    /** Only the command asked for is built; asking for none, or for help, still shows them all. */
    @Test
    void noCommand_helpAndATypo_stillSeeEveryCommand() {
        CliRunner cli = new CliRunner(Map.of(), MutableClock.at(T0));
        for (String[] args : new String[][] {{}, {"--help"}, {"help"}}) {
            CliRunner.Result r = cli.run(args);
            assertThat(r.code()).as(String.join(" ", args)).isZero();
            assertThat(r.out())
                    .as(String.join(" ", args))
                    .startsWith("Usage: hotfix [-hV] [COMMAND]")
                    .contains("  serve ", "  list ", "  import ", "  similar ", "  lesson ", "  user ", "  help ");
        }
        assertThat(cli.run("help", "import").out()).startsWith("Usage: hotfix import ");
        assertThat(cli.run("--version").out()).isEqualTo("hotfix-log 0.1.0\n");
        CliRunner.Result typo = cli.run("lst");
        assertThat(typo.code()).isNotZero();
        assertThat(typo.err()).contains("'lst'");
    }

    @Test
    void unreachableServer_exitsOne_andSaysWhere() {
        CliRunner cli = new CliRunner(Map.of("HOTFIX_SERVER", "http://127.0.0.1:9"), MutableClock.at(T0));
        CliRunner.Result r = cli.run("list");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err())
                .startsWith("error: cannot reach the Hotfix Log server at http://127.0.0.1:9/api/v1/hotfixes");
    }

    @BothDatabases
    void onATerminal_new_asksTheDecisionTreeFirst(TestDb db) {
        CliRunner cli = direct(db, MutableClock.at(T0));
        CliRunner.Result r = cli.run("y\nn\nSearch index stale\nmedium\n\n", true, "new");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("HOTFIX-001\n");
        assertThat(r.err())
                .isEqualTo("Is production down or severely degraded? [y/n]: "
                        + "Can it wait 2-4 hours? [y/n]: "
                        + "→ HOTFIX APPROVED\n"
                        + "Title (brief description): "
                        + "Severity (critical/high/medium): "
                        + "Who is making the change [tester]: ");
        assertThat(cli.run("show", "1").out()).contains("  Who: tester\n", "  Severity: 🔵 Medium\n");
    }

    @BothDatabases
    void aNormalProcessAnswer_isKeptAndMarked(TestDb db) {
        CliRunner cli = direct(db, MutableClock.at(T0));
        CliRunner.Result r = cli.run("n\nTypo on pricing page\nmedium\nJonas\n", true, "new");
        assertThat(r.err()).contains("→ Use normal process (the record is kept and marked 'normal')\n");
        assertThat(cli.run("show", "1", "--json").out()).contains("\"outcome\" : \"normal\"");
    }

    @BothDatabases
    void tokens_madeOnTheDatabase_openTheServer_untilRevoked(TestDb db) {
        MutableClock clock = MutableClock.at(T0);
        try (RunningServer server = new RunningServer(db.config(), clock)) {
            CliRunner local = direct(db, clock);
            CliRunner.Result made =
                    local.run("token", "create", "--name", "Priya", "--role", "responder", "--expires-in", "90 days");
            assertThat(made.code()).isZero();
            String secret = made.out().lines().findFirst().orElseThrow();
            assertThat(secret).startsWith("hfx_").hasSize(47);
            assertThat(made.out()).contains("expires 2027-01-02 02:17 UTC").contains("shown once");

            CliRunner remote = new CliRunner(Map.of("HOTFIX_SERVER", server.url(), "HOTFIX_TOKEN", secret), clock);
            assertThat(remote.run("new", "--title", "via token", "--severity", "high")
                            .out())
                    .startsWith("HOTFIX-001");
            assertThat(remote.run("history", "1").out()).contains("  Priya  created");

            String id = local.run("token", "list")
                    .out()
                    .lines()
                    .filter(l -> l.endsWith(" Priya"))
                    .findFirst()
                    .orElseThrow()
                    .split(" ")[0];
            assertThat(local.run("token", "revoke", id).code()).isZero();
            CliRunner.Result refused = remote.run("list");
            assertThat(refused.code()).isEqualTo(1);
            assertThat(refused.err())
                    .isEqualTo("error: the token is unknown, expired or revoked; ask an admin for "
                            + "a new one (set HOTFIX_TOKEN to an API token of that server)\n");
            CliRunner.Result none = new CliRunner(Map.of("HOTFIX_SERVER", server.url()), clock).run("list");
            assertThat(none.err())
                    .isEqualTo("error: sign in first: send Authorization: Bearer <API token> (set "
                            + "HOTFIX_TOKEN to an API token of that server)\n");
        }
    }

    @BothDatabases
    void userAdd_printsAOneTimePassword_thatSignsInOnlyToBeChanged(TestDb db) {
        MutableClock clock = MutableClock.at(T0);
        CliRunner local = direct(db, clock);
        CliRunner.Result added = local.run("user", "add", "--name", "ana", "--role", "responder");
        assertThat(added.code()).isZero();
        String password = added.out().lines().findFirst().orElseThrow();
        assertThat(password).hasSize(20);
        assertThat(added.out()).contains("ana (responder): one-time password above, shown once");
        assertThat(local.run("user", "add", "--name", "ana", "--role", "viewer").err())
                .isEqualTo("error: username: 'ana' is taken\n");
        assertThat(local.run("user", "add", "--name", "bo", "--role", "owner").code())
                .isEqualTo(2);
        assertThat(local.run("user", "list").out()).contains("ana                            responder  local  yes");
        try (RunningServer server = new RunningServer(db.config(), clock)) {
            Browser b = new Browser(server.url());
            String csrf = b.get("/sign-in").csrf();
            assertThat(b.postForm("/sign-in", Map.of("_csrf", csrf, "username", "ana", "password", password))
                            .location())
                    .isEqualTo("/account/password");
        }
    }

    @BothDatabases
    void directChanges_areAuditedLikeServerOnes(TestDb db) {
        MutableClock clock = MutableClock.at(T0);
        CliRunner local = direct(db, clock);
        local.run("new", "--title", "x", "--severity", "high");
        local.run("set", "hotfix-1", "owner=Ana");
        local.run("mark", "1", "DEPLOYED");
        local.run("mark", "1", "deployed");
        local.run("token", "create", "--name", "ci", "--role", "viewer");
        local.run("user", "add", "--name", "bo", "--role", "viewer");
        try (dev.hotfixlog.App app = dev.hotfixlog.App.local(db.config(), clock)) {
            List<String> lines = new ArrayList<>();
            app.audit()
                    .recent(50)
                    .forEach(e -> lines.add(e.actor() + " | " + e.action() + " | " + e.subject() + " | "
                            + e.source().startsWith("cli")));
            assertThat(lines)
                    .contains(
                            "tester | cli new | HOTFIX-001 | true",
                            "tester | cli set | HOTFIX-001 | true",
                            "tester | cli mark deployed | HOTFIX-001 | true",
                            "tester | cli user add | bo | true");
            assertThat(lines).anyMatch(l -> l.startsWith("tester | cli token create | "));
            assertThat(lines)
                    .as("a refused change is not a change")
                    .filteredOn(l -> l.contains("mark"))
                    .hasSize(1);
        }
    }

    /** Every command, including its failures, prints the same and exits the same in both modes. */
    @BothDatabases
    void serverMode_printsExactlyWhatDirectModePrints(TestDb db) {
        MutableClock clock = MutableClock.at(T0);
        try (TestDb other = db.isPostgres() ? TestDb.postgres() : TestDb.sqlite();
                RunningServer server = new RunningServer(other.config(), clock)) {
            CliRunner local = direct(db, clock);
            CliRunner remote = new CliRunner(
                    Map.of("HOTFIX_SERVER", server.url(), "HOTFIX_TOKEN", server.token("tester", Role.RESPONDER)),
                    clock);
            List<String[]> script = List.of(
                    new String[] {
                        "new",
                        "--title",
                        "Checkout 502",
                        "--severity",
                        "critical",
                        "--who",
                        "Priya",
                        "--problem",
                        "Card payments fail\nwith 502",
                        "--prod-down",
                        "yes",
                        "--can-wait",
                        "no"
                    },
                    new String[] {"new", "--title", "Index stale", "--severity", "high", "--json"},
                    new String[] {
                        "set",
                        "1",
                        "systemsAffected=payments-gateway, flags",
                        "followUps.postmortem.owner=Tomás",
                        "steps.quickReview.done=yes",
                        "steps.quickReview.by=Ana"
                    },
                    new String[] {"mark", "1", "alerted", "--at", "2026-10-04T02:17:00Z"},
                    new String[] {"mark", "1", "deployed"},
                    new String[] {"mark", "1", "deployed"},
                    new String[] {"mark", "2", "resolved"},
                    new String[] {"mark", "1", "resolved"},
                    new String[] {"set", "1", "--if-version", "2", "owner=Jonas"},
                    new String[] {"set", "1", "severity=urgent"},
                    new String[] {"show", "1"},
                    new String[] {"show", "1", "--json"},
                    new String[] {"show", "HOTFIX-404"},
                    new String[] {"list"},
                    new String[] {"list", "--status", "completed", "--json"},
                    new String[] {"list", "--limit", "1"},
                    new String[] {"history", "1"},
                    new String[] {"history", "1", "--json"});
            List<String> localRuns = new ArrayList<>();
            List<String> remoteRuns = new ArrayList<>();
            for (String[] args : script) {
                localRuns.add(describe(args, local.run(args)));
                remoteRuns.add(describe(args, remote.run(args)));
            }
            assertThat(remoteRuns).containsExactlyElementsOf(localRuns);
            assertThat(localRuns.get(5)).contains("exit 3");
            assertThat(localRuns.get(6)).contains("exit 3");
            assertThat(localRuns.get(9)).contains("exit 2");
            assertThat(localRuns.get(12)).contains("exit 2");
        }
    }

    @BothDatabases
    void set_typesEachValueByItsField_numbersListsYesNoAndText(TestDb db) {
        CliRunner cli = direct(db, MutableClock.at(T0));
        cli.run("new", "--title", "Checkout 502", "--severity", "high");
        CliRunner.Result r = cli.run(
                "set",
                "1",
                "confidence=4",
                "systemsAffected=api, db",
                "triage.productionDown=yes",
                "triage.canWait=no",
                "followUps.postmortem.done=yes",
                "owner=Priya");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        String json = cli.run("show", "1", "--json").out();
        assertThat(json)
                .contains(
                        "\"confidence\" : 4",
                        "\"canWait\" : false",
                        "\"outcome\" : \"hotfix\"",
                        "\"systemsAffected\" : [ \"api\", \"db\" ]",
                        "\"owner\" : \"Priya\"");
        CliRunner.Result bad = cli.run("set", "1", "confidence=high");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("error: confidence: 'high' is not a whole number\n");
    }

    @BothDatabases
    void history_ofACreate_keepsEveryTriageAnswer_includingNo(TestDb db) {
        CliRunner cli = direct(db, MutableClock.at(T0));
        cli.run("new", "--title", "Checkout 502", "--severity", "critical", "--prod-down", "yes", "--can-wait", "no");
        assertThat(cli.run("history", "1").out())
                .contains("    triage.productionDown: — → true\n" + "    triage.canWait: — → false\n")
                .doesNotContain("steps.alertTeam.done");
    }

    private static String describe(String[] args, CliRunner.Result r) {
        return String.join(" ", args) + "\nexit " + r.code() + "\n" + r.out() + "\n--- stderr\n" + r.err();
    }
}
