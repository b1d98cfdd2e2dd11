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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox and notices follow-ups falling due. {@link #drainOnce()} claims a batch of due messages,
 * sends them in parallel and records each result in one transaction; {@link #scanReminders()} queues a reminder
 * when a follow-up is due within a day, then one per day while it is overdue. Tests call both directly under a
 * controlled clock; {@code serve} runs them on a background thread.
 */
public final class DeliveryWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    static final Duration DUE_SOON = Duration.ofHours(24);
    /**
     * Longer than the worst batch: {@value #BATCH} messages, {@value #SENDERS} at a time, each given up after its
     * 10 s timeout, is under 6 minutes. Only a worker that died leaves a claim to expire.
     */
    private static final Duration LEASE = Duration.ofMinutes(15);
    private static final Duration SCAN_EVERY = Duration.ofMinutes(1);
    private static final int BATCH = 256;
    private static final int SENDERS = 8;
    private static final int KEY_CHUNK = 500;

    private final Database db;
    private final Outbox outbox;
    private final Notifier notifier;
    private final HotfixService hotfixes;
    private final Map<ChannelType, Sender> senders;
    private final SignAlarm.Source signs;
    private final Clock clock;
    private final String workerId = UUID.randomUUID().toString().substring(0, 8);
    private final ExecutorService sending;
    private final Object wake = new Object();
    private volatile boolean stopped;
    private Thread thread;

    DeliveryWorker(Database db, Outbox outbox, Notifier notifier, HotfixService hotfixes,
                   Map<ChannelType, Sender> senders, SignAlarm.Source signs, Clock clock) {
        this.signs = signs;
        this.db = db;
        this.outbox = outbox;
        this.notifier = notifier;
        this.hotfixes = hotfixes;
        this.senders = Map.copyOf(senders);
        this.clock = clock;
        this.sending = Executors.newFixedThreadPool(SENDERS, r -> {
            Thread t = new Thread(r, "hotfix-delivery-send");
            t.setDaemon(true);
            return t;
        });
    }

    /** Claims one batch of due messages and tries each; returns how many were tried. */
    public int drainOnce() {
        String claim = workerId + "-" + UUID.randomUUID();
        List<QueuedMessage> batch = db.write(h -> outbox.claim(h, claim, BATCH, now(), LEASE));
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<Outbox.Attempt>> running = new ArrayList<>();
        for (QueuedMessage m : batch) {
            running.add(sending.submit(() -> attempt(m)));
        }
        List<Outbox.Attempt> results = new ArrayList<>();
        for (int i = 0; i < running.size(); i++) {
            try {
                results.add(running.get(i).get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                results.add(new Outbox.Attempt(batch.get(i), "internal error: " + e.getCause()));
            }
        }
        db.write(h -> {
            outbox.finish(h, claim, results, now());
            return null;
        });
        return batch.size();
    }

    /** Drains until nothing is due now (failed attempts wait for their back-off); returns how many were tried. */
    public int drainAll() {
        int total = 0;
        for (int n = drainOnce(); n > 0; n = drainOnce()) {
            total += n;
        }
        return total;
    }

    private Outbox.Attempt attempt(QueuedMessage m) {
        Channel channel = notifier.channels().stream().filter(c -> c.name().equals(m.channel())).findFirst()
                .orElse(null);
        if (channel == null) {
            return new Outbox.Attempt(m, "channel '" + m.channel() + "' is no longer configured (HOTFIX_CHANNELS)");
        }
        try {
            senders.get(channel.type()).send(channel, m);
            return new Outbox.Attempt(m, null);
        } catch (Sender.DeliveryFailure e) {
            if (m.attempt() >= Outbox.MAX_ATTEMPTS) {
                LOG.warn("gave up on {} for {} to channel {} after {} attempts: {}", m.kind().json(), m.hotfixId(),
                        m.channel(), m.attempt(), e.getMessage());
            } else {
                LOG.info("{} for {} to channel {} failed (attempt {}), will retry: {}", m.kind().json(),
                        m.hotfixId(), m.channel(), m.attempt(), e.getMessage());
            }
            return new Outbox.Attempt(m, e.getMessage());
        } catch (RuntimeException e) {
            return new Outbox.Attempt(m, "internal error: " + e);
        }
    }

    /**
     * Queues the reminders that are due now: "due soon" once, within a day of the due time, then "overdue" once
     * per day. Keys carry the due time, so moving a follow-up's due date arms its reminders again; a server that
     * was down for a week sends today's reminder, not seven.
     */
    public int scanReminders() {
        Instant now = now();
        List<Candidate> candidates = db.read(h -> h.createQuery("SELECT f.hotfix_id, f.kind, f.due_at, h.severity"
                        + " FROM record_follow_ups f JOIN record_facts h ON h.id = f.hotfix_id WHERE f.done = false"
                        + " AND f.due_at IS NOT NULL AND f.due_at <= :soon")
                .bind("soon", now.plus(DUE_SOON).toEpochMilli())
                .map((rs, ctx) -> new Candidate(rs.getString(1), FollowUpKind.fromJson(rs.getString(2)).orElse(null),
                        rs.getLong(3), Severity.parse("severity", rs.getString(4)), now))
                .list());
        candidates.removeIf(c -> c.kind == null || notifier.channels().stream()
                .noneMatch(ch -> ch.takes(MessageKind.REMINDER, c.severity)));
        Set<String> queued = alreadyQueued(candidates);
        // The records are read first; then every reminder of this scan is queued in one write, not one each.
        List<Due> due = new ArrayList<>();
        for (Candidate c : candidates) {
            if (queued.contains(c.key())) {
                continue;
            }
            try {
                Hotfix h = hotfixes.get(HotfixId.parse(c.hotfixId));
                due.add(new Due(c, h, MessageValues.reminder(h, c.kind, c.overdue(), notifier.publicUrl())));
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
                // Ticked or moved since the scan's read: that reminder is no longer due.
                boolean stillOpen = tx.createQuery("SELECT COUNT(*) FROM record_follow_ups WHERE hotfix_id = :id AND kind = :k"
                                + " AND done = false AND due_at = :due")
                        .bind("id", d.candidate().hotfixId).bind("k", d.candidate().kind.json())
                        .bind("due", d.candidate().dueMillis).mapTo(Integer.class).one() == 1;
                if (stillOpen) {
                    count += notifier.queue(tx, d.hotfix(), MessageKind.REMINDER, d.candidate().key(), d.values(),
                            Notifier.SYSTEM).size();
                }
            }
            return count;
        });
    }

    /** A reminder to queue: the follow-up, its record, and the template's values. */
    private record Due(Candidate candidate, Hotfix hotfix, Map<String, String> values) {
    }

    /**
     * Queues each breached warning sign, once per sign, threshold and UTC day while it stays breached; returns how
     * many channels it was queued for (0 when every sign was already queued today).
     */
    public int scanSigns() {
        List<SignAlarm> breached = signs.breached();
        if (breached.isEmpty()) {
            return 0;
        }
        long day = now().toEpochMilli() / Duration.ofDays(1).toMillis();
        return db.write(h -> {
            int queued = 0;
            for (SignAlarm s : breached) {
                String key = "sign:" + s.name() + ":" + s.direction() + s.threshold() + ":day-" + day;
                boolean known = h.createQuery("SELECT COUNT(*) FROM outbox_message WHERE kind = 'sign'"
                        + " AND dedupe_key = :key").bind("key", key).mapTo(Integer.class).one() > 0;
                if (!known) {
                    queued += notifier.queueSign(h, s, key);
                }
            }
            return queued;
        });
    }

    private Set<String> alreadyQueued(List<Candidate> candidates) {
        Set<String> found = new HashSet<>();
        for (int i = 0; i < candidates.size(); i += KEY_CHUNK) {
            List<String> keys = candidates.subList(i, Math.min(candidates.size(), i + KEY_CHUNK)).stream()
                    .map(Candidate::key).toList();
            found.addAll(db.read(h -> h.createQuery("SELECT DISTINCT dedupe_key FROM outbox_message"
                    + " WHERE kind = 'reminder' AND dedupe_key IN (<keys>)").bindList("keys", keys)
                    .mapTo(String.class).list()));
        }
        return found;
    }

    /** Starts the background thread: reminders every minute, deliveries every {@code intervalMillis}. */
    public synchronized void start(long intervalMillis) {
        if (thread != null || intervalMillis <= 0) {
            return;
        }
        thread = new Thread(() -> loop(intervalMillis), "hotfix-delivery");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop(long intervalMillis) {
        Instant lastScan = Instant.EPOCH;
        while (!stopped) {
            int tried = 0;
            try {
                if (Duration.between(lastScan, now()).compareTo(SCAN_EVERY) >= 0) {
                    scanReminders();
                    scanSigns();
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

    /** An open follow-up within a day of its due time, or past it. */
    private static final class Candidate {
        final String hotfixId;
        final FollowUpKind kind;
        final long dueMillis;
        final Severity severity;
        final Instant now;

        Candidate(String hotfixId, FollowUpKind kind, long dueMillis, Severity severity, Instant now) {
            this.hotfixId = hotfixId;
            this.kind = kind;
            this.dueMillis = dueMillis;
            this.severity = severity;
            this.now = now;
        }

        boolean overdue() {
            return now.toEpochMilli() >= dueMillis;
        }

        String key() {
            String base = "reminder:" + hotfixId + ":" + kind.json() + ":" + dueMillis;
            if (!overdue()) {
                return base + ":soon";
            }
            return base + ":overdue-day-" + (now.toEpochMilli() - dueMillis) / Duration.ofDays(1).toMillis();
        }
    }

    static Map<ChannelType, Sender> senders(dev.hotfixlog.Config.FollowThrough config) {
        Map<ChannelType, Sender> m = new HashMap<>();
        WebhookSender web = new WebhookSender();
        for (ChannelType t : ChannelType.values()) {
            m.put(t, t == ChannelType.EMAIL ? new EmailSender(config) : web);
        }
        return m;
    }
}
