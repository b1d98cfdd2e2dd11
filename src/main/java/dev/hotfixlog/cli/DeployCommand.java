package dev.hotfixlog.cli;

import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.deploy.Deploy;
import dev.hotfixlog.deploy.DeployMarker;
import dev.hotfixlog.deploy.DeployService;
import dev.hotfixlog.hotfix.web.HotfixView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hotfix deploy}: a deploy marker from any CI pipeline or a shell, straight or through a server. */
@Command(
        name = "deploy",
        description = {
            "Record a deploy: deploy --system payments --version 1.4.2 [--at TIME].",
            "Through a server (HOTFIX_SERVER + a responder's HOTFIX_TOKEN) from a CI job; a repeated --id is one deploy."
        })
final class DeployCommand extends AppCommand {
    @Option(names = "--system", required = true, description = "What was deployed")
    String system;

    @Option(names = "--version", required = true, description = "Which version (tag, build, commit)")
    String version;

    @Option(names = "--at", paramLabel = "TIME", description = "When, if not now: 2026-12-03 02:10, 10 min ago")
    String at;

    @Option(names = "--env", description = "Environment (default production)")
    String environment;

    @Option(names = "--url", description = "The pipeline run or release page")
    String url;

    @Option(names = "--id", description = "The pipeline's own id of this deploy: sending it again records nothing")
    String id;

    DeployCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run(App app, Config config) {
        DeployMarker m = new DeployMarker(
                system, version, at == null ? null : AnswerParser.when("--at", at, ctx.clock()), environment, url, id);
        DeployService.Recorded r = app.deploys().record(m, "cli", config.actor());
        Deploy d = r.deploy();
        out().println(d.id()); // the id comes first, alone on its line, so a pipeline can read it
        out().println((r.repeat() ? "  already recorded: " : "  recorded: ") + "deploy " + d.id() + " of " + d.system()
                + " " + d.version() + " at " + HotfixView.time(d.at())
                + (d.rollback() ? " (a rollback to the version of deploy " + d.rollbackOf() + ")" : ""));
        return ExitCodes.OK;
    }

    @Override
    String auditAction() {
        return "deploy";
    }

    @Override
    String auditSubject() {
        return system + " " + version;
    }
}
