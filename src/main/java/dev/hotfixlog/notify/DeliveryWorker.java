package dev.hotfixlog.notify;

import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.work.Threads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: {@link #drainOnce()} claims a batch of due messages, sends them in parallel and records
 * each result in one transaction. Once a minute it also runs the scans that queue messages: reminders of
 * follow-ups falling due and of accepted risks past review (one {@link ReminderScan} each) and breached warning
 * signs ({@link SignScan}). Tests call each
 * directly under a controlled clock; {@code serve} runs them on a background thread.
 */
public final class DeliveryWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    /**
     * Longer than the worst batch: {@value #BATCH} messages, {@value #SENDERS} at a time, each given up after its
     * 10 s timeout, is 20 s. Only a worker that died leaves a claim to expire, and its unsent messages wait for it:
     * the soak (bench/soak.sh) found a 15-minute lease with 256-message batches held a killed instance's alerts back
     * for 15 minutes, and would have sent again every one it had sent but not yet marked.
     */
    static final Duration LEASE = Duration.ofSeconds(60);

    private static final Duration SCAN_EVERY = Duration.ofMinutes(1);
    private static final int BATCH = 16;
    private static final int SENDERS = 8;

    private final Database db;
    private final OutboxRepository outbox;
    private final Notifier notifier;
    private final ReminderScan<ReminderRepository.OpenFollowUp> reminders;
    private final SignScan signScan;
    private final ReminderScan<ReminderRepository.ExpiredRisk> riskScan;
    private final Clock clock;
    private final String workerId = UUID.randomUUID().toString().substring(0, 8);
    private final ExecutorService sending;
    private final Object wake = new Object();
    private volatile boolean stopped;
    private Thread thread;

    DeliveryWorker(
            Database db,
            OutboxRepository outbox,
            Notifier notifier,
            HotfixService hotfixes,
            SignAlarm.Source signs,
            Clock clock) {
        this.db = db;
        this.reminders = new ReminderScan<>(db, notifier, hotfixes, clock, new FollowUpsFallingDue());
        this.signScan = new SignScan(db, notifier, signs, clock);
        this.riskScan = new ReminderScan<>(db, notifier, hotfixes, clock, new RisksPastReview());
        this.outbox = outbox;
        this.notifier = notifier;
        this.clock = clock;
        this.sending = Threads.pool("hotfix-delivery-send", SENDERS);
    }

    /** Claims one batch of due messages and tries each; returns how many were tried. */
    public int drainOnce() {
        String claim = workerId + "-" + UUID.randomUUID();
        List<QueuedMessage> batch = db.write(h -> outbox.claim(h, claim, BATCH, now(), LEASE));
        if (batch.isEmpty()) {
            return 0;
        }
        // Each message's outcome is written as soon as it is known, not with the batch's: a worker killed mid-batch
        // leaves in doubt only the messages it was sending at that moment (sent again, with the same
        // Idempotency-Key, when the lease runs out), never the ones it had finished.
        List<Future<?>> running = new ArrayList<>();
        for (QueuedMessage m : batch) {
            running.add(sending.submit(() -> finish(claim, attempt(m))));
        }
        for (int i = 0; i < running.size(); i++) {
            try {
                running.get(i).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                finish(claim, new OutboxRepository.Attempt(batch.get(i), "internal error: " + e.getCause()));
            }
        }
        return batch.size();
    }

    private void finish(String claim, OutboxRepository.Attempt result) {
        db.write(h -> {
            outbox.finish(h, claim, List.of(result), now());
            return null;
        });
    }

    /** Drains until nothing is due now (failed attempts wait for their back-off); returns how many were tried. */
    public int drainAll() {
        int total = 0;
        for (int n = drainOnce(); n > 0; n = drainOnce()) {
            total += n;
        }
        return total;
    }

    private OutboxRepository.Attempt attempt(QueuedMessage m) {
        Channel channel = notifier.channels().stream()
                .filter(c -> c.name().equals(m.channel()))
                .findFirst()
                .orElse(null);
        if (channel == null) {
            return new OutboxRepository.Attempt(
                    m, "channel '" + m.channel() + "' is no longer configured (HOTFIX_CHANNELS)");
        }
        try {
            channel.kind().send(channel, m);
            return new OutboxRepository.Attempt(m, null);
        } catch (DeliveryFailure e) {
            if (m.attempt() >= OutboxRepository.MAX_ATTEMPTS) {
                LOG.warn(
                        "gave up on {} for {} to channel {} after {} attempts: {}",
                        m.kind().json(),
                        m.hotfixId(),
                        m.channel(),
                        m.attempt(),
                        e.getMessage());
            } else {
                LOG.info(
                        "{} for {} to channel {} failed (attempt {}), will retry: {}",
                        m.kind().json(),
                        m.hotfixId(),
                        m.channel(),
                        m.attempt(),
                        e.getMessage());
            }
            return new OutboxRepository.Attempt(m, e.getMessage());
        } catch (RuntimeException e) {
            return new OutboxRepository.Attempt(m, "internal error: " + e);
        }
    }

    /** Queues the reminders due now ({@link FollowUpsFallingDue}); returns how many messages were queued. */
    public int scanReminders() {
        return reminders.run();
    }

    /** Queues the reminders of accepted risks past review: one, then weekly ({@link RisksPastReview}). */
    public int scanRisks() {
        return riskScan.run();
    }

    /** Queues the breached warning signs not yet queued today ({@link SignScan}). */
    public int scanSigns() {
        return signScan.run();
    }

    /** Starts the background thread: reminders every minute, deliveries every {@code intervalMillis}. */
    public synchronized void start(long intervalMillis) {
        if (thread != null || intervalMillis <= 0) {
            return;
        }
        thread = Threads.startDaemon("hotfix-delivery", () -> loop(intervalMillis));
    }

    private void loop(long intervalMillis) {
        Instant lastScan = Instant.EPOCH;
        while (!stopped) {
            int tried = 0;
            try {
                if (Duration.between(lastScan, now()).compareTo(SCAN_EVERY) >= 0) {
                    scanReminders();
                    scanSigns();
                    scanRisks();
                    lastScan = now();
                }
                tried = drainOnce();
            } catch (RuntimeException e) {
                // The database may be down for a while: nothing is lost, the messages wait in it.
                LOG.warn("delivery round failed, trying again in {} ms: {}", intervalMillis, e.toString());
            }
            if (tried == 0) {
                synchronized (wake) {
                    try {
                        wake.wait(intervalMillis);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    /** Asks the background thread to look now (a message was just queued) instead of at its next tick. */
    public void nudge() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    @Override
    public void close() {
        stopped = true;
        nudge();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        sending.shutdownNow();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
