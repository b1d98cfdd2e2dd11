package dev.hotfixlog.metrics;

import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The tallies of whole calendar months (per time zone), kept in {@code metrics_month} so that a period of years
 * merges a few stored months instead of reading every hotfix again.
 *
 * <p>Freshness is the database's job, not this class's: triggers on {@code hotfix} and {@code follow_up}
 * (migration V13) delete every stored month a change can move, in the writer's own transaction, and bump
 * {@code metrics_version}. A month computed from a snapshot that a writer has since changed is therefore never
 * stored: {@link #store} writes only if the version is still the one read with that snapshot, and its
 * {@code UPDATE ... WHERE v = :seen} holds the version row (PostgreSQL row lock, SQLite write lock) until the
 * months are in. What time alone changes (a post-mortem falling due, a prevention watch ending) is each month's
 * {@code valid_until}.
 */
final class KeptMonthsRepository {
    long version(Handle h) {
        return h.createQuery("""
                        SELECT v FROM metrics_version""").mapTo(Long.class).one();
    }

    /** Stored months of {@code zone} starting in [from, to), still valid at {@code now}: month start → tally. */
    Map<Long, Tally> load(Handle h, String zone, long from, long to, long now) {
        Map<Long, Tally> out = new HashMap<>();
        h.createQuery("""
                        SELECT month_start, tally, valid_until FROM metrics_month WHERE zone = :zone
                        AND month_start >= :from AND month_start < :to
                        AND (valid_until IS NULL OR valid_until > :now)""")
                .bind("zone", zone)
                .bind("from", from)
                .bind("to", to)
                .bind("now", now)
                .map((rs, ctx) -> {
                    long validUntil = rs.getLong(3);
                    Tally t = Tally.decode(rs.getBytes(2), rs.wasNull() ? null : validUntil);
                    if (t != null) {
                        out.put(rs.getLong(1), t);
                    }
                    return null;
                })
                .forEach(x -> {});
        return out;
    }

    /** Stores months computed at {@code seenVersion}; false (nothing stored) if a writer came in between. */
    boolean store(Handle h, String zone, Map<Period, Tally> months, long seenVersion, long now) {
        if (h.createUpdate("""
                        UPDATE metrics_version SET v = v WHERE v = :seen""").bind("seen", seenVersion).execute() == 0) {
            return false;
        }
        var delete = h.prepareBatch("""
                        DELETE FROM metrics_month WHERE zone = :zone AND month_start = :start""");
        var insert = h.prepareBatch("""
                        INSERT INTO metrics_month (zone, month_start, month_end, tally, valid_until,
                        computed_at) VALUES (:zone, :start, :end, :tally, :validUntil, :now)""");
        months.forEach((p, t) -> {
            delete.bind("zone", zone).bind("start", p.from()).add();
            insert.bind("zone", zone)
                    .bind("start", p.from())
                    .bind("end", p.to())
                    .bind("tally", t.encode())
                    .bind("validUntil", t.validUntil())
                    .bind("now", now)
                    .add();
        });
        delete.execute();
        insert.execute();
        return true;
    }
}
