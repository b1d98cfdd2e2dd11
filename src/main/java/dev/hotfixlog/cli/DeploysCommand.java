package dev.hotfixlog.cli;

import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.deploy.Deploy;
import dev.hotfixlog.deploy.DeployJson;
import dev.hotfixlog.deploy.DeployService;
import dev.hotfixlog.deploy.HotfixDeploys;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.web.HotfixView;
import dev.hotfixlog.json.Json;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hotfix deploys}: recent deploys (of a system), or a hotfix's suspected cause and fix deploy. */
@Command(
        name = "deploys",
        description = {
            "Recent deploys, newest first: deploys [--system payments].",
            "A hotfix's suggested cause and fix deploy: deploys --hotfix 7 [--confirm cause|fix --deploy ID]."
        })
final class DeploysCommand extends AppCommand {
    @Option(names = "--system", description = "Only this system's")
    String system;

    @Option(names = "--hotfix", paramLabel = "ID", description = "A hotfix's suspected cause and fix deploy")
    String hotfix;

    @Option(names = "--confirm", paramLabel = "cause|fix", description = "Confirm a deploy in this role")
    String role;

    @Option(names = "--deploy", paramLabel = "ID", description = "The deploy to confirm (default: the suggested one)")
    Long deploy;

    @Option(names = "--json", description = "JSON like the API")
    boolean json;

    DeploysCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run(App app, Config config) {
        PrintWriter out = out();
        if (hotfix != null) {
            HotfixDeploys hd = app.deploys().forHotfix(hotfix);
            if (role != null) {
                HotfixDeploys.Role r = HotfixDeploys.Role.parse("--confirm", role);
                HotfixDeploys.Link suggested = r == HotfixDeploys.Role.CAUSE ? hd.cause() : hd.fix();
                long id = deploy != null
                        ? deploy
                        : suggested == null ? -1 : suggested.deploy().id();
                if (id < 0) {
                    throw ValidationException.of(
                            "--deploy", "no deploy is suggested as the " + r.json() + "; name one with --deploy ID");
                }
                hd = app.deploys().confirm(hotfix, r, id, config.actor());
            }
            if (json) {
                out.println(Json.pretty(DeployJson.write(hd)));
                return ExitCodes.OK;
            }
            out.println(hd.hotfixId());
            out.println("  suspected cause: " + link(hd.cause()));
            out.println("  fix deploy:      " + link(hd.fix()));
            return ExitCodes.OK;
        }
        List<Deploy> list = app.deploys().list(system, DeployService.MAX_LIMIT);
        if (json) {
            out.println(Json.pretty(DeployJson.writeList(list)));
        } else if (list.isEmpty()) {
            out.println("no deploys recorded");
        } else {
            for (Deploy d : list) {
                out.println(String.format(
                        "%-6d  %-20s  %-24s  %-20s  %-11s  %s%s",
                        d.id(),
                        HotfixView.time(d.at()),
                        d.system(),
                        d.version(),
                        d.environment(),
                        d.source(),
                        d.rollback() ? "  rollback" : ""));
            }
        }
        return ExitCodes.OK;
    }

    private static String link(HotfixDeploys.Link l) {
        if (l == null) {
            return "none";
        }
        Deploy d = l.deploy();
        return "deploy " + d.id() + ": " + d.system() + " " + d.version() + " at " + HotfixView.time(d.at())
                + (d.rollback() ? " (rollback)" : "")
                + (l.confirmed() ? ", confirmed by " + l.confirmedBy() : ", suggested");
    }

    @Override
    String auditAction() {
        return role == null ? null : "deploys confirm " + role;
    }

    @Override
    String auditSubject() {
        return hotfix;
    }
}
