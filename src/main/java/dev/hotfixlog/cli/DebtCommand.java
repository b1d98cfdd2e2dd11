package dev.hotfixlog.cli;

import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.followup.DebtLedger;
import dev.hotfixlog.followup.FollowUpJson;
import dev.hotfixlog.hotfix.web.HotfixView;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.text.Spaces;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "debt", description = "The hotfix debt ledger: proper fixes still outstanding, and the trend.")
final class DebtCommand extends AppCommand {
    @Option(names = "--json", description = "JSON like GET /api/v1/debt")
    boolean json;

    DebtCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run(App app, Config config) {
        DebtLedger d = app.followUps().debt();
        if (json) {
            out().println(Json.pretty(FollowUpJson.write(d)));
            return ExitCodes.OK;
        }
        out().println(d.open().size() + (d.open().size() == 1 ? " proper fix" : " proper fixes") + " outstanding, "
                + d.trend() + " against the end of last month");
        out().println("MONTH    OUTSTANDING  TAKEN  REPAID");
        for (DebtLedger.Month m : d.months()) {
            out().println(String.format("%-7s  %11d  %5d  %6d", m.month(), m.outstanding(), m.taken(), m.repaid()));
        }
        for (DebtLedger.Loan l : d.open()) {
            out().println(String.format(
                    "%-11s  %-8s  %-14s  %s%s",
                    l.hotfixId(),
                    HotfixView.age(l.since(), d.asOf()),
                    HotfixView.text(l.owner()),
                    Spaces.collapse(l.title()),
                    l.overdue(d.asOf()) ? "  [proper fix overdue]" : ""));
        }
        return ExitCodes.OK;
    }
}
