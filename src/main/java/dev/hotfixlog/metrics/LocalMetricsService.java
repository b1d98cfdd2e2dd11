package dev.hotfixlog.metrics;

import dev.hotfixlog.error.BusyException;
import dev.hotfixlog.security.SecretRedactor;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.store.Dialect;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link MetricsService} on the database: a handful of aggregates per period, in one read transaction. */
public final class LocalMetricsService implements MetricsService {
    /** The longest a metrics request computes; a cold 20 years of a team's log takes about a second. */
    static final Duration MAX_COMPUTE = Duration.ofSeconds(20);

    static final String DETECTION_TO_ALERT = "(alerted_at - detected_at) / 1000";
    static final String ALERT_TO_FIX = "(fix_deployed_at - alerted_at) / 1000";
    static final String TOTAL = "COALESCE((resolved_at - detected_at) / 1000, explicit_duration_seconds)";
    private static final List<String> SEVERITIES = List.of("critical", "high", "medium");
    private final Database db;
    private final Clock clock;
    private static final Logger LOG = LoggerFactory.getLogger(LocalMetricsService.class);
    private final MetricsRepository repo = new MetricsRepository();
    private final DeliveryFigures delivery = new DeliveryFigures();
    private final RiskFigures riskFigures = new RiskFigures();
    private final KeptMonthsRepository cache = new KeptMonthsRepository();
    private final MonthsInMemory inMemory = new MonthsInMemory();
    private final MonthFigures monthFigures = new MonthFigures();
    /**
     * The zones whose whole months are kept in {@code metrics_month}: UTC (the default of the API, the dashboard and
     * the CLI) and the server's own ({@code TZ}). Any other is computed and remembered in memory only, so a viewer
     * naming zones cannot grow the database.
     */
    private final Set<String> keptZones;

    private final WarningSigns warningSigns;
    private final List<String> choiceFields;

    public LocalMetricsService(Database db, Clock clock, SecretRedactor redactor, LogSigns logSigns) {
        this(db, clock, redactor, logSigns, List.of());
    }

    /** {@code choiceFields}: the team's one-of and many-of fields, whose hotfixes are counted by choice. */
    public LocalMetricsService(
            Database db, Clock clock, SecretRedactor redactor, LogSigns logSigns, List<String> choiceFields) {
        this.choiceFields = List.copyOf(choiceFields);
        this.keptZones = Set.copyOf(List.of("UTC", ZoneId.systemDefault().getId()));
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.warningSigns = new WarningSigns(
                db,
                clock,
                Objects.requireNonNull(redactor, "redactor"),
                Objects.requireNonNull(logSigns, "logSigns"),
                repo);
    }

    /** Unbounded in time: the CLI's own computation, which its user can stop, and the benchmarks' cold runs. */
    @Override
    public Metrics compute(MetricsQuery q) {
        return computeWhile(q, () -> true, false);
    }

    /**
     * As {@link #compute(MetricsQuery)} for a request, given up (503, busy) as soon as {@code stillWanted} says no
     * (its client has gone) or after {@link #MAX_COMPUTE}. The whole months computed until then are kept all the
     * same, so asking again goes on where this one stopped instead of starting over.
     */
    @Override
    public Metrics compute(MetricsQuery q, BooleanSupplier stillWanted) {
        return computeWhile(q, bounded(stillWanted), false);
    }

    @Override
    public Metrics computeMonthly(MetricsQuery q, BooleanSupplier stillWanted) {
        return computeWhile(q, bounded(stillWanted), true);
    }

    /** Still wanted by its client, and within {@link #MAX_COMPUTE} from now. */
    private static BooleanSupplier bounded(BooleanSupplier stillWanted) {
        long deadline = System.nanoTime() + MAX_COMPUTE.toNanos();
        return () -> stillWanted.getAsBoolean() && System.nanoTime() - deadline < 0;
    }

