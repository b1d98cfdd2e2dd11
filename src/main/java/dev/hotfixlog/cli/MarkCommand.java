package dev.hotfixlog.cli;

import dev.hotfixlog.Config;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.hotfix.LifecycleEvent;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "mark", description = "Record a lifecycle event: alerted, deployed or resolved.")
final class MarkCommand extends AppCommand {
    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Parameters(index = "1", paramLabel = "EVENT", description = "alerted, deployed or resolved")
    String event;

    @Option(
            names = "--at",
            paramLabel = "TIME",
            description = "When: now (default), '10 min ago', '2026-10-04 02:17' (UTC) or ISO-8601")
    String at;

    @Option(
            names = "--without-deploy",
            description = "resolved only: it ended with no fix deployed (went away, or rolled back)")
    boolean withoutDeploy;

    MarkCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run(HotfixService hotfixes, Config config) {
        LifecycleEvent.Type type = LifecycleEvent.Type.parse("EVENT", event);
        Instant when = at == null ? null : AnswerParser.when("--at", at, ctx.clock());
        Hotfix h = hotfixes.record(HotfixId.parse(id), new LifecycleEvent(type, when, withoutDeploy), config.actor());
        Instant stamped = switch (type) {
            case ALERTED -> h.timeline().alertedAt();
            case DEPLOYED -> h.timeline().fixDeployedAt();
            case RESOLVED -> h.timeline().resolvedAt();
        };
        out().println(h.id() + " " + type.json() + " at " + HotfixText.time(stamped) + "; status "
                + h.status().json() + " (version " + h.version() + ")");
        return ExitCodes.OK;
    }

    @Override
    String auditAction() {
        return "mark " + LifecycleEvent.Type.parse("EVENT", event).json();
    }

    @Override
    String auditSubject() {
        return HotfixId.parse(id).toString();
    }
}
