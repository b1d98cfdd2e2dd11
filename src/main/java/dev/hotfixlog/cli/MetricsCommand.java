package dev.hotfixlog.cli;

import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.metrics.DurationStats;
import dev.hotfixlog.metrics.Metrics;
import dev.hotfixlog.metrics.MetricsJson;
import dev.hotfixlog.metrics.MetricsQuery;
import dev.hotfixlog.metrics.MetricsText;
import dev.hotfixlog.metrics.SignReading;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "metrics", description = "The seed's success metrics for a period, emergency types and warning signs.")
final class MetricsCommand extends AppCommand {
    @Option(
            names = "--from",
            description = "Start: 2026-01, 2026-01-15 or an ISO time (default: 12 months before --to)")
    String from;

    @Option(names = "--to", description = "End, exclusive (default: now)")
    String to;

    @Option(names = "--zone", description = "Time zone of months and quarters (default UTC)")
    String zone;

    @Option(names = "--json", description = "JSON like GET /api/v1/metrics")
    boolean json;

    MetricsCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run(App app, Config config) {
        Metrics m = app.metrics()
                .compute(MetricsQuery.parse(from, to, zone, ctx.clock().instant()));
        if (json) {
            out().println(Json.pretty(MetricsJson.write(m, app.metrics().signs())));
            return ExitCodes.OK;
        }
        out().printf(
                        "%d hotfixes detected %s .. %s (%s)%s%n",
                        m.hotfixes(),
                        m.from(),
                        m.to(),
                        m.zone(),
                        m.undated() == 0 ? "" : "; " + m.undated() + " without a detection time");
        out().println();
        printResponseTimes(m);
        out().println();
        printLearning(m.learning());
        printTeamHealth(m.health());
        out().println();
        printTypes(m);
        printDelivery(m.delivery());
        printRisks(m.risks());
        out().println();
        printSigns(app);
        return ExitCodes.OK;
    }

    private void printResponseTimes(Metrics m) {
        out().println("RESPONSE TIME      MEDIAN    P90       WITHIN TARGET");
        Metrics.ResponseTimes all = m.response().get("all");
        row("detection → alert", all.detectionToAlert(), "< 5 min");
        row("alert → fix", all.alertToFix(), "< 30 min");
        row("total", all.total(), "< 60 min");
    }

    private void printLearning(Metrics.LearningVelocity l) {
        out().printf(
                        "post-mortems within 48 h   %s (%d of %d; target 100%%)%n",
                        MetricsText.percent(l.postmortemShare()), l.postmortemsOnTime(), l.postmortemsDue());
        out().printf(
                        "prevention rate            %s (%d of %d held 90 days)%n",
                        MetricsText.percent(l.preventionRate()), l.preventionsHeld(), l.preventionsWatched());
        out().printf(
                        "process improvements       %s%n",
                        String.join(
                                ", ",
                                l.processImprovementsPerQuarter().stream()
                                        .map(q -> q.period() + " " + q.count())
                                        .toList()));
    }

    private void printTeamHealth(Metrics.TeamHealth t) {
        out().printf(
                        "hotfixes per month         %s (trend: %s)%n",
                        String.join(
                                ", ",
                                t.perMonth().stream()
                                        .map(p -> p.period() + " " + p.count())
                                        .toList()),
                        t.frequencyTrend());
        out().printf(
                        "repeat incidents           %s (%d; target < 10%%)%n",
                        MetricsText.percent(t.repeatShare()), t.repeats());
        out().printf(
                        "team confidence            %s%n",
                        t.confidenceAverage() == null
                                ? "no ratings"
                                : String.format(
                                        Locale.ROOT,
                                        "%.1f of 5 (%s)",
                                        t.confidenceAverage(),
                                        MetricsText.ratings(t.confidence())));
    }

    private void printTypes(Metrics m) {
        out().println("EMERGENCY TYPE                      NOW  BEFORE");
        for (Metrics.TypeCount c : m.types()) {
            if (c.count() > 0 || c.previous() > 0) {
                out().printf("%-34s %4d  %6d%n", c.type(), c.count(), c.previous());
            }
        }
        m.byField().forEach((field, counts) -> {
            out().println();
            out().printf("%-34s %4s%n", field.toUpperCase(Locale.ROOT), "NOW");
            counts.forEach((choice, n) -> out().printf("%-34s %4d%n", choice, n));
        });
    }

    private void printDelivery(Metrics.Delivery d) {
        out().println();
        out().println("DEPLOYS (production)    DEPLOYS  PER WEEK  CHANGE FAILURE  RESTORE MEDIAN  P90");
        deliveryRow("team", d.team());
        d.bySystem().forEach(this::deliveryRow);
        out().printf(
                        "incoming alerts            %s; fired again after their hotfix %d%n",
                        d.incoming().isEmpty()
                                ? "none"
                                : d.incoming().entrySet().stream()
                                        .map(e -> e.getKey() + " " + e.getValue())
                                        .collect(Collectors.joining(", ")),
                        d.incomingRepeats());
    }

    private void printRisks(Metrics.Risks r) {
        out().println();
        out().printf(
                        "ACCEPTED RISKS open %d (%s); by system: %s%n",
                        r.open(),
                        r.openByAge().entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue())
                                .collect(Collectors.joining(", ")),
                        r.openBySystem().isEmpty()
                                ? "none"
                                : r.openBySystem().entrySet().stream()
                                        .map(e -> e.getKey() + " " + e.getValue())
                                        .collect(Collectors.joining(", ")));
        out().printf(
                        "in the period: retired by their proper fix %d, otherwise %d; expired %d; mean age at "
                                + "retirement %s days%n",
                        r.retiredByFix(), r.retiredOtherwise(), r.expired(), MetricsText.number(r.meanDaysToRetire()));
    }

    private void printSigns(App app) {
        for (SignReading s : app.metrics().signs()) {
            out().printf(
                            "%-8s %-24s %s (act %s)%n",
                            s.breached() ? "BREACHED" : s.value() == null ? "no value" : "ok",
                            s.name(),
                            MetricsText.number(s.value()),
                            s.thresholdText() != null ? "when " + s.thresholdText() : s.thresholdShown());
        }
    }

    private void deliveryRow(String name, Metrics.Flow f) {
        out().printf(
                        "%-22s %8d  %8s  %14s  %14s  %s%n",
                        name,
                        f.deploys(),
                        MetricsText.number(f.deploysPerWeek()),
                        MetricsText.percent(f.changeFailureRate()) + " (" + f.failedDeploys() + ")",
                        MetricsText.duration(f.timeToRestore().medianSeconds()),
                        MetricsText.duration(f.timeToRestore().p90Seconds()));
    }

    private void row(String name, DurationStats s, String target) {
        out().printf(
                        "%-18s %-9s %-9s %s%n",
                        name,
                        MetricsText.duration(s.medianSeconds()),
                        MetricsText.duration(s.p90Seconds()),
                        s.count() == 0
                                ? "—"
                                : MetricsText.percent(s.shareWithinTarget()) + " " + target + " (" + s.count() + ")");
    }
}
