package dev.hotfixlog.notify;

import dev.hotfixlog.error.NotFoundException;
import dev.hotfixlog.hotfix.FollowUpKind;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.hotfix.Severity;
import dev.hotfixlog.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Notices follow-ups falling due and queues their reminders: "due soon" once, within a day of the due time, then
 * "overdue" once per day. Keys carry the due time, so moving a follow-up's due date arms its reminders again; a
 * server that was down for a week sends today's reminder, not seven.
 */
final class ReminderScan {
    static final Duration DUE_SOON = Duration.ofHours(24);
    private static final int KEY_CHUNK = 500;
    private final Database db;
    private final Notifier notifier;
    private final HotfixService hotfixes;
    private final Clock clock;
    private final ReminderRepository repo = new ReminderRepository();

    ReminderScan(Database db, Notifier notifier, HotfixService hotfixes, Clock clock) {
        this.db = db;
        this.notifier = notifier;
        this.hotfixes = hotfixes;
        this.clock = clock;
    }

    /** Queues the reminders that are due now; returns how many messages were queued. */
    int run() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Candidate> candidates = new ArrayList<>();
        for (ReminderRepository.OpenFollowUp f :
                db.read(h -> repo.dueBy(h, now.plus(DUE_SOON).toEpochMilli()))) {
            if (f.kind() != null
                    && notifier.channels().stream().anyMatch(ch -> ch.takes(MessageKind.REMINDER, f.severity()))) {
                candidates.add(new Candidate(f.hotfixId(), f.kind(), f.dueMillis(), f.severity(), now));
            }
        }
        Set<String> queued = alreadyQueued(candidates);
        // The records are read first; then every reminder of this scan is queued in one write, not one each.
        List<Due> due = new ArrayList<>();
        for (Candidate c : candidates) {
            if (queued.contains(c.key())) {
                continue;
            }
            try {
                Hotfix h = hotfixes.get(HotfixId.parse(c.hotfixId()));
                due.add(new Due(c, h, MessageValues.reminder(h, c.kind(), c.overdue(), notifier.publicUrl())));
            } catch (NotFoundException gone) {
                // deleted since the scan's read: nothing to remind of
            }
        }
        if (due.isEmpty()) {
            return 0;
        }
        return db.write(tx -> {
            int count = 0;
            for (Due d : due) {
                Candidate c = d.candidate();
                if (repo.stillDue(tx, c.hotfixId(), c.kind(), c.dueMillis())) {
                    count += notifier.queue(tx, d.hotfix(), MessageKind.REMINDER, c.key(), d.values(), Notifier.SYSTEM)
                            .size();
                }
            }
            return count;
        });
    }

    private Set<String> alreadyQueued(List<Candidate> candidates) {
        Set<String> found = new HashSet<>();
        for (int i = 0; i < candidates.size(); i += KEY_CHUNK) {
            List<String> keys = candidates.subList(i, Math.min(candidates.size(), i + KEY_CHUNK)).stream()
                    .map(Candidate::key)
                    .toList();
            found.addAll(db.read(h -> repo.queuedKeys(h, "reminder", keys)));
        }
        return found;
    }

    /** A reminder to queue: the follow-up, its record, and the template's values. */
    private record Due(Candidate candidate, Hotfix hotfix, Map<String, String> values) {}

    /** An open follow-up within a day of its due time, or past it, as seen at {@code now}. */
    private record Candidate(String hotfixId, FollowUpKind kind, long dueMillis, Severity severity, Instant now) {
        boolean overdue() {
            return now.toEpochMilli() >= dueMillis;
        }

        String key() {
            String base = "reminder:" + hotfixId + ":" + kind.json() + ":" + dueMillis;
            if (!overdue()) {
                return base + ":soon";
            }
            return base + ":overdue-day-"
                    + (now.toEpochMilli() - dueMillis) / Duration.ofDays(1).toMillis();
        }
    }
}