    private Metrics computeWhile(MetricsQuery q, BooleanSupplier goOn, boolean monthly) {
        long now = now().toEpochMilli();
        String zone = q.zone().getId();
        boolean inDatabase = keptZones.contains(zone);
        List<Period> months = Period.months(q);
        // Types are compared with the period of the same length before this one.
        Instant before = q.from().minusMillis(q.to().toEpochMilli() - q.from().toEpochMilli());
        List<Period> previousMonths = Period.months(before, q.from(), q.zone());
        Map<Period, Tally> fresh = new LinkedHashMap<>();
        long[] version = new long[1];
        try {
            Metrics metrics = db.read(h -> {
                if (db.dialect() == Dialect.POSTGRESQL) {
                    // Every query here reads a month at most and joins by primary key, which the planner, costing
                    // by estimates, does not always see: measured on a month of a million-hotfix log, the
                    // post-mortem join hash-joined a scan of every follow-up (190 ms; 24 ms as lookups), and JIT
                    // compilation alone added 200 ms to the repeat lookups. This transaction only.
                    repo.lookupsOnly(h);
                }
                version[0] = cache.version(h);
                Map<Long, Tally> stored = inDatabase
                        ? cache.load(h, zone, before.toEpochMilli(), q.to().toEpochMilli(), now)
                        : inMemory.load(zone, version[0], now);
                Map<Period, Tally> current = tallies(h, months, stored, fresh, now, goOn);
                Map<Period, Tally> previous = tallies(h, previousMonths, stored, fresh, now, goOn);
                return metrics(q, h, current, previous, before, monthly);
            });
            remember(zone, inDatabase, fresh, version[0], now);
            return metrics;
        } catch (BusyException e) {
            remember(zone, inDatabase, fresh, version[0], now);
            throw e;
        }
    }

    /** Each month's tally: stored when it is a whole month still valid, computed otherwise. */
    private Map<Period, Tally> tallies(
            Handle h,
            List<Period> months,
            Map<Long, Tally> stored,
            Map<Period, Tally> fresh,
            long now,
            BooleanSupplier goOn) {
        Map<Period, Tally> out = new LinkedHashMap<>();
        for (Period p : months) {
            Tally t = p.complete() ? stored.get(p.from()) : null;
            if (t == null) {
                if (!goOn.getAsBoolean()) {
                    throw new BusyException("the metrics took longer than " + MAX_COMPUTE.toSeconds() + " s, or "
                            + "their client has gone; the " + fresh.size() + " months computed so far are kept, so "
                            + "asking again goes on from there");
                }
                t = repo.tally(h, p.from(), p.to(), now);
                if (p.complete()) {
                    fresh.put(p, t);
                }
            }
            out.put(p, t);
        }
        return out;
    }

