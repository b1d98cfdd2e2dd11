package dev.hotfixlog.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.Severity;
import dev.hotfixlog.hotfix.Triage;
import dev.hotfixlog.hotfix.web.HotfixView;
import dev.hotfixlog.incoming.IncomingAlert;
import dev.hotfixlog.incoming.IncomingJson;
import dev.hotfixlog.incoming.IncomingService;
import dev.hotfixlog.incoming.Outcome;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.text.Spaces;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Incoming alerts from the command line: what the monitoring sent, declared or dismissed at 3 AM. */
@Command(
        name = "incoming",
        description = "Alerts from Alertmanager or Grafana waiting for a decision: list, show, " + "declare, dismiss.",
        subcommands = {
            IncomingCommand.ListIncoming.class,
            IncomingCommand.Show.class,
            IncomingCommand.Declare.class,
            IncomingCommand.Dismiss.class
        })
final class IncomingCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static String row(IncomingAlert a) {
        String what = a.state() == IncomingAlert.State.OPEN
                ? (a.cleared() ? "cleared" : a.firing() + "/" + a.alerts() + " firing")
                : a.state().json()
                        + (a.outcome() != null && a.outcome() != Outcome.DECLARED
                                ? " (" + a.outcome().json() + ")"
                                : "")
                        + (a.hotfixId() != null ? " " + a.hotfixId() : "");
        return String.format(
                "%-10s  %-22s  %-22s  %-20s  %s%s",
                a.ref(),
                Spaces.cut(what, 22),
                Spaces.cut(a.integration(), 22),
                HotfixView.time(a.startedAt() != null ? a.startedAt() : a.firstAt()),
                Spaces.cut(a.title(), 60),
                a.repeatOf() != null ? "  [fired again after " + a.repeatOf() + "]" : "");
    }

    @Command(name = "list", description = "Incoming alerts, newest first: the open ones unless --state says otherwise.")
    static final class ListIncoming extends AppCommand {
        @Option(names = "--state", description = "open (default), declared, dismissed or all")
        String state;

        @Option(names = "--json", description = "JSON like GET /api/v1/incoming")
        boolean json;

        ListIncoming(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(App app, Config config) {
            IncomingAlert.State s = state == null
                    ? IncomingAlert.State.OPEN
                    : state.equals("all") ? null : IncomingAlert.State.parse("--state", state);
            List<IncomingAlert> list = app.incoming().list(s, IncomingService.MAX_LIMIT);
            PrintWriter out = out();
            if (json) {
                out.println(Json.pretty(IncomingJson.writeList(list)));
            } else if (list.isEmpty()) {
                out.println(
                        s == IncomingAlert.State.OPEN
                                ? "no incoming alert waits for a decision"
                                : "no incoming alerts");
            } else {
                out.println(
                        String.format("%-10s  %-22s  %-22s  %-20s  %s", "ALERT", "STATE", "FROM", "STARTED", "TITLE"));
                list.forEach(a -> out.println(row(a)));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "One incoming alert: its alerts, links and notifications.")
    static final class Show extends AppCommand {
        @Parameters(index = "0", paramLabel = "ALERT", description = "ALERT-12 or 12")
        String id;

        @Option(names = "--json", description = "JSON like GET /api/v1/incoming/ALERT-12")
        boolean json;

        Show(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(App app, Config config) {
            IncomingAlert a = app.incoming().get(IncomingJson.parseId(id));
            PrintWriter out = out();
            if (json) {
                out.println(Json.pretty(IncomingJson.write(a)));
                return ExitCodes.OK;
            }
            out.println(a.ref() + "  " + a.title());
            out.println("  state:       " + a.state().json()
                    + (a.outcome() != null
                            ? " (" + a.outcome().label() + (a.outcomeNote() != null ? ": " + a.outcomeNote() : "")
                                    + ", by " + a.decidedBy() + ")"
                            : ""));
            if (a.hotfixId() != null) {
                out.println("  hotfix:      " + a.hotfixId());
            }
            if (a.repeatOf() != null) {
                out.println("  fired again after " + a.repeatOf());
            }
            out.println("  from:        " + a.integration());
            out.println("  systems:     " + (a.systems().isEmpty() ? "-" : String.join(", ", a.systems())));
            out.println("  started:     " + HotfixView.time(a.startedAt()));
            out.println("  first sent:  " + HotfixView.time(a.firstAt()));
            out.println("  firing:      " + a.firing() + " of " + a.alerts());
            out.println("  cleared:     " + HotfixView.time(a.clearedAt()));
            out.println("  notified:    " + a.deliveries() + " times, last " + HotfixView.time(a.lastAt()));
            a.links().forEach((k, v) -> out.println("  " + String.format("%-12s ", k + ":") + v));
            for (IncomingAlert.Item i : a.items()) {
                out.println("  - " + i.status() + "  " + i.name() + "  since " + HotfixView.time(i.startsAt()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "declare",
            description = {
                "Declare a hotfix from an incoming alert: the decision tree first, then "
                        + "the record prefilled from the alert.",
                "e.g. incoming declare ALERT-12 --prod-down yes --can-wait no"
            })
    static final class Declare extends AppCommand {
        @Parameters(index = "0", paramLabel = "ALERT", description = "ALERT-12 or 12")
        String id;

        @Option(names = "--prod-down", paramLabel = "yes|no", description = "Is production down or severely degraded?")
        String prodDown;

        @Option(names = "--can-wait", paramLabel = "yes|no", description = "Can it wait 2-4 hours?")
        String canWait;

        @Option(names = "--title", description = "Instead of the alert's")
        String title;

        @Option(names = "--severity", description = "critical, high or medium, instead of the alert's label")
        String severity;

        @Option(names = "--who", description = "Who is making the change (default: you)")
        String who;

        Declare(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(App app, Config config) {
            long n = IncomingJson.parseId(id);
            Boolean down = AnswerParser.yesNo("--prod-down", prodDown);
            Boolean wait = AnswerParser.yesNo("--can-wait", canWait);
            ObjectNode draft = app.incoming().draft(n);
            if (ctx.terminal().interactive()) {
                NewCommand.Prompter p = new NewCommand.Prompter(ctx.terminal());
                p.say("ALERT-" + n + ": " + draft.path("title").asText());
                if (down == null) {
                    down = p.yesNo("Is production down or severely degraded?");
                }
                if (down && wait == null) {
                    wait = p.yesNo("Can it wait 2-4 hours?");
                }
                p.say("→ " + new Triage(down, wait).outcome().advice());
                if (severity == null && !draft.has("severity")) {
                    severity = Severity.parse("severity", p.ask("Severity (critical/high/medium)", null))
                            .json();
                }
            }
            ObjectNode fields = Json.object();
            if (title != null) {
                fields.put("title", title);
            }
            if (severity != null) {
                fields.put("severity", severity);
            }
            fields.put("owner", who != null ? who : config.actor());
            if (down != null || wait != null) {
                ObjectNode t = fields.putObject("triage");
                if (down != null) {
                    t.put("productionDown", down);
                }
                if (wait != null) {
                    t.put("canWait", wait);
                }
            }
            Hotfix h = app.incoming().declare(n, MergePatch.of(fields), config.actor(), null);
            out().println(h.id()); // the id comes first, so scripts can read it (as with hotfix new)
            out().println("  declared from ALERT-" + n + ": " + h.title());
            return ExitCodes.OK;
        }

        @Override
        String auditAction() {
            return "incoming declare";
        }

        @Override
        String auditSubject() {
            return "ALERT-" + IncomingJson.parseId(id);
        }
    }

    @Command(
            name = "dismiss",
            description = {
                "Decide an incoming alert is not a hotfix.",
                "e.g. incoming dismiss ALERT-12 noise; incoming dismiss 13 duplicate --note ALERT-12"
            })
    static final class Dismiss extends AppCommand {
        @Parameters(index = "0", paramLabel = "ALERT", description = "ALERT-12 or 12")
        String id;

        @Parameters(index = "1", paramLabel = "OUTCOME", description = "not-a-hotfix, noise or duplicate")
        String outcome;

        @Option(names = "--note", description = "Why; for a duplicate, of what (ALERT-12, HOTFIX-007)")
        String note;

        Dismiss(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(App app, Config config) {
            IncomingAlert a = app.incoming()
                    .dismiss(
                            IncomingJson.parseId(id), Outcome.parseDismissal("OUTCOME", outcome), note, config.actor());
            out().println("dismissed " + a.ref() + " as " + a.outcome().label());
            return ExitCodes.OK;
        }

        @Override
        String auditAction() {
            return "incoming dismiss";
        }

        @Override
        String auditSubject() {
            return "ALERT-" + IncomingJson.parseId(id);
        }
    }
}
