package dev.hotfixlog.notify;

import dev.hotfixlog.error.NotFoundException;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reminds of accepted risks past their review date (the register's read model): once when a risk expires, then
 * once a week while it stays expired. The key carries the review date and the week since it, so accepting a risk
 * again with a new date arms it anew, and a server that was down for a month sends this week's reminder, not four.
 */
final class RiskReminderScan {
    static final Duration EVERY = Duration.ofDays(7);
    private final Database db;
    private final Notifier notifier;
    private final HotfixService hotfixes;
    private final Clock clock;
    private final ReminderRepository repo = new ReminderRepository();

    RiskReminderScan(Database db, Notifier notifier, HotfixService hotfixes, Clock clock) {
        this.db = db;
        this.notifier = notifier;
        this.hotfixes = hotfixes;
        this.clock = clock;
    }

    /** Queues the reminders due now; returns how many messages were queued. */
    int run() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<ReminderRepository.ExpiredRisk> expired = new ArrayList<>();
        for (ReminderRepository.ExpiredRisk r : db.read(h -> repo.expiredRisks(h, now.toEpochMilli()))) {
            if (notifier.channels().stream().anyMatch(ch -> ch.takes(MessageKind.RISK, r.severity()))) {
                expired.add(r);
            }
        }
        if (expired.isEmpty()) {
            return 0;
        }
        List<String> keys = expired.stream().map(r -> key(r, now)).toList();
        List<String> queued = db.read(h -> repo.queuedKeys(h, MessageKind.RISK.json(), keys));
        List<Due> due = new ArrayList<>();
        for (ReminderRepository.ExpiredRisk r : expired) {
            String key = key(r, now);
            if (queued.contains(key)) {
                continue;
            }
            try {
                Hotfix h = hotfixes.get(HotfixId.parse(r.hotfixId()));
                due.add(new Due(r, key, h, MessageValues.risk(h, r, now, notifier.publicUrl())));
            } catch (NotFoundException gone) {
                // deleted since the scan's read, and its risks with it
            }
        }
        if (due.isEmpty()) {
            return 0;
        }
        return db.write(tx -> {
            int count = 0;
            for (Due d : due) {
                if (repo.stillExpired(tx, d.risk().id(), d.risk().reviewBy())) {
                    count += notifier.queue(tx, d.hotfix(), MessageKind.RISK, d.key(), d.values(), Notifier.SYSTEM)
                            .size();
                }
            }
            return count;
        });
    }

    /** {@code risk:<id>:<review date>:week-<n>}: week 0 from the review date, then one a week. */
    static String key(ReminderRepository.ExpiredRisk r, Instant now) {
        long week = (now.toEpochMilli() - r.reviewBy()) / EVERY.toMillis();
        return "risk:" + r.id() + ":" + r.reviewBy() + ":week-" + week;
    }

    private record Due(ReminderRepository.ExpiredRisk risk, String key, Hotfix hotfix, Map<String, String> values) {}
}
