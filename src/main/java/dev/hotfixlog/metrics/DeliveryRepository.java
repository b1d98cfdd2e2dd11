package dev.hotfixlog.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * The delivery figures' SQL: deploys and their confirmed causes ({@code deploy_facts}, {@code deploy_links}),
 * the record's detection and fix times ({@code record_facts}, {@code record_systems}) and incoming alerts'
 * outcomes ({@code incoming_facts}): every one a read model, none another feature's table.
 */
final class DeliveryRepository {
    private static final String PRODUCTION = "d.environment IN ('production', 'prod')";

    /** Production deploys in [from, to) by system (systems are compared without case, as suggestions do). */
    Map<String, Long> deploys(Handle h, long from, long to) {
        return counts(
                h,
                "SELECT LOWER(d.system), COUNT(*) FROM deploy_facts d WHERE " + PRODUCTION
                        + " AND d.deployed_at >= :from AND d.deployed_at < :to GROUP BY LOWER(d.system)",
                from,
                to);
    }

    /** When each system's first production deploy was, by system: where its deploy figures begin. */
    Map<String, Long> firstDeploys(Handle h) {
        Map<String, Long> out = new TreeMap<>();
        h.createQuery("SELECT LOWER(d.system), MIN(d.deployed_at) FROM deploy_facts d WHERE " + PRODUCTION
                        + " GROUP BY LOWER(d.system)")
                .map((rs, c) -> out.put(rs.getString(1), rs.getLong(2)))
                .list();
        return out;
    }

    /** Of those, the ones a person confirmed as the cause of a hotfix, by system. */
    Map<String, Long> failed(Handle h, long from, long to) {
        return counts(
                h,
                "SELECT LOWER(d.system), COUNT(DISTINCT d.id) FROM deploy_facts d JOIN deploy_links l "
                        + "ON l.deploy_id = d.id AND l.role = 'cause' WHERE " + PRODUCTION
                        + " AND d.deployed_at >= :from AND d.deployed_at < :to GROUP BY LOWER(d.system)",
                from,
                to);
    }

    /** Detection → fix deployed, in seconds, of hotfixes detected in [from, to): team-wide and by system. */
    Map<String, Map<Long, Long>> restore(Handle h, long from, long to) {
        Map<String, Map<Long, Long>> out = new HashMap<>();
        out.put("", restoreTeam(h, from, to));
        String seconds = "(r.fix_deployed_at - r.detected_at) / 1000";
        h.createQuery("SELECT LOWER(s.name), " + seconds + " AS s, COUNT(*) FROM record_facts r "
                        + "JOIN record_systems s ON s.hotfix_id = r.id WHERE r.detected_at >= :from "
                        + "AND r.detected_at < :to AND r.fix_deployed_at IS NOT NULL "
                        + "AND r.fix_deployed_at >= r.detected_at GROUP BY LOWER(s.name), " + seconds)
                .bind("from", from)
                .bind("to", to)
                .map((rs, c) -> out.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .merge(rs.getLong(2), rs.getLong(3), Long::sum))
                .list();
        return out;
    }

    /** Production deploys in [from, to) and how many of them a person confirmed as a hotfix's cause. */
    long[] deploysAndFailed(Handle h, long from, long to) {
        return h.createQuery("SELECT COUNT(DISTINCT d.id), COUNT(DISTINCT l.deploy_id) FROM deploy_facts d "
                        + "LEFT JOIN deploy_links l ON l.deploy_id = d.id AND l.role = 'cause' WHERE " + PRODUCTION
                        + " AND d.deployed_at >= :from AND d.deployed_at < :to")
                .bind("from", from)
                .bind("to", to)
                .map((rs, c) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .one();
    }

    /** Detection → fix deployed, in seconds, of hotfixes detected in [from, to), team-wide only. */
    Map<Long, Long> restoreTeam(Handle h, long from, long to) {
        Map<Long, Long> out = new HashMap<>();
        String seconds = "(r.fix_deployed_at - r.detected_at) / 1000";
        h.createQuery("SELECT " + seconds + " AS s, COUNT(*) FROM record_facts r WHERE r.detected_at >= :from "
                        + "AND r.detected_at < :to AND r.fix_deployed_at IS NOT NULL AND r.fix_deployed_at >= "
                        + "r.detected_at GROUP BY " + seconds)
                .bind("from", from)
                .bind("to", to)
                .map((rs, c) -> out.merge(rs.getLong(1), rs.getLong(2), Long::sum))
                .list();
        return out;
    }

    /** Incoming alerts first notified in [from, to) by how they were decided ({@code open} while not yet). */
    Map<String, Long> incoming(Handle h, long from, long to) {
        return counts(
                h,
                "SELECT COALESCE(outcome, 'open'), COUNT(*) FROM incoming_facts WHERE first_received_at "
                        + ">= :from AND first_received_at < :to GROUP BY COALESCE(outcome, 'open')",
                from,
                to);
    }

    /** Incoming alerts in [from, to) that fired again after their group's hotfix was completed. */
    long incomingRepeats(Handle h, long from, long to) {
        return h.createQuery("""
                        SELECT COUNT(*) FROM incoming_facts WHERE repeat_of IS NOT NULL
                        AND first_received_at >= :from AND first_received_at < :to""")
                .bind("from", from)
                .bind("to", to)
                .mapTo(Long.class)
                .one();
    }

    private static Map<String, Long> counts(Handle h, String sql, long from, long to) {
        Map<String, Long> out = new TreeMap<>();
        h.createQuery(sql)
                .bind("from", from)
                .bind("to", to)
                .map((rs, c) -> out.put(rs.getString(1), rs.getLong(2)))
                .list();
        return out;
    }
}
