package dev.hotfixlog.notify;

import dev.hotfixlog.error.ConflictException;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.security.Sha256;
import dev.hotfixlog.store.Database;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** {@link NotifyService} on the database, with the worker that delivers what it queues. */
public final class LocalNotifyService implements NotifyService, AutoCloseable {
    private final Database db;
    private final Notifier notifier;
    private final HotfixService hotfixes;
    private final OutboxRepository outbox;
    private final DeliveryWorker worker;

    public LocalNotifyService(
            Database db, Notifier notifier, HotfixService hotfixes, SignAlarm.Source signs, Clock clock) {
        this.db = db;
        this.notifier = notifier;
        this.hotfixes = hotfixes;
        this.outbox = notifier.outbox();
        this.worker = new DeliveryWorker(db, outbox, notifier, hotfixes, signs, clock);
    }

    @Override
    public Preview preview(HotfixId id, MessageKind kind, String eta) {
        requireManual(kind);
        Hotfix h = hotfixes.get(id);
        return new Preview(
                h.id().toString(),
                notifier.render(kind, notifier.values(h, blankToNull(eta))),
                Channel.names(notifier.channelsFor(kind, h)),
                !notifier.channels().isEmpty(),
                notifier.usesEta(kind));
    }

    @Override
    public List<Delivery> send(HotfixId id, MessageKind kind, String eta, String actor, String requestKey) {
        requireManual(kind);
        Hotfix h = hotfixes.get(id);
        if (notifier.channels().isEmpty()) {
            throw new ConflictException("no channel is configured, so nothing can be sent; configure one in "
                    + "HOTFIX_CHANNELS (see the README's Notifications section)");
        }
        if (notifier.channelsFor(kind, h).isEmpty()) {
            String which = h.severity().isStated()
                    ? h.severity().json() + " hotfixes"
                    : "hotfixes whose severity is not stated";
            throw new ConflictException("no channel takes " + kind.label() + " messages for " + which
                    + "; configure one in HOTFIX_CHANNELS (see the README's Notifications section)");
        }
        // One person's key, hashed: any length fits the column, and two people's keys never meet.
        String key = "sent:"
                + (requestKey == null || requestKey.isBlank()
                        ? UUID.randomUUID()
                        : Sha256.hex(actor + "\n" + requestKey));
        List<Long> ids = db.write(tx -> notifier.queue(tx, h, kind, key, notifier.values(h, blankToNull(eta)), actor));
        worker.nudge();
        return db.read(tx -> outbox.byIds(tx, ids));
    }

    @Override
    public List<Delivery> deliveries(HotfixId id) {
        List<Delivery> found = db.read(h -> outbox.forHotfix(h, id.toString()));
        if (found.isEmpty()) {
            // Only "none" needs the record: an unknown id is a 404, not an empty list. The record page, which
            // has just read the hotfix, pays one query for its panel, not two.
            hotfixes.get(id);
        }
        return found;
    }

    /** The worker that delivers the outbox; {@code serve} starts it, tests drive it. */
    public DeliveryWorker worker() {
        return worker;
    }

    private static void requireManual(MessageKind kind) {
        if (kind == MessageKind.REMINDER || kind == MessageKind.SIGN || kind == MessageKind.RISK) {
            throw ValidationException.of(
                    "kind",
                    kind.json() + " messages go out on their own (a follow-up falling "
                            + "due, a warning sign breached, an accepted risk past review); choose alert, complete or "
                            + "stakeholder");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public void close() {
        worker.close();
    }
}
