package dev.hotfixlog.metrics;

import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
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
    private final MetricsRepository repo = new MetricsRepository();

    public LocalMetricsService(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Metrics compute(MetricsQuery q) {
        long from = q.from().toEpochMilli();
        long to = q.to().toEpochMilli();
        long now = now().toEpochMilli();
        return db.read(h -> {
            if (db.dialect() == dev.hotfixlog.store.Dialect.POSTGRESQL) {
                // The repeat pairing sorts every system row of the period; PostgreSQL's default 4 MB of sort
                // memory sends a long period to disk. This transaction only, and only this much.
                h.execute("SET LOCAL work_mem = '64MB'");
            }
            long hotfixes = repo.count(h, from, to);
            Map<String, Metrics.ResponseTimes> response = response(h, from, to);
            long[] pm = repo.postmortems(h, from, to, now);
            List<Metrics.PeriodCount> quarters = new ArrayList<>();
            for (Period p : Period.quarters(q)) {
                quarters.add(new Metrics.PeriodCount(p.name(), repo.processImprovementsDone(h, p.from(), p.to())));
            }
            long[] prevention = repo.preventions(h, from, to, now);
            List<Metrics.PeriodCount> months = new ArrayList<>();
            List<Long> completeMonths = new ArrayList<>();
            for (Period p : Period.months(q)) {
                long n = repo.count(h, p.from(), p.to());
                months.add(new Metrics.PeriodCount(p.name(), n));
                if (p.complete()) {
                    completeMonths.add(n);
                }
            }
            long repeats = repo.repeats(h, from, to);
            Map<Integer, Long> confidence = repo.confidence(h, from, to);
            long rated = confidence.values().stream().mapToLong(Long::longValue).sum();
            double ratingSum = confidence.entrySet().stream().mapToDouble(e -> e.getKey() * e.getValue()).sum();
            Metrics.LearningVelocity learning = new Metrics.LearningVelocity(pm[0], pm[1],
                    pm[0] == 0 ? null : (double) pm[1] / pm[0], quarters, prevention[0],
                    prevention[0] - prevention[1],
                    prevention[0] == 0 ? null : (double) (prevention[0] - prevention[1]) / prevention[0]);
            Metrics.TeamHealth health = new Metrics.TeamHealth(months, trend(completeMonths), repeats,
                    hotfixes == 0 ? null : (double) repeats / hotfixes, confidence,
                    rated == 0 ? null : ratingSum / rated);
            return new Metrics(q.from(), q.to(), q.zone().getId(), hotfixes, repo.undated(h), response, learning,
                    health, types(h, from, to));
        });
    }

    private Map<String, Metrics.ResponseTimes> response(Handle h, long from, long to) {
        Map<String, Map<Long, Long>> dta = repo.histogram(h, DETECTION_TO_ALERT, from, to);
        Map<String, Map<Long, Long>> atf = repo.histogram(h, ALERT_TO_FIX, from, to);
        Map<String, Map<Long, Long>> total = repo.histogram(h, TOTAL, from, to);
        Map<String, Metrics.ResponseTimes> out = new LinkedHashMap<>();
        out.put("all", new Metrics.ResponseTimes(
                DurationStats.of(merged(dta), Targets.DETECTION_TO_ALERT_SECONDS),
                DurationStats.of(merged(atf), Targets.ALERT_TO_FIX_SECONDS),
                DurationStats.of(merged(total), Targets.TOTAL_SECONDS)));
        for (String s : SEVERITIES) {
            out.put(s, new Metrics.ResponseTimes(
                    DurationStats.of(dta.getOrDefault(s, Map.of()), Targets.DETECTION_TO_ALERT_SECONDS),
                    DurationStats.of(atf.getOrDefault(s, Map.of()), Targets.ALERT_TO_FIX_SECONDS),
                    DurationStats.of(total.getOrDefault(s, Map.of()), Targets.TOTAL_SECONDS)));
        }
        return out;
    }

    private static Map<Long, Long> merged(Map<String, Map<Long, Long>> bySeverity) {
        Map<Long, Long> all = new HashMap<>();
        bySeverity.values().forEach(m -> m.forEach((k, v) -> all.merge(k, v, Long::sum)));
        return all;
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
    private List<Metrics.TypeCount> types(Handle h, long from, long to) {
        Map<String, Long> now = repo.types(h, from, to);
        Map<String, Long> before = repo.types(h, from - (to - from), from);
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
        return db.read(this::signs);
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
        db.write(h -> {
            h.createUpdate("DELETE FROM signal_value WHERE name = :name").bind("name", name).execute();
            return h.createUpdate("INSERT INTO signal_value (name, description, value, threshold, direction,"
                            + " updated_at, updated_by) VALUES (:name, :description, :value, :threshold, :direction,"
                            + " :at, :by)")
                    .bind("name", name).bind("description", description).bind("value", value)
                    .bind("threshold", threshold).bind("direction", direction).bind("at", at.toEpochMilli())
                    .bind("by", actor).execute();
        });
        return new SignReading(name, description, value, threshold, direction, false, at);
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
