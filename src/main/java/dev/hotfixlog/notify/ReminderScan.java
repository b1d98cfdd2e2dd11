package dev.hotfixlog.notify;

import dev.hotfixlog.error.NotFoundException;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Queues the reminders of one {@link Topic} that are due now (follow-ups falling due, risks past review): the
 * things due are read, those no channel takes are left out, those already queued under their dedupe key are
 * skipped, their records are read, and then every reminder of the scan is queued in one write, each only if its
 * thing is still due inside that write. The key is the topic's: it says when a reminder repeats.
 */
final class ReminderScan<T extends ReminderRepository.OfRecord> {
    private static final int KEY_CHUNK = 500;
    private final Database db;
    private final Notifier notifier;
    private final HotfixService hotfixes;
    private final Clock clock;
    private final Topic<T> topic;
    private final ReminderRepository repo = new ReminderRepository();

    /** What a scan reminds of, and when a reminder of it repeats. */
    interface Topic<T extends ReminderRepository.OfRecord> {
        MessageKind kind();

        /** The things due at {@code now}, read in one query. */
        List<T> due(Handle h, Instant now);

        /** The dedupe key: a reminder is queued once under it, so the key says when the next one is due. */
        String key(T thing, Instant now);

        Map<String, String> values(Hotfix h, T thing, Instant now, String publicUrl);

        /** Still due inside the write that queues its reminder (not done, moved or deleted since the read). */
        boolean stillDue(Handle h, T thing);
    }

    ReminderScan(Database db, Notifier notifier, HotfixService hotfixes, Clock clock, Topic<T> topic) {
        this.db = db;
        this.notifier = notifier;
        this.hotfixes = hotfixes;
        this.clock = clock;
        this.topic = topic;
    }

    /** Queues the reminders that are due now; returns how many messages were queued. */
    int run() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<T> candidates = new ArrayList<>();
        for (T thing : db.read(h -> topic.due(h, now))) {
            if (notifier.channels().stream().anyMatch(ch -> ch.takes(topic.kind(), thing.severity()))) {
                candidates.add(thing);
            }
        }
        Set<String> queued = alreadyQueued(candidates, now);
        // The records are read first; then every reminder of this scan is queued in one write, not one each.
        List<Due<T>> due = new ArrayList<>();
        for (T thing : candidates) {
            String key = topic.key(thing, now);
            if (queued.contains(key)) {
                continue;
            }
            try {
                Hotfix h = hotfixes.get(HotfixId.parse(thing.hotfixId()));
                due.add(new Due<>(thing, key, h, topic.values(h, thing, now, notifier.publicUrl())));
            } catch (NotFoundException gone) {
                // deleted since the scan's read: nothing to remind of
            }
        }
        if (due.isEmpty()) {
            return 0;
        }
        return db.write(tx -> {
            int count = 0;
            for (Due<T> d : due) {
                if (topic.stillDue(tx, d.thing())) {
                    count += notifier.queue(tx, d.hotfix(), topic.kind(), d.key(), d.values(), Notifier.SYSTEM)
                            .size();
                }
            }
            return count;
        });
    }

    private Set<String> alreadyQueued(List<T> candidates, Instant now) {
        Set<String> found = new HashSet<>();
        for (int i = 0; i < candidates.size(); i += KEY_CHUNK) {
            List<String> keys = candidates.subList(i, Math.min(candidates.size(), i + KEY_CHUNK)).stream()
                    .map(t -> topic.key(t, now))
                    .toList();
            found.addAll(db.read(h -> repo.queuedKeys(h, topic.kind().json(), keys)));
        }
        return found;
    }

    /** A reminder to queue: the thing due, its key, its record, and the template's values. */
    private record Due<T>(T thing, String key, Hotfix hotfix, Map<String, String> values) {}
}