    /**
     * Keeps freshly computed whole months: in {@code metrics_month} for the kept zones, in memory for any other;
     * a failure here costs the next reader time, never this one its answer.
     */
    private void remember(String zone, boolean inDatabase, Map<Period, Tally> fresh, long version, long now) {
        if (fresh.isEmpty()) {
            return;
        }
        if (!inDatabase) {
            inMemory.store(zone, version, fresh);
            return;
        }
        try {
            db.write(h -> cache.store(h, zone, fresh, version, now));
        } catch (RuntimeException e) {
            LOG.warn(
                    "Could not keep {} computed metrics month(s); they will be computed again: {}",
                    fresh.size(),
                    e.toString());
        }
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    private Metrics metrics(
            MetricsQuery q,
            Handle h,
            Map<Period, Tally> months,
            Map<Period, Tally> previous,
            Instant before,
            boolean monthly) {
        Tally all = months.values().stream().reduce(Tally.EMPTY, Tally::merge);
        List<Metrics.PeriodCount> quarters = new ArrayList<>();
        for (Period quarter : Period.quarters(q)) {
            long done = months.entrySet().stream()
                    .filter(e ->
                            e.getKey().from() >= quarter.from() && e.getKey().to() <= quarter.to())
                    .mapToLong(e -> e.getValue().improvementsDone())
                    .sum();
            quarters.add(new Metrics.PeriodCount(quarter.name(), done));
        }
        List<Metrics.PeriodCount> perMonth = new ArrayList<>();
        List<Long> completeMonths = new ArrayList<>();
        months.forEach((p, t) -> {
            perMonth.add(new Metrics.PeriodCount(p.name(), t.hotfixes()));
            if (p.complete()) {
                completeMonths.add(t.hotfixes());
            }
        });
        long hotfixes = all.hotfixes();
        Map<Integer, Long> confidence = all.sortedConfidence();
        long rated = confidence.values().stream().mapToLong(Long::longValue).sum();
        double ratingSum = confidence.entrySet().stream()
                .mapToDouble(e -> e.getKey() * e.getValue())
                .sum();
        long watched = all.preventionsWatched();
        long held = watched - all.preventionsBroken();
        Metrics.LearningVelocity learning = new Metrics.LearningVelocity(
                all.postmortemsDue(),
                all.postmortemsOnTime(),
                all.postmortemsDue() == 0 ? null : (double) all.postmortemsOnTime() / all.postmortemsDue(),
                quarters,
                watched,
                held,
                watched == 0 ? null : (double) held / watched);
        Metrics.TeamHealth health = new Metrics.TeamHealth(
                perMonth,
                trend(completeMonths),
                all.repeats(),
                hotfixes == 0 ? null : (double) all.repeats() / hotfixes,
                confidence,
                rated == 0 ? null : ratingSum / rated);
        Map<String, Long> previousTypes =
                previous.values().stream().reduce(Tally.EMPTY, Tally::merge).types();
        return new Metrics(
                q.from(),
                q.to(),
                q.zone().getId(),
                hotfixes,
                repo.undated(h),
                response(all),
                learning,
                health,
                types(h, all.types(), previousTypes),
                repo.byChoice(h, choiceFields, q.from().toEpochMilli(), q.to().toEpochMilli()),
                delivery.compute(h, q.from().toEpochMilli(), q.to().toEpochMilli(), clock.millis()),
                riskFigures.compute(h, q.from().toEpochMilli(), q.to().toEpochMilli(), clock.millis()),
                monthly ? monthFigures.months(h, months) : List.of(),
                MonthFigures.before(before, previous));
    }

    /** The three response times over every severity. */
    static Metrics.ResponseTimes responseTimes(Tally t) {
        return new Metrics.ResponseTimes(
                DurationStats.of(Tally.all(t.detectionToAlert()), Targets.DETECTION_TO_ALERT_SECONDS),
                DurationStats.of(Tally.all(t.alertToFix()), Targets.ALERT_TO_FIX_SECONDS),
                DurationStats.of(Tally.all(t.total()), Targets.TOTAL_SECONDS));
    }

    private static Map<String, Metrics.ResponseTimes> response(Tally t) {
        Map<String, Metrics.ResponseTimes> out = new LinkedHashMap<>();
        out.put("all", responseTimes(t));
        for (String s : SEVERITIES) {
            out.put(
                    s,
                    new Metrics.ResponseTimes(
                            DurationStats.of(
                                    t.detectionToAlert().getOrDefault(s, Histogram.EMPTY),
                                    Targets.DETECTION_TO_ALERT_SECONDS),
                            DurationStats.of(
                                    t.alertToFix().getOrDefault(s, Histogram.EMPTY), Targets.ALERT_TO_FIX_SECONDS),
                            DurationStats.of(t.total().getOrDefault(s, Histogram.EMPTY), Targets.TOTAL_SECONDS)));
        }
        return out;
    }

    /** The last complete month against the one before it. */
    private static String trend(List<Long> completeMonths) {
        if (completeMonths.size() < 2) {
            return "not enough months";
        }
        long last = completeMonths.get(completeMonths.size() - 1);
        long before = completeMonths.get(completeMonths.size() - 2);
        return last < before ? "down" : last > before ? "up" : "flat";
    }

    /** The catalogue with this period's and the previous period's counts, then types only the log uses. */
    private List<Metrics.TypeCount> types(Handle h, Map<String, Long> now, Map<String, Long> before) {
        Map<String, Long> nowByKey = byKey(now);
        Map<String, Long> beforeByKey = byKey(before);
        List<Metrics.TypeCount> out = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (EmergencyTypes.Type t : EmergencyTypes.catalogue(repo.teamTypes(h))) {
            String key = t.name().toLowerCase(Locale.ROOT);
            listed.add(key);
            out.add(new Metrics.TypeCount(
                    t.name(),
                    t.prevention(),
                    t.builtIn(),
                    nowByKey.getOrDefault(key, 0L),
                    beforeByKey.getOrDefault(key, 0L)));
        }
        Set<String> others = new TreeSet<>();
        now.keySet().forEach(others::add);
        before.keySet().forEach(others::add);
        for (String name : others) {
            String key = name.toLowerCase(Locale.ROOT);
            if (!listed.add(key)) {
                continue;
            }
            out.add(new Metrics.TypeCount(
                    name.isEmpty() ? "(no type)" : name,
                    null,
                    false,
                    nowByKey.getOrDefault(key, 0L),
                    beforeByKey.getOrDefault(key, 0L)));
        }
        return out;
    }

    private static Map<String, Long> byKey(Map<String, Long> counts) {
        Map<String, Long> out = new HashMap<>();
        counts.forEach((k, v) -> out.merge(k.toLowerCase(Locale.ROOT), v, Long::sum));
        return out;
    }

    @Override
    public List<SignReading> signs() {
        return warningSigns.readings();
    }

    @Override
    public SignReading putSignal(
            String name, String description, double value, double threshold, String direction, String actor) {
        return warningSigns.put(name, description, value, threshold, direction, actor);
    }

    /** Gauges for {@code /metrics}: open hotfixes by severity, overdue follow-ups, breached signs. */
    Map<String, Double> gauges() {
        return db.read(h -> {
            Map<String, Double> g = new LinkedHashMap<>();
            Map<String, Long> open = repo.openBySeverity(h);
            for (String s : SEVERITIES) {
                g.put("open." + s, (double) open.getOrDefault(s, 0L));
            }
            g.put("overdue", (double) repo.overdueFollowUps(h, now().toEpochMilli(), null));
            g.put("breached", (double) warningSigns.measured(h).stream()
                    .filter(SignReading::breached)
                    .count());
            // The delivery figures over the last 30 days, by system ("" is the team), tagged for Prometheus.
            long to = now().toEpochMilli() + 1;
            Metrics.Delivery d = delivery.compute(h, to - DELIVERY_WINDOW_MILLIS, to, to);
            flowGauges(g, "", d.team());
            d.bySystem().forEach((system, f) -> flowGauges(g, system, f));
            d.incoming().forEach((outcome, n) -> g.put("hotfix.incoming.alerts|outcome=" + outcome, (double) n));
            g.put("hotfix.incoming.repeats", (double) d.incomingRepeats());
            return g;
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Prometheus reads DORA's figures over this window: a rate needs a stretch of time, and a month is one. */
    static final long DELIVERY_WINDOW_MILLIS = 30L * 86_400_000L;

    private static void flowGauges(Map<String, Double> g, String system, Metrics.Flow f) {
        String tag = "|system=" + (system.isEmpty() ? "*" : system);
        g.put("hotfix.deploys" + tag, (double) f.deploys());
        g.put("hotfix.deploys.failed" + tag, (double) f.failedDeploys());
        if (f.changeFailureRate() != null) {
            g.put("hotfix.change.failure.rate" + tag, f.changeFailureRate());
        }
        if (f.timeToRestore().medianSeconds() != null) {
            g.put("hotfix.time.to.restore.median.seconds" + tag, (double)
                    f.timeToRestore().medianSeconds());
            g.put("hotfix.time.to.restore.p90.seconds" + tag, (double)
                    f.timeToRestore().p90Seconds());
        }
    }
}
