package dev.hotfixlog.cli;

import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixJson;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "show", description = "Show one hotfix in the template's order.")
final class ShowCommand extends AppCommand {
    @Parameters(paramLabel = "ID", description = "e.g. HOTFIX-003 or 3")
    String id;

    @Option(names = "--json", description = "JSON like GET /api/v1/hotfixes/{id}")
    boolean json;

    @Option(names = "--markdown", description = "the record in the template's Markdown, every field kept")
    boolean markdown;

    ShowCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run(App app, Config config) {
        if (markdown) {
            out().print(app.markdown().exportOne(HotfixId.parse(id)));
            return ExitCodes.OK;
        }
        return run(app.hotfixes(), config);
    }

    @Override
    int run(HotfixService hotfixes, Config config) {
        Hotfix h = hotfixes.get(HotfixId.parse(id));
        out().print(json ? Json.pretty(HotfixJson.write(h)) + "\n" : HotfixText.record(h));
        return ExitCodes.OK;
    }
}
