package dev.hotfixlog.cli;

import dev.hotfixlog.Config;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.hotfix.Revision;
import dev.hotfixlog.hotfix.RevisionJson;
import dev.hotfixlog.json.Json;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "history", description = "Every revision of a hotfix: who, when, which fields, old → new.")
final class HistoryCommand extends AppCommand {
    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = "--json", description = "JSON like GET /api/v1/hotfixes/{id}/history")
    boolean json;

    HistoryCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run(HotfixService hotfixes, Config config) {
        List<Revision> revisions = hotfixes.history(HotfixId.parse(id));
        if (json) {
            out().println(Json.pretty(RevisionJson.writeAll(revisions)));
        } else {
            out().print(HotfixText.history(revisions));
        }
        return ExitCodes.OK;
    }
}
