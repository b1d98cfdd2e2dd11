package dev.hotfixlog.cli;

import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.notify.Delivery;
import dev.hotfixlog.notify.MessageKind;
import dev.hotfixlog.notify.Preview;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "announce",
        description = "Show a communication template filled from a hotfix; --send queues it "
                + "for every configured channel that takes it.")
final class AnnounceCommand extends AppCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "e.g. HOTFIX-003 or 3")
    String id;

    @Parameters(index = "1", paramLabel = "MESSAGE", description = "alert, complete or stakeholder")
    String kind;

    @Option(names = "--eta", description = "Expected time to resolution, for the alert")
    String eta;

    @Option(names = "--send", description = "Send it (without: only show it)")
    boolean send;

    AnnounceCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run(App app, Config config) {
        HotfixId hotfix = HotfixId.parse(id);
        MessageKind k = MessageKind.parse("MESSAGE", kind);
        Preview p = app.notifications().preview(hotfix, k, eta);
        if (!send) {
            out().println("Subject: " + p.message().subject());
            out().println();
            out().println(p.message().text());
            out().println();
            out().println(
                            !p.anyChannel()
                                    ? "(no channel is configured; see HOTFIX_CHANNELS)"
                                    : p.channels().isEmpty()
                                            ? "(no channel takes this message; see HOTFIX_CHANNELS)"
                                            : "(--send would send it to: " + String.join(", ", p.channels()) + ")");
            return ExitCodes.OK;
        }
        List<Delivery> queued = app.notifications().send(hotfix, k, eta, config.actor(), null);
        List<Delivery> shown = queued;
        if (!config.isRemote()) {
            // Straight on the database there may be no server running to deliver it: deliver it now.
            app.deliverNow();
            shown = app.notifications().deliveries(hotfix).stream()
                    .filter(d -> queued(d, queued))
                    .toList();
        }
        for (Delivery d : shown) {
            out().println(d.kind().label() + " → " + d.channel() + ": " + d.status()
                    + (d.lastError() == null ? "" : " (" + d.lastError() + ")"));
        }
        return ExitCodes.OK;
    }

    private static boolean queued(Delivery d, List<Delivery> queued) {
        return queued.stream().anyMatch(q -> q.id() == d.id());
    }

    @Override
    String auditAction() {
        return send ? "announce " + kind : null;
    }

    @Override
    String auditSubject() {
        return id;
    }
}
