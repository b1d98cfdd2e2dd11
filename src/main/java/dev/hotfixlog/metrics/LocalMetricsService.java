package dev.hotfixlog.metrics;

import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.security.SecretRedactor;
import dev.hotfixlog.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/** {@link MetricsService} on the database: a handful of aggregates per period, in one read transaction. */
public final class LocalMetricsService implements MetricsService {
    static final String DETECTION_TO_ALERT = "(alerted_at - detected_at) / 1000";
    static final String ALERT_TO_FIX = "(fix_deployed_at - alerted_at) / 1000";
    static final String TOTAL = "COALESCE((resolved_at - detected_at) / 1000, explicit_duration_seconds)";
    private static final List<String> SEVERITIES = List.of("critical", "high", "medium");
    private static final Pattern SIGNAL_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private final Database db;
    private final Clock clock;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LocalMetricsService.class);
    private final MetricsRepository repo = new MetricsRepository();
    private final TallyCache cache = new TallyCache();

    private final SecretRedactor redactor;
    private final LogSigns logSigns;

    public LocalMetricsService(Database db, Clock clock, SecretRedactor redactor, LogSigns logSigns) {
        this.logSigns = Objects.requireNonNull(logSigns, "logSigns");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Metrics compute(MetricsQuery q) {
        long now = now().toEpochMilli();
        String zone = q.zone().getId();
        List<Period> months = Period.months(q);
        // Types are compared with the period of the same length before this one.
        Instant before = q.from().minusMillis(q.to().toEpochMilli() - q.from().toEpochMilli());
        List<Period> previousMonths = Period.months(new MetricsQuery(before, q.from(), q.zone()));
        Map<Period, Tally> fresh = new LinkedHashMap<>();
        long[] version = new long[1];
        Metrics metrics = db.read(h -> {
            if (db.dialect() == dev.hotfixlog.store.Dialect.POSTGRESQL) {
                // Every query here reads a month at most and joins by primary key, which the planner, costing
                // by estimates, does not always see: measured on a month of a million-hotfix log, the
                // post-mortem join hash-joined a scan of every follow-up (190 ms; 24 ms as lookups), and JIT
                // compilation alone added 200 ms to the repeat lookups. This transaction only.
                h.execute("SET LOCAL jit = off");
                h.execute("SET LOCAL enable_hashjoin = off");
                h.execute("SET LOCAL max_parallel_workers_per_gather = 0");
            }
            version[0] = cache.version(h);
            Map<Long, Tally> stored = cache.load(h, zone, before.toEpochMilli(), q.to().toEpochMilli(), now);
            Map<Period, Tally> current = tallies(h, months, stored, fresh, now);
            Map<Period, Tally> previous = tallies(h, previousMonths, stored, fresh, now);
            return metrics(q, h, current, previous);
        });
        if (!fresh.isEmpty()) {
            remember(zone, fresh, version[0], now);
        }
        return metrics;
    }

    /** Each month's tally: stored when it is a whole month still valid, computed otherwise. */
    private Map<Period, Tally> tallies(Handle h, List<Period> months, Map<Long, Tally> stored,
                                       Map<Period, Tally> fresh, long now) {
        Map<Period, Tally> out = new LinkedHashMap<>();
        for (Period p : months) {
            Tally t = p.complete() ? stored.get(p.from()) : null;
            if (t == null) {
                t = repo.tally(h, p.from(), p.to(), now);
                if (p.complete()) {
                    fresh.put(p, t);
                }
            }
            out.put(p, t);
        }
        return out;
    }

    /** Keeps freshly computed whole months; a failure here costs the next reader time, never this one its answer. */
    private void remember(String zone, Map<Period, Tally> fresh, long version, long now) {
        try {
            db.write(h -> cache.store(h, zone, fresh, version, now));
        } catch (RuntimeException e) {
            LOG.warn("Could not keep {} computed metrics month(s); they will be computed again: {}", fresh.size(),
                    e.toString());
        }
    }

    private Metrics metrics(MetricsQuery q, Handle h, Map<Period, Tally> months, Map<Period, Tally> previous) {
        Tally all = months.values().stream().reduce(Tally.EMPTY, Tally::merge);
        List<Metrics.PeriodCount> quarters = new ArrayList<>();
        for (Period quarter : Period.quarters(q)) {
            long done = months.entrySet().stream()
                    .filter(e -> e.getKey().from() >= quarter.from() && e.getKey().to() <= quarter.to())
                    .mapToLong(e -> e.getValue().improvementsDone()).sum();
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
        double ratingSum = confidence.entrySet().stream().mapToDouble(e -> e.getKey() * e.getValue()).sum();
        long watched = all.preventionsWatched();
        long held = watched - all.preventionsBroken();
        Metrics.LearningVelocity learning = new Metrics.LearningVelocity(all.postmortemsDue(),
                all.postmortemsOnTime(), all.postmortemsDue() == 0 ? null
                : (double) all.postmortemsOnTime() / all.postmortemsDue(), quarters, watched, held,
                watched == 0 ? null : (double) held / watched);
        Metrics.TeamHealth health = new Metrics.TeamHealth(perMonth, trend(completeMonths), all.repeats(),
                hotfixes == 0 ? null : (double) all.repeats() / hotfixes, confidence,
                rated == 0 ? null : ratingSum / rated);
        Map<String, Long> previousTypes = previous.values().stream().reduce(Tally.EMPTY, Tally::merge).types();
        return new Metrics(q.from(), q.to(), q.zone().getId(), hotfixes, repo.undated(h), response(all), learning,
                health, types(h, all.types(), previousTypes));
    }

    private static Map<String, Metrics.ResponseTimes> response(Tally t) {
        Map<String, Metrics.ResponseTimes> out = new LinkedHashMap<>();
        out.put("all", new Metrics.ResponseTimes(
                DurationStats.of(Tally.all(t.detectionToAlert()), Targets.DETECTION_TO_ALERT_SECONDS),
                DurationStats.of(Tally.all(t.alertToFix()), Targets.ALERT_TO_FIX_SECONDS),
                DurationStats.of(Tally.all(t.total()), Targets.TOTAL_SECONDS)));
        for (String s : SEVERITIES) {
            out.put(s, new Metrics.ResponseTimes(
                    DurationStats.of(t.detectionToAlert().getOrDefault(s, Histogram.EMPTY),
                            Targets.DETECTION_TO_ALERT_SECONDS),
                    DurationStats.of(t.alertToFix().getOrDefault(s, Histogram.EMPTY), Targets.ALERT_TO_FIX_SECONDS),
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
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (EmergencyTypes.Type t : EmergencyTypes.catalogue(repo.teamTypes(h))) {
            String key = t.name().toLowerCase(Locale.ROOT);
            listed.add(key);
            out.add(new Metrics.TypeCount(t.name(), t.prevention(), t.builtIn(), nowByKey.getOrDefault(key, 0L),
                    beforeByKey.getOrDefault(key, 0L)));
        }
        java.util.Set<String> others = new java.util.TreeSet<>();
        now.keySet().forEach(others::add);
        before.keySet().forEach(others::add);
        for (String name : others) {
            String key = name.toLowerCase(Locale.ROOT);
            if (!listed.add(key)) {
                continue;
            }
            out.add(new Metrics.TypeCount(name.isEmpty() ? "(no type)" : name, null, false,
                    nowByKey.getOrDefault(key, 0L), beforeByKey.getOrDefault(key, 0L)));
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
        List<SignReading> measured = db.read(this::signs);
        return withWrittenSigns(measured, logSigns.written());
    }

    /**
     * The signs the team wrote on its log page join the list: with the value a monitoring system reported under
     * the sign's name, or with none yet. A reported sign keeps its own threshold; the page's words describe it.
     */
    static List<SignReading> withWrittenSigns(List<SignReading> measured, List<LogSigns.Written> written) {
        List<SignReading> out = new ArrayList<>(measured);
        for (LogSigns.Written w : written) {
            String name = LogSigns.nameOf(w.signal());
            int at = -1;
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i).name().equals(name) && !out.get(i).builtIn()) {
                    at = i;
                }
            }
            if (at >= 0) {
                SignReading r = out.get(at);
                out.set(at, new SignReading(r.name(), r.description() == null ? w.signal() : r.description(),
                        r.value(), r.threshold(), r.direction(), false, r.updatedAt(), w.threshold()));
            } else {
                out.add(new SignReading(name, w.signal(), null, LogSigns.thresholdOf(w.threshold()),
                        LogSigns.directionOf(w.threshold()), false, null,
                        w.threshold() == null ? "no threshold written" : w.threshold()));
            }
        }
        return out;
    }

    private List<SignReading> signs(Handle h) {
        Instant now = now();
        long n = now.toEpochMilli();
        List<SignReading> out = new ArrayList<>();
        long week = repo.count(h, n - Duration.ofDays(7).toMillis(), n + 1);
        out.add(new SignReading("hotfixes-per-week", "Hotfixes detected in the last 7 days", (double) week, 3,
                "above", true, now));
        long last90 = repo.count(h, n - Targets.REPEAT_WINDOW_MILLIS, n + 1);
        long repeats90 = repo.repeats(h, n - Targets.REPEAT_WINDOW_MILLIS, n + 1);
        out.add(new SignReading("repeat-share", "Share of the last 90 days' hotfixes that repeat an earlier one",
                last90 == 0 ? 0.0 : (double) repeats90 / last90, Targets.REPEAT_SHARE_TARGET, "above", true, now));
        out.add(new SignReading("overdue-postmortems", "Post-mortems past their due time",
                (double) repo.overdueFollowUps(h, n, "postmortem"), 0, "above", true, now));
        out.add(new SignReading("overdue-followups", "Follow-ups of any kind past their due time",
                (double) repo.overdueFollowUps(h, n, null), 5, "above", true, now));
        h.createQuery("SELECT name, description, value, threshold, direction, updated_at FROM signal_value"
                        + " ORDER BY name")
                .map((rs, ctx) -> new SignReading(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4),
                        rs.getString(5), false, Instant.ofEpochMilli(rs.getLong(6))))
                .forEach(out::add);
        return out;
    }

    @Override
    public SignReading putSignal(String name, String description, double value, double threshold, String direction,
                                 String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || !SIGNAL_NAME.matcher(name).matches()) {
            errors.add(new FieldError("name", "use 1-100 of a-z, 0-9, '.', '_', '-', starting "
                    + "with a letter or digit"));
        } else if (List.of("hotfixes-per-week", "repeat-share", "overdue-postmortems", "overdue-followups")
                .contains(name)) {
            errors.add(new FieldError("name", "'" + name + "' is computed from the log; choose "
                    + "another name"));
        }
        if (!Double.isFinite(value)) {
            errors.add(new FieldError("value", "must be a finite number"));
        }
        if (!Double.isFinite(threshold)) {
            errors.add(new FieldError("threshold", "must be a finite number"));
        }
        if (!"above".equals(direction) && !"below".equals(direction)) {
            errors.add(new FieldError("direction", "must be above or below (which side of the "
                    + "threshold is a breach)"));
        }
        if (description != null && description.length() > 500) {
            errors.add(new FieldError("description", "is longer than 500 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Instant at = now();
        String text = description == null ? null : redactor.redact(description).text();
        db.write(h -> {
            h.createUpdate("DELETE FROM signal_value WHERE name = :name").bind("name", name).execute();
            return h.createUpdate("INSERT INTO signal_value (name, description, value, threshold, direction,"
                            + " updated_at, updated_by) VALUES (:name, :description, :value, :threshold, :direction,"
                            + " :at, :by)")
                    .bind("name", name).bind("description", text).bind("value", value)
                    .bind("threshold", threshold).bind("direction", direction).bind("at", at.toEpochMilli())
                    .bind("by", actor).execute();
        });
        return new SignReading(name, text, value, threshold, direction, false, at);
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
            g.put("breached", (double) signs(h).stream().filter(SignReading::breached).count());
            return g;
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A calendar month or quarter in the query's zone, clipped to the query's period. */
    record Period(String name, long from, long to, boolean complete) {
        static List<Period> months(MetricsQuery q) {
            List<Period> out = new ArrayList<>();
            ZoneId z = q.zone();
            YearMonth m = YearMonth.from(q.from().atZone(z));
            while (true) {
                Instant start = m.atDay(1).atStartOfDay(z).toInstant();
                if (!start.isBefore(q.to())) {
                    break;
                }
                Instant end = m.plusMonths(1).atDay(1).atStartOfDay(z).toInstant();
                out.add(clip(m.toString(), start, end, q));
                m = m.plusMonths(1);
            }
            return out;
        }

        static List<Period> quarters(MetricsQuery q) {
            List<Period> out = new ArrayList<>();
            ZoneId z = q.zone();
            YearMonth first = YearMonth.from(q.from().atZone(z));
            YearMonth m = first.withMonth((first.getMonthValue() - 1) / 3 * 3 + 1);
            while (true) {
                Instant start = m.atDay(1).atStartOfDay(z).toInstant();
                if (!start.isBefore(q.to())) {
                    break;
                }
                Instant end = m.plusMonths(3).atDay(1).atStartOfDay(z).toInstant();
                out.add(clip(m.getYear() + "-Q" + ((m.getMonthValue() - 1) / 3 + 1), start, end, q));
                m = m.plusMonths(3);
            }
            return out;
        }

        private static Period clip(String name, Instant start, Instant end, MetricsQuery q) {
            Instant from = start.isBefore(q.from()) ? q.from() : start;
            Instant to = end.isAfter(q.to()) ? q.to() : end;
            return new Period(name, from.toEpochMilli(), to.toEpochMilli(), !start.isBefore(q.from())
                    && !end.isAfter(q.to()));
        }
    }
}
