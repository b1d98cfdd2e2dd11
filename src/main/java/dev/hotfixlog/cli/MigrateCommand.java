package dev.hotfixlog.cli;

import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.migrate.MigrationJson;
import dev.hotfixlog.migrate.MigrationLimits;
import dev.hotfixlog.migrate.MigrationReport;
import dev.hotfixlog.migrate.MigrationRequest;
import dev.hotfixlog.migrate.MigrationTool;
import dev.hotfixlog.migrate.MigrationTools;
import dev.hotfixlog.migrate.SeverityTable;
import dev.hotfixlog.migrate.Skipped;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hotfix migrate SOURCE}: another tool's history as hotfixes; {@code --dry-run} says what it would do. */
@Command(
        name = "migrate",
        description = {
            "Bring another tool's history in as hotfixes (run it again: it updates, "
                    + "never duplicates; killed halfway, it goes on where it stopped).",
            "  hotfix migrate pagerduty --token-env PD_TOKEN --dry-run",
            "  hotfix migrate opsgenie --region eu --token-env OPSGENIE_KEY   (opsgenie-incidents: its incidents)",
            "  hotfix migrate grafana-oncall --from https://oncall.example.com --token-env ONCALL_TOKEN",
            "  hotfix migrate morgue --from 'jdbc:mariadb://db:3306/morgue?user=morgue&password=…'",
            "  hotfix migrate pagerduty --from saved-pages/   (JSON pages saved from the API)"
        })
final class MigrateCommand extends AppCommand {
    /** A report lists each record up to this many; past it, the counts and the first ones (--json has all). */
    private static final int LISTED = 25;

    @Parameters(
            index = "0",
            paramLabel = "SOURCE",
            description = "grafana-oncall, opsgenie (alerts), " + "opsgenie-incidents, pagerduty or morgue")
    String source;

    @Option(
            names = "--from",
            paramLabel = "URL|PATH|JDBC",
            description = "The tool's API address, saved JSON pages "
                    + "(a file or folder), or Morgue's database (jdbc:mariadb://…). Default: the tool's public API")
    String from;

    @Option(names = "--region", paramLabel = "us|eu", description = "Opsgenie's or PagerDuty's EU service")
    String region;

    @Option(
            names = "--token-env",
            paramLabel = "NAME",
            description = "The environment variable holding the tool's "
                    + "API key (kept out of your shell history); default HOTFIX_SOURCE_TOKEN")
    String tokenEnv;

    @Option(names = "--token", paramLabel = "KEY", description = "The tool's API key (prefer --token-env)")
    String token;

    @Option(
            names = "--dry-run",
            description = "Read and map everything, write nothing: what would be created, "
                    + "updated and skipped, and the mapping used")
    boolean dryRun;

    @Option(names = "--since", paramLabel = "TIME", description = "Only records created at or after it")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Only records created before it")
    String until;

    @Option(
            names = "--severity",
            paramLabel = "SOURCE.VALUE=SEVERITY",
            description = "A line over the severity " + "table, e.g. pagerduty.P3=high (repeatable)")
    List<String> severity;

    @Option(
            names = "--jira-url",
            paramLabel = "URL",
            description = "Where Morgue's Jira tickets are " + "(https://jira.example.com/browse/)")
    String jiraUrl;

    @Option(names = "--restart", description = "Begin at the first page even if an earlier run stopped halfway")
    boolean restart;

    @Option(
            names = "--read-timeout",
            paramLabel = "SECONDS",
            description = "The longest the source may stay "
                    + "silent (connecting, or within an answer) before the answer is cut and asked again; default 30")
    Long readTimeout;

    @Option(
            names = "--answer-timeout",
            paramLabel = "SECONDS",
            description = "The longest one answer may take, "
                    + "however it trickles, before it is cut and asked again; default 120")
    Long answerTimeout;

    @Option(
            names = "--max-pages",
            paramLabel = "N",
            description = "The most pages one run reads (what it stored "
                    + "stays; the same command goes on from there); default 1000")
    Integer maxPages;

    @Option(names = "--json", description = "The whole report as JSON, as the API answers")
    boolean json;

    MigrateCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run(App app, Config config) {
        MigrationTools tools = app.migrationTools();
        MigrationTool kind = tools.named("SOURCE", source);
        Map<String, String> lines = new LinkedHashMap<>();
        if (severity != null) {
            severity.forEach(s -> lines.putAll(SeverityTable.parseLines("--severity", s)));
        }
        String key = token != null ? token : ctx.env().get(tokenEnv != null ? tokenEnv : "HOTFIX_SOURCE_TOKEN");
        if (tokenEnv != null && key == null) {
            throw ValidationException.of("--token-env", tokenEnv + " is not set");
        }
        MigrationRequest request = new MigrationRequest(
                kind,
                from != null ? from : regional(kind),
                key,
                dryRun,
                since == null ? null : AnswerParser.when("--since", since, ctx.clock()),
                until == null ? null : AnswerParser.when("--until", until, ctx.clock()),
                lines,
                jiraUrl,
                restart,
                new MigrationLimits(
                        seconds(readTimeout, MigrationLimits.READ_TIMEOUT),
                        seconds(answerTimeout, MigrationLimits.ANSWER_TIMEOUT),
                        maxPages == null ? MigrationLimits.MAX_PAGES : maxPages));
        PrintWriter err = ctx.terminal().err();
        MigrationReport r = app.migrations().migrate(request, config.actor(), line -> {
            err.println(line);
            err.flush();
        });
        PrintWriter out = out();
        if (json) {
            out.println(Json.pretty(MigrationJson.write(r)));
            return ExitCodes.OK;
        }
        print(out, r, tools.find(r.source()).map(MigrationTool::label).orElse(r.source()));
        return ExitCodes.OK;
    }

    private static Duration seconds(Long option, Duration otherwise) {
        return option == null ? otherwise : Duration.ofSeconds(option);
    }

    private String regional(MigrationTool kind) {
        if (region == null || region.equalsIgnoreCase("us")) {
            return null;
        }
        if (!region.equalsIgnoreCase("eu")) {
            throw ValidationException.of("--region", "is us or eu, was " + region);
        }
        if (kind.euOrigin() == null) {
            throw ValidationException.of(
                    "--region", kind.label() + " has no regions here; give its address with --from");
        }
        return kind.euOrigin();
    }

    static void print(PrintWriter out, MigrationReport r, String label) {
        out.println((r.dryRun() ? "Dry run, nothing written: " : "") + label + " at " + r.origin()
                + (r.resumedFrom() != null ? " (went on from where the last run stopped)" : ""));
        out.println("  " + (r.dryRun() ? "would create " : "created ")
                + r.created().size() + ", "
                + (r.dryRun() ? "would update " : "updated ") + r.updated().size() + ", unchanged "
                + r.unchanged().size() + ", skipped " + r.skipped().size() + "; " + r.pages() + " page(s)"
                + (r.requests() > 0
                        ? ", " + r.requests() + " requests, " + r.rateLimited() + " rate-limited, "
                                + r.malformedRetried() + " malformed answer(s) asked again"
                        : ""));
        list(out, r.dryRun() ? "would create" : "created", r.created());
        list(out, r.dryRun() ? "would update" : "updated", r.updated());
        if (!r.skipped().isEmpty()) {
            out.println("  skipped:");
            r.skipped().stream()
                    .limit(LISTED)
                    .forEach((Skipped s) -> out.println("    " + s.sourceKey() + ": " + s.reason()));
            more(out, r.skipped().size());
        }
        if (!r.notes().isEmpty()) {
            out.println("  notes:");
            r.notes().stream().limit(LISTED).forEach(n -> out.println("    " + n));
            more(out, r.notes().size());
        }
        if (r.dryRun()) {
            out.println("  mapping (" + label + " → Hotfix Log):");
            r.mapping().forEach(m -> out.println(String.format("    %-20s ← %s", m.field(), m.from())));
            out.println("  severity table (HOTFIX_MIGRATE_SEVERITY and --severity change it):");
            new TreeMap<>(r.severity()).forEach((k, v) -> out.println("    " + k + " = " + v));
        }
    }

    private static void list(PrintWriter out, String what, List<MigrationReport.Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        out.println("  " + what + ":");
        entries.stream()
                .limit(LISTED)
                .forEach(e -> out.println("    " + e.sourceKey() + (e.hotfixId() == null ? "" : " → " + e.hotfixId())
                        + "  " + e.title()));
        more(out, entries.size());
    }

    private static void more(PrintWriter out, int size) {
        if (size > LISTED) {
            out.println("    … and " + (size - LISTED) + " more (--json lists all)");
        }
    }

    @Override
    String auditAction() {
        return dryRun ? null : "migrate " + source;
    }
}
