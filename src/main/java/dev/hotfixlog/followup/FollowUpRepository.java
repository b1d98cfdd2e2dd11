package dev.hotfixlog.followup;

import dev.hotfixlog.hotfix.FollowUpKind;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.Severity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.result.ResultIterable;

/** The follow-through's SQL, on the record's views (record_follow_ups, record_facts). */
final class FollowUpRepository {
    static final Duration DUE_SOON = Duration.ofHours(24);
    /** When the loan was taken: the fix going out, else the best moment the record knows. */
    private static final String LOAN_SINCE = "COALESCE(h.fix_deployed_at, h.resolved_at, h.detected_at, h.created_at)";
    /** A proper fix still owed, or repaid: the follow-ups of records that left the active state. */
    private static final String LOANS = " FROM record_facts h JOIN record_follow_ups f"
            + " ON f.hotfix_id = h.id AND f.kind = 'properFix' WHERE h.status <> 'active'";

    /**
     * Follow-ups that say something (a due time, an owner, words, or done), soonest due first; read as the caller
     * streams them, so a caller that stops early reads no further.
     */
    ResultIterable<FollowUpItem> items(Handle h, FollowUpQuery q, Instant now) {
        String sql = """
                SELECT h.id, h.title, h.severity, f.kind, f.description, COALESCE(f.owner, h.owner), f.due_at,
                       f.done, f.done_at, f.link
                FROM record_follow_ups f JOIN record_facts h ON h.id = f.hotfix_id
                WHERE (f.due_at IS NOT NULL OR f.owner IS NOT NULL OR f.description IS NOT NULL OR f.done = true)"""
                + (q.includeDone() ? "" : " AND f.done = false")
                + (q.overdueOnly() ? " AND f.done = false AND f.due_at <= :now" : "")
                + """

                ORDER BY CASE WHEN f.due_at IS NULL THEN 1 ELSE 0 END, f.due_at, h.number,
                         CASE f.kind WHEN 'postmortem' THEN 0 WHEN 'properFix' THEN 1
                                     WHEN 'processImprovement' THEN 2 ELSE 3 END""";
        var query = h.createQuery(sql).setFetchSize(500);
        if (q.overdueOnly()) {
            query.bind("now", now.toEpochMilli());
        }
        return query.map((rs, ctx) -> item(rs, now));
    }

    private static FollowUpItem item(ResultSet rs, Instant now) throws SQLException {
        Instant due = instant(rs, 7);
        boolean done = rs.getBoolean(8);
        FollowUpState state = done
                ? FollowUpState.DONE
                : due == null
                        ? FollowUpState.OPEN
                        : !due.isAfter(now)
                                ? FollowUpState.OVERDUE
                                : due.isBefore(now.plus(DUE_SOON)) ? FollowUpState.DUE_SOON : FollowUpState.OPEN;
        return new FollowUpItem(
                HotfixId.parse(rs.getString(1)),
                rs.getString(2),
                Severity.stored("severity", rs.getString(3)),
                FollowUpKind.fromJson(rs.getString(4)).orElseThrow(),
                rs.getString(5),
                rs.getString(6),
                due,
                done,
                instant(rs, 9),
                rs.getString(10),
                state);
    }

    /** Proper fixes still owed, oldest loan first. */
    List<DebtLedger.Loan> loans(Handle h) {
        return h.createQuery("SELECT h.id, h.title, h.severity, " + LOAN_SINCE + ", f.description,"
                        + " COALESCE(f.owner, h.owner), f.link, f.due_at" + LOANS + " AND f.done = false"
                        + " ORDER BY " + LOAN_SINCE + ", h.number")
                .map((rs, ctx) -> new DebtLedger.Loan(
                        HotfixId.parse(rs.getString(1)),
                        rs.getString(2),
                        Severity.stored("severity", rs.getString(3)),
                        instant(rs, 4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        instant(rs, 8)))
                .list();
    }

    /** One month of the ledger, [start, end): owed at its end, taken in it, repaid in it. */
    DebtLedger.Month month(Handle h, String name, long start, long end) {
        long outstanding = count(
                h,
                "SELECT COUNT(*)" + LOANS + " AND " + LOAN_SINCE + " < :end AND (f.done ="
                        + " false OR (f.done_at IS NOT NULL AND f.done_at >= :end))",
                start,
                end);
        long taken = count(
                h,
                "SELECT COUNT(*)" + LOANS + " AND " + LOAN_SINCE + " >= :start AND " + LOAN_SINCE + " < :end",
                start,
                end);
        long repaid = count(
                h,
                "SELECT COUNT(*)" + LOANS + " AND f.done = true AND f.done_at >= :start" + " AND f.done_at < :end",
                start,
                end);
        return new DebtLedger.Month(name, outstanding, taken, repaid);
    }

    private static long count(Handle h, String sql, long start, long end) {
        var q = h.createQuery(sql);
        if (sql.contains(":start")) {
            q.bind("start", start);
        }
        return q.bind("end", end).mapTo(Long.class).one();
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
