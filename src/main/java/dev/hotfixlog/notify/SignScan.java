package dev.hotfixlog.notify;

import dev.hotfixlog.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Queues each breached warning sign, once per sign, threshold and UTC day while it stays breached. */
final class SignScan {
    private final Database db;
    private final Notifier notifier;
    private final SignAlarm.Source signs;
    private final Clock clock;
    private final ReminderRepository repo = new ReminderRepository();

    SignScan(Database db, Notifier notifier, SignAlarm.Source signs, Clock clock) {
        this.db = db;
        this.notifier = notifier;
        this.signs = signs;
        this.clock = clock;
    }

    /** Returns how many channels a sign was queued for (0 when every breached sign was already queued today). */
    int run() {
        List<SignAlarm> breached = signs.breached();
        if (breached.isEmpty()) {
            return 0;
        }
        long day = clock.millis() / Duration.ofDays(1).toMillis();
        return db.write(h -> {
            int queued = 0;
            for (SignAlarm s : breached) {
                String key = "sign:" + s.name() + ":" + s.direction() + s.threshold() + ":day-" + day;
                if (repo.queuedKeys(h, "sign", List.of(key)).isEmpty()) {
                    queued += notifier.queueSign(h, s, key);
                }
            }
            return queued;
        });
    }
}
