package dev.hotfixlog.followup;

import dev.hotfixlog.hotfix.FollowUpKind;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.Severity;
import dev.hotfixlog.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/** {@link FollowUpService} on the database: the follow-up rows of every record, and the debt they add up to. */
public final class LocalFollowUpService implements FollowUpService {
    static final Duration DUE_SOON = Duration.ofHours(24);
    static final int LEDGER_MONTHS = 12;
    /** When the loan was taken: the fix going out, else the best moment the record knows. */
    private static final String LOAN_SINCE = "COALESCE(h.fix_deployed_at, h.resolved_at, h.detected_at, h.created_at)";
    private static final String LOANS = " FROM record_facts h JOIN record_follow_ups f ON f.hotfix_id = h.id AND f.kind = 'properFix'"
            + " WHERE h.status <> 'active'";
    private final Database db;
    private final Clock clock;

    public LocalFollowUpService(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<FollowUpItem> list(FollowUpQuery q) {
        Instant now = now();
        String sql = "SELECT h.id, h.title, h.severity, f.kind, f.description, COALESCE(f.owner, h.owner), f.due_at,"
                + " f.done, f.done_at, f.link FROM record_follow_ups f JOIN record_facts h ON h.id = f.hotfix_id"
                + " WHERE (f.due_at IS NOT NULL OR f.owner IS NOT NULL OR f.description IS NOT NULL OR f.done = true)"
                + (q.includeDone() ? "" : " AND f.done = false")
                + (q.overdueOnly() ? " AND f.done = false AND f.due_at <= :now" : "")
                + " ORDER BY CASE WHEN f.due_at IS NULL THEN 1 ELSE 0 END, f.due_at, h.number, CASE f.kind"
                + " WHEN 'postmortem' THEN 0 WHEN 'properFix' THEN 1 WHEN 'processImprovement' THEN 2 ELSE 3 END";
        List<FollowUpItem> out = new ArrayList<>();
        db.read(h -> {
            var query = h.createQuery(sql).setFetchSize(500);
            if (q.overdueOnly()) {
                query.bind("now", now.toEpochMilli());
            }
            query.map((rs, ctx) -> item(rs, now)).stream()
                    // Owners are free text ("Priya Raman", "@priya"): matched here, as handles, not in SQL.
                    .filter(i -> q.ownedBy(i.owner()))
                    .limit(q.limit())
                    .forEach(out::add);
            return null;
        });
        return out;
    }

    private static FollowUpItem item(ResultSet rs, Instant now) throws SQLException {
        Instant due = instant(rs, 7);
        boolean done = rs.getBoolean(8);
        FollowUpState state = done ? FollowUpState.DONE : due == null ? FollowUpState.OPEN
                : !due.isAfter(now) ? FollowUpState.OVERDUE
                : due.isBefore(now.plus(DUE_SOON)) ? FollowUpState.DUE_SOON : FollowUpState.OPEN;
        return new FollowUpItem(HotfixId.parse(rs.getString(1)), rs.getString(2),
                Severity.parse("severity", rs.getString(3)), FollowUpKind.fromJson(rs.getString(4)).orElseThrow(),
                rs.getString(5), rs.getString(6), due, done, instant(rs, 9), rs.getString(10), state);
    }

    @Override
    public DebtLedger debt() {
        Instant now = now();
        return db.read(h -> new DebtLedger(now, loans(h), months(h, now)));
    }

    private static List<DebtLedger.Loan> loans(Handle h) {
        return h.createQuery("SELECT h.id, h.title, h.severity, " + LOAN_SINCE + ", f.description,"
                        + " COALESCE(f.owner, h.owner), f.link, f.due_at" + LOANS + " AND f.done = false"
                        + " ORDER BY " + LOAN_SINCE + ", h.number")
                .map((rs, ctx) -> new DebtLedger.Loan(HotfixId.parse(rs.getString(1)), rs.getString(2),
                        Severity.parse("severity", rs.getString(3)), instant(rs, 4), rs.getString(5),
                        rs.getString(6), rs.getString(7), instant(rs, 8)))
                .list();
    }

    /** The last twelve calendar months, this one last (its "end" is now). */
    private static List<DebtLedger.Month> months(Handle h, Instant now) {
        YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
        List<DebtLedger.Month> out = new ArrayList<>();
        for (int back = LEDGER_MONTHS - 1; back >= 0; back--) {
            YearMonth m = current.minusMonths(back);
            long start = m.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            long end = back == 0 ? now.toEpochMilli() + 1
                    : m.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            long outstanding = count(h, "SELECT COUNT(*)" + LOANS + " AND " + LOAN_SINCE + " < :end AND (f.done ="
                    + " false OR (f.done_at IS NOT NULL AND f.done_at >= :end))", start, end);
            long taken = count(h, "SELECT COUNT(*)" + LOANS + " AND " + LOAN_SINCE + " >= :start AND " + LOAN_SINCE
                    + " < :end", start, end);
            long repaid = count(h, "SELECT COUNT(*)" + LOANS + " AND f.done = true AND f.done_at >= :start"
                    + " AND f.done_at < :end", start, end);
            out.add(new DebtLedger.Month(m.toString(), outstanding, taken, repaid));
        }
        return out;
    }

    private static long count(Handle h, String sql, long start, long end) {
        var q = h.createQuery(sql);
        if (sql.contains(":start")) {
            q.bind("start", start);
        }
        return q.bind("end", end).mapTo(Long.class).one();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
