package dev.hotfixlog.metrics;

import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The SQL of the metrics: aggregates only, so a period of any length comes back as a few rows. Every period
 * query is a range on {@code detected_at}, which the {@code hotfix_metrics} index covers.
 */
final class MetricsRepository {
    private static final String IN_PERIOD = " detected_at >= :from AND detected_at < :to";

    long count(Handle h, long from, long to) {
        return h.createQuery("SELECT COUNT(*) FROM hotfix WHERE" + IN_PERIOD).bind("from", from).bind("to", to)
                .mapTo(Long.class).one();
    }

    long undated(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM hotfix WHERE detected_at IS NULL").mapTo(Long.class).one();
    }

    /**
     * Severity → (whole seconds → count) of one measure, over hotfixes detected in the period that have both
     * moments. {@code seconds} is an SQL expression on the hotfix row, null when a moment is missing.
     */
    Map<String, Map<Long, Long>> histogram(Handle h, String seconds, long from, long to) {
        Map<String, Map<Long, Long>> out = new HashMap<>();
        h.createQuery("SELECT severity, " + seconds + " AS s, COUNT(*) FROM hotfix WHERE" + IN_PERIOD + " AND "
                        + seconds + " IS NOT NULL GROUP BY severity, " + seconds)
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> {
                    out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).merge(rs.getLong(2), rs.getLong(3),
                            Long::sum);
                    return null;
                }).forEach(x -> { });
        return out;
    }

    /** Resolved hotfixes of the period: [due (48 h over or done), done on time]. */
    long[] postmortems(Handle h, long from, long to, long now) {
        return h.createQuery("SELECT"
                        + " SUM(CASE WHEN f.done = true OR h.resolved_at + :within <= :now THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN f.done = true AND (f.done_at IS NULL OR f.done_at <= h.resolved_at + :within)"
                        + " THEN 1 ELSE 0 END)"
                        + " FROM hotfix h JOIN follow_up f ON f.hotfix_id = h.id AND f.kind = 'postmortem'"
                        + " WHERE h.resolved_at IS NOT NULL AND h.detected_at >= :from AND h.detected_at < :to")
                .bind("within", Targets.POSTMORTEM_WITHIN_MILLIS).bind("now", now).bind("from", from).bind("to", to)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).one();
    }

    long processImprovementsDone(Handle h, long from, long to) {
        return h.createQuery("SELECT COUNT(*) FROM follow_up WHERE kind = 'processImprovement' AND done = true"
                        + " AND done_at >= :from AND done_at < :to")
                .bind("from", from).bind("to", to).mapTo(Long.class).one();
    }

    /** [watched, recurred]: process improvements done on typed hotfixes of the period, watch over or broken. */
    long[] preventions(Handle h, long from, long to, long now) {
        // The recurrence is looked up once per improvement (it was twice: once to count, once to filter).
        return h.createQuery("SELECT COUNT(*), SUM(x.recurred) FROM (SELECT f.done_at, CASE WHEN EXISTS (SELECT 1"
                        + " FROM hotfix r WHERE r.category = h.category AND r.detected_at > f.done_at"
                        + " AND r.detected_at <= f.done_at + :window) THEN 1 ELSE 0 END AS recurred"
                        + " FROM hotfix h JOIN follow_up f ON f.hotfix_id = h.id AND f.kind = 'processImprovement'"
                        + " WHERE f.done = true AND f.done_at IS NOT NULL AND h.category IS NOT NULL"
                        + " AND h.detected_at >= :from AND h.detected_at < :to) x"
                        + " WHERE x.done_at + :window <= :now OR x.recurred = 1")
                .bind("window", Targets.REPEAT_WINDOW_MILLIS).bind("now", now).bind("from", from).bind("to", to)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).one();
    }

    /**
     * Hotfixes of the period that repeat an earlier one: for each (type, affected system), ordered by detection,
     * the previous hotfix of the pair is at most the window before. One pass with a window function over the
     * system rows, which carry their hotfix's type and detection time in the order of an index.
     */
    long repeats(Handle h, long from, long to) {
        // A hotfix repeating through two of its systems counts once. COUNT(DISTINCT) in SQL sorted every match
        // (10 s for a million on SQLite); the numbers streamed into a bit set take a fraction of that.
        java.util.BitSet small = new java.util.BitSet();
        java.util.Set<Long> large = new java.util.HashSet<>();
        h.createQuery("SELECT x.n FROM (SELECT hotfix_number AS n, detected_at AS d,"
                        + " LAG(detected_at) OVER (PARTITION BY category, name ORDER BY detected_at, hotfix_number)"
                        + " AS prev FROM hotfix_system WHERE category IS NOT NULL AND detected_at >= :lookback"
                        + " AND detected_at < :to) x"
                        + " WHERE x.d >= :from AND x.prev IS NOT NULL AND x.d - x.prev <= :window")
                .bind("lookback", from - Targets.REPEAT_WINDOW_MILLIS).bind("from", from).bind("to", to)
                .bind("window", Targets.REPEAT_WINDOW_MILLIS).setFetchSize(10_000)
                .map((rs, ctx) -> rs.getLong(1)).forEach(n -> {
                    if (n >= 0 && n <= Integer.MAX_VALUE) {
                        small.set((int) (long) n);
                    } else {
                        large.add(n);
                    }
                });
        return small.cardinality() + large.size();
    }

    Map<Integer, Long> confidence(Handle h, long from, long to) {
        Map<Integer, Long> out = new java.util.TreeMap<>();
        h.createQuery("SELECT confidence, COUNT(*) FROM hotfix WHERE" + IN_PERIOD + " AND confidence IS NOT NULL"
                        + " GROUP BY confidence")
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> out.put(rs.getInt(1), rs.getLong(2))).forEach(x -> { });
        return out;
    }

    /** Emergency type (the category; "" for none) → count in the period. */
    Map<String, Long> types(Handle h, long from, long to) {
        Map<String, Long> out = new HashMap<>();
        h.createQuery("SELECT COALESCE(category, ''), COUNT(*) FROM hotfix WHERE" + IN_PERIOD
                        + " GROUP BY COALESCE(category, '')")
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> out.merge(rs.getString(1), rs.getLong(2), Long::sum)).forEach(x -> { });
        return out;
    }

    java.util.List<EmergencyTypes.Type> teamTypes(Handle h) {
        return h.createQuery("SELECT name, prevention FROM emergency_type ORDER BY ordinal")
                .map((rs, ctx) -> new EmergencyTypes.Type(rs.getString(1), rs.getString(2), false)).list();
    }

    long overdueFollowUps(Handle h, long now, String kind) {
        var q = h.createQuery("SELECT COUNT(*) FROM follow_up WHERE done = false AND due_at <= :now"
                + (kind == null ? "" : " AND kind = :kind")).bind("now", now);
        if (kind != null) {
            q.bind("kind", kind);
        }
        return q.mapTo(Long.class).one();
    }

    Map<String, Long> openBySeverity(Handle h) {
        Map<String, Long> out = new HashMap<>();
        h.createQuery("SELECT severity, COUNT(*) FROM hotfix WHERE status <> 'completed' GROUP BY severity")
                .map((rs, ctx) -> out.put(rs.getString(1), rs.getLong(2))).forEach(x -> { });
        return out;
    }
}
