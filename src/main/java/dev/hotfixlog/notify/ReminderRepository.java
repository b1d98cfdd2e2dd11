package dev.hotfixlog.notify;

import dev.hotfixlog.hotfix.FollowUpKind;
import dev.hotfixlog.hotfix.Severity;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The reminders' SQL: open follow-ups falling due (the record's views), and the reminders already queued. */
final class ReminderRepository {
    /** An open follow-up with a due time at or before {@code soonMillis}, with its record's severity. */
    record OpenFollowUp(String hotfixId, FollowUpKind kind, long dueMillis, Severity severity) implements OfRecord {}

    /** What a reminder is of: a thing of one record, whose severity decides which channels take it. */
    interface OfRecord {
        String hotfixId();

        Severity severity();
    }

    List<OpenFollowUp> dueBy(Handle h, long soonMillis) {
        return h.createQuery("""
                        SELECT f.hotfix_id, f.kind, f.due_at, h.severity
                        FROM record_follow_ups f JOIN record_facts h ON h.id = f.hotfix_id
                        WHERE f.done = false AND f.due_at IS NOT NULL AND f.due_at <= :soon""")
                .bind("soon", soonMillis)
                .map((rs, ctx) -> new OpenFollowUp(
                        rs.getString(1),
                        FollowUpKind.fromJson(rs.getString(2)).orElse(null),
                        rs.getLong(3),
                        Severity.stored("severity", rs.getString(4))))
                .list();
    }

    /** Whether that follow-up is still open and still due then (not ticked or moved since it was read). */
    boolean stillDue(Handle h, String hotfixId, FollowUpKind kind, long dueMillis) {
        return h.createQuery("""
                        SELECT COUNT(*) FROM record_follow_ups
                        WHERE hotfix_id = :id AND kind = :k AND done = false AND due_at = :due""")
                        .bind("id", hotfixId)
                        .bind("k", kind.json())
                        .bind("due", dueMillis)
                        .mapTo(Integer.class)
                        .one()
                == 1;
    }

    /** An accepted risk past its review date (the register's read model {@code risk_facts}). */
    record ExpiredRisk(
            long id,
            String hotfixId,
            String statement,
            String owner,
            String properFix,
            long reviewBy,
            Severity severity)
            implements OfRecord {}

    List<ExpiredRisk> expiredRisks(Handle h, long now) {
        return h.createQuery("""
                        SELECT r.id, r.hotfix_id, r.statement, r.owner, r.proper_fix, r.review_by, h.severity
                        FROM risk_facts r JOIN record_facts h ON h.id = r.hotfix_id
                        WHERE r.state <> 'retired' AND r.review_by < :now""")
                .bind("now", now)
                .map((rs, ctx) -> new ExpiredRisk(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getLong(6),
                        Severity.stored("severity", rs.getString(7))))
                .list();
    }

    /** Whether that risk is still past that review date and not retired (not re-accepted or retired since). */
    boolean stillExpired(Handle h, long riskId, long reviewBy) {
        return h.createQuery("SELECT COUNT(*) FROM risk_facts WHERE id = :id AND state <> 'retired' "
                                + "AND review_by = :reviewBy")
                        .bind("id", riskId)
                        .bind("reviewBy", reviewBy)
                        .mapTo(Integer.class)
                        .one()
                == 1;
    }

    /** Which of these dedupe keys a message of {@code kind} was already queued under. */
    List<String> queuedKeys(Handle h, String kind, List<String> keys) {
        return h.createQuery("""
                        SELECT DISTINCT dedupe_key FROM outbox_message
                        WHERE kind = :kind AND dedupe_key IN (<keys>)""")
                .bind("kind", kind)
                .bindList("keys", keys)
                .mapTo(String.class)
                .list();
    }
}
