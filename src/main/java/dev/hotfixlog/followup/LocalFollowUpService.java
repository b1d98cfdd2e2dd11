package dev.hotfixlog.followup;

import dev.hotfixlog.store.Database;
import java.time.Clock;
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
    static final int LEDGER_MONTHS = 12;
    private final Database db;
    private final Clock clock;
    private final FollowUpRepository repo = new FollowUpRepository();

    public LocalFollowUpService(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<FollowUpItem> list(FollowUpQuery q) {
        Instant now = now();
        return db.read(h -> {
            try (var items = repo.items(h, q, now).stream()) {
                // Owners are free text ("Priya Raman", "@priya"): matched here, as handles, not in SQL.
                return items.filter(i -> q.ownedBy(i.owner())).limit(q.limit()).toList();
            }
        });
    }

    @Override
    public DebtLedger debt() {
        Instant now = now();
        return db.read(h -> new DebtLedger(now, repo.loans(h), months(h, now)));
    }

    /** The last twelve calendar months, this one last (its "end" is now). */
    private List<DebtLedger.Month> months(Handle h, Instant now) {
        YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
        List<DebtLedger.Month> out = new ArrayList<>();
        for (int back = LEDGER_MONTHS - 1; back >= 0; back--) {
            YearMonth m = current.minusMonths(back);
            long start = m.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            long end = back == 0
                    ? now.toEpochMilli() + 1
                    : m.plusMonths(1)
                            .atDay(1)
                            .atStartOfDay()
                            .toInstant(ZoneOffset.UTC)
                            .toEpochMilli();
            out.add(repo.month(h, m.toString(), start, end));
        }
        return out;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
