package dev.hotfixlog.cli;

import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.hotfix.web.HotfixView;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.risk.NewRisk;
import dev.hotfixlog.risk.Risk;
import dev.hotfixlog.risk.RiskDecision;
import dev.hotfixlog.risk.RiskEvent;
import dev.hotfixlog.risk.RiskJson;
import dev.hotfixlog.risk.RiskQuery;
import dev.hotfixlog.risk.RiskState;
import dev.hotfixlog.text.Spaces;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hotfix risks} (the register) and {@code hotfix risk show|add|retire|reaccept|mitigate}. */
final class RiskCommand {
    private RiskCommand() {}

    /** {@code hotfix risks [--expired] [--state S] [--system S] [--owner O] [--hotfix ID]}. */
    @Command(
            name = "risks",
            description = {
                "The risk register: accepted risks not retired, oldest first.",
                "risks --expired: those past their review date; --state open|mitigated|retired|expired."
            })
    static final class Register extends AppCommand {
        @Option(names = "--expired", description = "Only risks past their review date")
        boolean expired;

        @Option(names = "--state", paramLabel = "STATE", description = "open, mitigated, retired or expired")
        String state;

        @Option(names = "--system", description = "Only risks of hotfixes to this system")
        String system;

        @Option(names = "--owner", description = "Only this owner's")
        String owner;

        @Option(names = "--hotfix", paramLabel = "ID", description = "Only this hotfix's")
        String hotfix;

        @Option(names = "--json", description = "JSON like GET /api/v1/risks")
        boolean json;

        Register(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(App app, Config config) {
            RiskState standing = expired ? RiskState.EXPIRED : state == null ? null : RiskState.parse("--state", state);
            List<Risk> risks = app.risks().list(new RiskQuery(standing, system, owner, hotfix, RiskQuery.MAX_LIMIT));
            Instant now = ctx.clock().instant();
            PrintWriter out = out();
            if (json) {
                out.println(Json.pretty(RiskJson.writeList(risks, now)));
            } else if (risks.isEmpty()) {
                out.println(expired ? "no accepted risk is past its review date" : "no risks here");
            } else {
                for (Risk r : risks) {
                    out.println(String.format(
                            "%-8s  %-11s  %-9s  review by %s  %4d d  %-10s  %s",
                            r.key(),
                            r.hotfixId(),
                            r.standing(now).json(),
                            HotfixView.time(r.reviewBy()),
                            r.age(now).toDays(),
                            r.owner() == null ? "-" : r.owner(),
                            Spaces.cut(r.statement(), 80)));
                }
            }
            return ExitCodes.OK;
        }
    }

    /** {@code hotfix risk …}. */
    @Command(
            name = "risk",
            description = "One risk: show, add by hand, retire, accept again, mitigate.",
            subcommands = {Show.class, Add.class, Retire.class, Reaccept.class, Mitigate.class})
    static final class One implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    @Command(name = "show", description = "A risk with its history.")
    static final class Show extends AppCommand {
        @Parameters(paramLabel = "ID", description = "e.g. RISK-7 or 7")
        String id;

        @Option(names = "--json", description = "JSON like GET /api/v1/risks/{id}")
        boolean json;

