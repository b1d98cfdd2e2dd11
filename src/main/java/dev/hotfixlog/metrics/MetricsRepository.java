package dev.hotfixlog.metrics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * The SQL of the metrics: aggregates only, so a stretch of time comes back as a few rows. Every query is a range
 * on {@code detected_at} (which the {@code hotfix_metrics} index covers) or on a follow-up's {@code done_at}; the
 * stretches are a month at most, or the last days for the warning signs.
 */
final class MetricsRepository {
    /** The key of records whose severity is not stated, beside "critical", "high" and "medium". */
    static final String NOT_STATED = "notStated";

    private static final String IN_PERIOD = " detected_at >= :from AND detected_at < :to";

    /** PostgreSQL: lookups by key, without JIT or parallel workers, for this transaction only. */
    void lookupsOnly(Handle h) {
        h.execute("SET LOCAL jit = off");
        h.execute("SET LOCAL enable_hashjoin = off");
        h.execute("SET LOCAL max_parallel_workers_per_gather = 0");
    }

    long count(Handle h, long from, long to) {
        return h.createQuery("SELECT COUNT(*) FROM record_facts WHERE" + IN_PERIOD)
                .bind("from", from)
                .bind("to", to)
                .mapTo(Long.class)
                .one();
    }

    /** Team field → choice → hotfixes of the period holding it (many-of fields count each choice). */
    Map<String, Map<String, Long>> byChoice(Handle h, List<String> fields, long from, long to) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        if (fields.isEmpty()) {
            return out;
        }
        fields.forEach(f -> out.put(f, new TreeMap<>()));
        h.createQuery("""
                        SELECT f.name, f.text_value, COUNT(DISTINCT h.id)
                        FROM record_fields f JOIN record_facts h ON h.id = f.hotfix_id
                        WHERE f.name IN (<names>) AND h.detected_at >= :from AND h.detected_at < :to
                        GROUP BY f.name, f.text_value""")
                .bindList("names", fields)
                .bind("from", from)
                .bind("to", to)
                .map((rs, ctx) -> out.get(rs.getString(1)).put(rs.getString(2), rs.getLong(3)))
                .list();
        return out;
    }

    long undated(Handle h) {
        return h.createQuery("""
                        SELECT COUNT(*) FROM record_facts WHERE detected_at IS NULL""").mapTo(Long.class).one();
    }

    /**
     * Severity → histogram of one measure, over hotfixes detected in the period that have both moments.
     * {@code seconds} is an SQL expression on the hotfix row, null when a moment is missing.
     */
    Map<String, Histogram> histogram(Handle h, String seconds, long from, long to) {
        Map<String, Map<Long, Long>> out = new HashMap<>();
        h.createQuery("SELECT severity, " + seconds + " AS s, COUNT(*) FROM record_facts WHERE" + IN_PERIOD + " AND "
                        + seconds + " IS NOT NULL GROUP BY severity, " + seconds)
                .bind("from", from)
                .bind("to", to)
                .map((rs, ctx) -> {
                    out.computeIfAbsent(severityKey(rs.getString(1)), k -> new HashMap<>())
                            .merge(rs.getLong(2), rs.getLong(3), Long::sum);
                    return null;
                })
                .forEach(x -> {});
        Map<String, Histogram> histograms = new HashMap<>();
        out.forEach((severity, counts) -> histograms.put(severity, Histogram.of(counts)));
        return histograms;
    }

    /**
     * The tally of [from, to) as of {@code now}: every additive figure of the period metrics, and the moment time
     * alone would change it.
     */
    Tally tally(Handle h, long from, long to, long now) {
        long[] pm = postmortems(h, from, to, now);
        long[] prevention = preventions(h, from, to, now);
        Long validUntil =
                pm[2] == Long.MAX_VALUE && prevention[2] == Long.MAX_VALUE ? null : Math.min(pm[2], prevention[2]);
        return new Tally(
                count(h, from, to),
                histogram(h, LocalMetricsService.DETECTION_TO_ALERT, from, to),
                histogram(h, LocalMetricsService.ALERT_TO_FIX, from, to),
                histogram(h, LocalMetricsService.TOTAL, from, to),
                pm[0],
                pm[1],
                processImprovementsDone(h, from, to),
                prevention[0],
                prevention[1],
                repeats(h, from, to),
                confidence(h, from, to),
                types(h, from, to),
                validUntil);
    }

    /**
     * Resolved hotfixes of the period: [due (48 h over or done), done on time, the first moment one not yet due
     * falls due (Long.MAX_VALUE for none)].
     */
    long[] postmortems(Handle h, long from, long to, long now) {
        return h.createQuery("""
                        SELECT
                        SUM(CASE WHEN f.done = true OR h.resolved_at + :within <= :now THEN 1 ELSE 0 END),
                        SUM(CASE WHEN f.done = true AND (f.done_at IS NULL OR f.done_at <= h.resolved_at + :within)
                        THEN 1 ELSE 0 END),
                        MIN(CASE WHEN f.done = false AND h.resolved_at + :within > :now
                        THEN h.resolved_at + :within END)
                        FROM record_facts h JOIN record_follow_ups f ON f.hotfix_id = h.id AND f.kind = 'postmortem'
                        WHERE h.resolved_at IS NOT NULL AND h.detected_at >= :from AND h.detected_at < :to""")
                .bind("within", Targets.POSTMORTEM_WITHIN_MILLIS)
                .bind("now", now)
                .bind("from", from)
                .bind("to", to)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), orMax(rs, 3)})
                .one();
    }

    private static long orMax(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Long.MAX_VALUE : v;
    }

    long processImprovementsDone(Handle h, long from, long to) {
        return h.createQuery("""
                        SELECT COUNT(*) FROM record_follow_ups WHERE kind = 'processImprovement' AND done = true
                        AND done_at >= :from AND done_at < :to""")
                .bind("from", from)
                .bind("to", to)
                .mapTo(Long.class)
                .one();
    }

    /**
     * Process improvements ticked in the period on typed hotfixes: [watched (watch over, or broken), broken (a
     * hotfix of the same type followed within the window), the first moment a running watch ends
     * (Long.MAX_VALUE for none)].
     */
    long[] preventions(Handle h, long from, long to, long now) {
        return h.createQuery("""
                        SELECT SUM(CASE WHEN x.recurred = 1 OR x.done_at + :window <= :now THEN 1 ELSE 0 END),
                        SUM(x.recurred),
                        MIN(CASE WHEN x.recurred = 0 AND x.done_at + :window > :now THEN x.done_at + :window END)
                        FROM (SELECT f.done_at, CASE WHEN EXISTS (SELECT 1
                        FROM record_facts r WHERE r.category = h.category AND r.detected_at > f.done_at
                        AND r.detected_at <= f.done_at + :window) THEN 1 ELSE 0 END AS recurred
                        FROM record_follow_ups f JOIN record_facts h ON h.id = f.hotfix_id
                        WHERE f.kind = 'processImprovement' AND f.done = true
                        AND f.done_at >= :from AND f.done_at < :to AND h.category IS NOT NULL) x""")
                .bind("window", Targets.REPEAT_WINDOW_MILLIS)
                .bind("now", now)
                .bind("from", from)
                .bind("to", to)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), orMax(rs, 3)})
                .one();
    }

    /**
     * Hotfixes of the period that repeat an earlier one: one of its system rows has an earlier row of the same
     * (type, system) at most the window before (same moment: the lower number is earlier). The outer rows are a
     * range of the detection-time index, each lookup one seek into {@code hotfix_system_repeats}; periods are a
     * month at most (whole months are kept, see {@link KeptMonthsRepository}), so this beats sorting the window's rows.
     * A scalar subquery with LIMIT 1, not EXISTS: PostgreSQL turns EXISTS into a hash semi-join over every
     * system row (400 ms for a month of a million-hotfix log, against 100 ms of seeks).
     */
    long repeats(Handle h, long from, long to) {
        // A hotfix repeating through two of its systems counts once: the numbers go into a bit set.
        BitSet small = new BitSet();
        Set<Long> large = new HashSet<>();
        h.createQuery("""
                        SELECT s.hotfix_number FROM record_systems s WHERE s.detected_at >= :from
                        AND s.detected_at < :to AND s.category IS NOT NULL AND (SELECT 1 FROM record_systems p
                        WHERE p.category = s.category AND p.name = s.name AND p.detected_at >= s.detected_at - :window
                        AND p.detected_at <= s.detected_at AND p.hotfix_number <> s.hotfix_number
                        AND (p.detected_at < s.detected_at OR p.hotfix_number < s.hotfix_number) LIMIT 1)
                        IS NOT NULL""")
                .bind("from", from)
                .bind("to", to)
                .bind("window", Targets.REPEAT_WINDOW_MILLIS)
                .setFetchSize(10_000)
                .map((rs, ctx) -> rs.getLong(1))
                .forEach(n -> {
                    if (n >= 0 && n <= Integer.MAX_VALUE) {
                        small.set((int) (long) n);
                    } else {
                        large.add(n);
                    }
                });
        return small.cardinality() + large.size();
    }

    Map<Integer, Long> confidence(Handle h, long from, long to) {
        Map<Integer, Long> out = new TreeMap<>();
        h.createQuery("SELECT confidence, COUNT(*) FROM record_facts WHERE" + IN_PERIOD + " AND confidence IS NOT NULL"
                        + " GROUP BY confidence")
                .bind("from", from)
                .bind("to", to)
                .map((rs, ctx) -> out.put(rs.getInt(1), rs.getLong(2)))
                .forEach(x -> {});
        return out;
    }

    /** Emergency type (the category; "" for none) → count in the period. */
    Map<String, Long> types(Handle h, long from, long to) {
        Map<String, Long> out = new HashMap<>();
        h.createQuery("SELECT COALESCE(category, ''), COUNT(*) FROM record_facts WHERE" + IN_PERIOD
                        + " GROUP BY COALESCE(category, '')")
                .bind("from", from)
                .bind("to", to)
                .map((rs, ctx) -> out.merge(rs.getString(1), rs.getLong(2), Long::sum))
                .forEach(x -> {});
        return out;
    }

    List<EmergencyTypes.Type> teamTypes(Handle h) {
        return h.createQuery("""
                        SELECT name, prevention FROM emergency_type ORDER BY ordinal""")
                .map((rs, ctx) -> new EmergencyTypes.Type(rs.getString(1), rs.getString(2), false))
                .list();
    }

    long overdueFollowUps(Handle h, long now, String kind) {
        var q = h.createQuery("SELECT COUNT(*) FROM record_follow_ups WHERE done = false AND due_at <= :now"
                        + (kind == null ? "" : " AND kind = :kind"))
                .bind("now", now);
        if (kind != null) {
            q.bind("kind", kind);
        }
        return q.mapTo(Long.class).one();
    }

    /** Accepted risks not retired and past their review date (the register's read model). */
    long expiredRisks(Handle h, long now) {
        return h.createQuery("""
                        SELECT COUNT(*) FROM risk_facts
                        WHERE state <> 'retired' AND review_by < :now""").bind("now", now).mapTo(Long.class).one();
    }

    /** Severity ({@value #NOT_STATED} for none) → hotfixes detected in [from, to). */
    Map<String, Long> bySeverity(Handle h, long from, long to) {
        Map<String, Long> out = new HashMap<>();
        h.createQuery("""
                        SELECT severity, COUNT(*) FROM record_facts WHERE detected_at >= :from AND detected_at < :to
                        GROUP BY severity""")
                .bind("from", from)
                .bind("to", to)
                .map((rs, ctx) -> out.merge(severityKey(rs.getString(1)), rs.getLong(2), Long::sum))
                .forEach(x -> {});
        return out;
    }

    Map<String, Long> openBySeverity(Handle h) {
        Map<String, Long> out = new HashMap<>();
        h.createQuery("""
                        SELECT severity, COUNT(*) FROM record_facts WHERE status <> 'completed' GROUP BY severity""")
                .map((rs, ctx) -> out.put(severityKey(rs.getString(1)), rs.getLong(2)))
                .forEach(x -> {});
        return out;
    }

    /**
     * A row's severity as a key: an imported record that states none (NULL) is {@value #NOT_STATED}, counted in
     * every total and in no severity's own figures.
     */
    private static String severityKey(String severity) {
        return severity == null ? NOT_STATED : severity;
    }
}
