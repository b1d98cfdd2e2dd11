package dev.hotfixlog.cli;

import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.followup.FollowUpItem;
import dev.hotfixlog.followup.FollowUpJson;
import dev.hotfixlog.followup.FollowUpQuery;
import dev.hotfixlog.hotfix.web.HotfixView;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.text.Spaces;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "followups", description = "Open follow-ups across all hotfixes, overdue first.")
final class FollowUpsCommand extends AppCommand {
    @Option(names = "--overdue", description = "Only those past their due time")
    boolean overdue;

    @Option(names = "--owner", description = "Only this person's (case and a leading @ ignored)")
    String owner;

    @Option(names = "--done", description = "Include done ones")
    boolean done;

    @Option(names = "--json", description = "JSON like GET /api/v1/followups")
    boolean json;

    FollowUpsCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run(App app, Config config) {
        List<FollowUpItem> items =
                app.followUps().list(new FollowUpQuery(overdue, owner, done, FollowUpQuery.MAX_LIMIT));
        if (json) {
            out().println(Json.pretty(FollowUpJson.write(items)));
            return ExitCodes.OK;
        }
        if (items.isEmpty()) {
            out().println(overdue ? "no overdue follow-ups" : "no open follow-ups");
            return ExitCodes.OK;
        }
        out().println(String.format(
                "%-9s  %-11s  %-22s  %-20s  %-14s  %s", "STATE", "HOTFIX", "FOLLOW-UP", "DUE", "OWNER", "WHAT"));
        for (FollowUpItem i : items) {
            out().println(String.format(
                    "%-9s  %-11s  %-22s  %-20s  %-14s  %s",
                    i.state().json(),
                    i.hotfixId(),
                    i.kind().label(),
                    HotfixView.time(i.dueAt()),
                    Spaces.cut(HotfixView.text(i.owner()), 14),
                    Spaces.cut(i.description() == null ? i.title() : i.description(), 60)));
        }
        return ExitCodes.OK;
    }
}