        Show(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(App app, Config config) {
            long n = RiskJson.parseId(id);
            Risk r = app.risks().get(n);
            List<RiskEvent> history = app.risks().history(n);
            Instant now = ctx.clock().instant();
            if (json) {
                var o = RiskJson.write(r, now);
                o.set("history", RiskJson.writeHistory(history).path("items"));
                out().println(Json.pretty(o));
                return ExitCodes.OK;
            }
            print(out(), r, now);
            out().println("History:");
            for (RiskEvent e : history) {
                out().println("  " + HotfixView.time(e.at()) + "  " + e.actor() + "  " + e.action()
                        + (e.detail() == null ? "" : ": " + e.detail()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "add", description = "Add a risk to a hotfix by hand (its Risk Accepted is added by itself).")
    static final class Add extends AppCommand {
        @Parameters(paramLabel = "HOTFIX", description = "e.g. HOTFIX-012")
        String hotfix;

        @Option(names = "--statement", required = true, description = "What risk is accepted")
        String statement;

        @Option(names = "--owner", description = "Who owns it")
        String owner;

        @Option(names = "--decision", description = "accept (default), mitigate, transfer or avoid")
        String decision;

        @Option(names = "--controls", description = "Compensating controls meanwhile")
        String controls;

        @Option(names = "--proper-fix", description = "What retires it")
        String properFix;

        @Option(
                names = "--review-by",
                paramLabel = "TIME",
                description = "Default: by the hotfix's severity " + "(HOTFIX_RISK_REVIEW)")
        String reviewBy;

        Add(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(App app, Config config) {
            Risk r = app.risks()
                    .add(
                            new NewRisk(
                                    hotfix,
                                    statement,
                                    owner,
                                    decision == null ? null : RiskDecision.parse("--decision", decision),
                                    controls,
                                    properFix,
                                    reviewBy == null ? null : AnswerParser.when("--review-by", reviewBy, ctx.clock())),
                            config.actor());
            out().println(r.key()); // the id comes first, alone on its line, so scripts can read it
            print(out(), r, ctx.clock().instant());
            return ExitCodes.OK;
        }

        @Override
        String auditAction() {
            return "risk add";
        }

        @Override
        String auditSubject() {
            return hotfix;
        }
    }

    /** A change to one risk: parses its id, prints it as it is after, and audits itself as "risk <name>". */
    abstract static class Change extends AppCommand {
        @Parameters(paramLabel = "ID", description = "e.g. RISK-7 or 7")
        String id;

        Change(CliContext ctx) {
            super(ctx);
        }

        abstract Risk change(App app, long risk, String actor);

        @Override
        final int run(App app, Config config) {
            print(
                    out(),
                    change(app, RiskJson.parseId(id), config.actor()),
                    ctx.clock().instant());
            return ExitCodes.OK;
        }

        @Override
        final String auditAction() {
            return "risk " + spec.name();
        }

        @Override
        final String auditSubject() {
            return id;
        }
    }

    @Command(name = "retire", description = "Retire a risk, with the reason (the proper fix shipped, …).")
    static final class Retire extends Change {
        @Option(names = "--reason", required = true, description = "Why it is retired")
        String reason;

        Retire(CliContext ctx) {
            super(ctx);
        }

        @Override
        Risk change(App app, long risk, String actor) {
            return app.risks().retire(risk, reason, actor);
        }
    }

    @Command(name = "reaccept", description = "Accept a risk again until a new review date, with the reason.")
    static final class Reaccept extends Change {
        @Option(names = "--review-by", paramLabel = "TIME", required = true, description = "The new review date")
        String reviewBy;

        @Option(names = "--reason", required = true, description = "Why it is accepted again")
        String reason;

        Reaccept(CliContext ctx) {
            super(ctx);
        }

        @Override
        Risk change(App app, long risk, String actor) {
            return app.risks().reaccept(risk, AnswerParser.when("--review-by", reviewBy, ctx.clock()), reason, actor);
        }
    }

    @Command(name = "mitigate", description = "Record the compensating controls now in place.")
    static final class Mitigate extends Change {
        @Option(names = "--controls", required = true, description = "What is in place meanwhile")
        String controls;

        Mitigate(CliContext ctx) {
            super(ctx);
        }

        @Override
        Risk change(App app, long risk, String actor) {
            return app.risks().mitigate(risk, controls, actor);
        }
    }

    static void print(PrintWriter o, Risk r, Instant now) {
        o.println(r.key() + "  " + r.hotfixId() + "  " + r.standing(now).json()
                + (r.fromRecord() ? "  (the hotfix's Risk Accepted)" : ""));
        line(o, "Statement", r.statement());
        line(o, "Owner", r.owner());
        line(o, "Accepted by", r.acceptedBy() + " at " + HotfixView.time(r.acceptedAt()));
        line(o, "Decision", r.decision().json());
        line(o, "Controls", r.controls());
        line(o, "Proper fix", r.properFix());
        line(o, "Review by", HotfixView.time(r.reviewBy()));
        line(o, "Systems", r.systems().isEmpty() ? null : String.join(", ", r.systems()));
        if (r.retiredAt() != null) {
            line(o, "Retired", HotfixView.time(r.retiredAt()) + ": " + r.retireReason());
        }
    }

    private static void line(PrintWriter o, String label, String value) {
        o.println(String.format("%-12s %s", label + ":", value == null ? "-" : value));
    }
}
