package dev.hotfixlog.cli;

import dev.hotfixlog.Config;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixJson;
import dev.hotfixlog.hotfix.HotfixPage;
import dev.hotfixlog.hotfix.HotfixQuery;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.hotfix.Severity;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.json.Json;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", description = "List hotfixes, newest first.")
final class ListCommand extends AppCommand {
    @Option(names = "--status", description = "active, deployed or completed")
    String status;

    @Option(names = "--severity", description = "critical, high or medium")
    String severity;

    @Option(names = "--limit", description = "How many (default 50)")
    Integer limit;

    @Option(names = "--cursor", description = "Continue after a previous page (its nextCursor)")
    String cursor;

    @Option(
            names = "--field",
            paramLabel = "NAME=VALUE",
            description = "Only hotfixes whose team field holds this value, e.g. --field region=eu; repeatable")
    Map<String, String> fields;

    @Option(names = "--json", description = "JSON like GET /api/v1/hotfixes")
    boolean json;

    ListCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run(HotfixService hotfixes, Config config) {
        HotfixQuery q = new HotfixQuery(
                        status == null ? null : Status.parse("--status", status),
                        severity == null ? null : Severity.parse("--severity", severity),
                        limit == null ? HotfixQuery.DEFAULT_LIMIT : limit,
                        HotfixPage.decodeCursor(cursor))
                .withFields(fields);
        HotfixPage page = hotfixes.list(q);
        if (json) {
            out().println(Json.pretty(HotfixJson.writePage(page)));
            return ExitCodes.OK;
        }
        if (page.items().isEmpty()) {
            boolean filtered = status != null || severity != null || fields != null && !fields.isEmpty();
            out().println("no hotfixes" + (!filtered ? " yet; declare one with `hotfix new`" : " match"));
            return ExitCodes.OK;
        }
        out().println(HotfixText.listHeader());
        for (Hotfix h : page.items()) {
            out().println(HotfixText.listRow(h));
        }
        if (page.nextCursor() != null) {
            out().println("more: hotfix list --cursor " + page.nextCursor());
        }
        return ExitCodes.OK;
    }
}
