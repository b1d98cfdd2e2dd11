package dev.hotfixlog.notify;

import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.notify.ReminderRepository.ExpiredRisk;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Accepted risks past their review date (the register's read model): once when a risk expires, then once a week
 * while it stays expired. The key carries the review date and the week since it, so accepting a risk again with a
 * new date arms it anew, and a server that was down for a month sends this week's reminder, not four.
 */
final class RisksPastReview implements ReminderScan.Topic<ExpiredRisk> {
    static final Duration EVERY = Duration.ofDays(7);
    private final ReminderRepository repo = new ReminderRepository();

    @Override
    public MessageKind kind() {
        return MessageKind.RISK;
    }

    @Override
    public List<ExpiredRisk> due(Handle h, Instant now) {
        return repo.expiredRisks(h, now.toEpochMilli());
    }

    /** {@code risk:<id>:<review date>:week-<n>}: week 0 from the review date, then one a week. */
    @Override
    public String key(ExpiredRisk r, Instant now) {
        long week = (now.toEpochMilli() - r.reviewBy()) / EVERY.toMillis();
        return "risk:" + r.id() + ":" + r.reviewBy() + ":week-" + week;
    }

    @Override
    public Map<String, String> values(Hotfix h, ExpiredRisk r, Instant now, String publicUrl) {
        return MessageValues.risk(h, r, now, publicUrl);
    }

    @Override
    public boolean stillDue(Handle h, ExpiredRisk r) {
        return repo.stillExpired(h, r.id(), r.reviewBy());
    }
}
