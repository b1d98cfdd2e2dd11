package dev.hotfixlog.notify;

import dev.hotfixlog.hotfix.Severity;
import dev.hotfixlog.store.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The SQL of the outbox. A message is enqueued inside the caller's transaction; a worker claims due messages by
 * stamping them with a claim of its own and a lease, so two workers (two server instances on one PostgreSQL)
 * never hold the same message: on PostgreSQL the claim skips rows another worker has locked, on SQLite the one
 * writer does it. A claim whose worker died is taken over when its lease runs out.
 */
final class OutboxRepository {
    static final int MAX_ATTEMPTS = 10;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);
    private static final String COLUMNS = "id, hotfix_id, kind, channel, status, attempts, created_at, created_by,"
            + " next_attempt_at, delivered_at, last_error, subject";

    private final Dialect dialect;

    OutboxRepository(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Queues {@code m} once for each channel, unless this key was queued for that channel before. A message about
     * no hotfix (a warning sign) has a null {@code hotfixId} and {@code severity}. One batch: on
     * PostgreSQL the rows travel together instead of one round trip per channel inside the caller's transaction.
     */
    void enqueue(
            Handle h,
            String hotfixId,
            Severity severity,
            List<Channel> channels,
            String dedupeKey,
            Message m,
            String actor,
            Instant now) {
        PreparedBatch insert = h.prepareBatch("INSERT INTO outbox_message (hotfix_id, kind, channel, dedupe_key,"
                + " severity, subject, body, status, attempts, next_attempt_at, created_at, created_by) VALUES"
                + " (:hotfix, :kind, :channel, :key, :severity, :subject, :body, 'pending', 0, :now, :now, :actor)"
                + " ON CONFLICT (channel, dedupe_key) DO NOTHING");
        for (Channel channel : channels) {
            insert.bind("hotfix", hotfixId)
                    .bind("kind", m.kind().json())
                    .bind("channel", channel.name())
                    .bind("key", dedupeKey)
                    // "" (the column is NOT NULL): no hotfix, or one whose severity is not stated; read back as null.
                    .bind("severity", severity == null || !severity.isStated() ? "" : severity.json())
                    .bind("subject", m.subject())
                    .bind("body", m.text())
                    .bind("now", now.toEpochMilli())
                    .bind("actor", actor)
                    .add();
        }
        insert.execute();
    }

    /** Takes up to {@code limit} due messages for this claim; each attempt is counted as it is taken. */
    List<QueuedMessage> claim(Handle h, String claim, int limit, Instant now, Duration lease) {
        String due = "SELECT id FROM outbox_message WHERE (status = 'pending' AND next_attempt_at <= :now)"
                + " OR (status = 'sending' AND lease_until < :now) ORDER BY next_attempt_at, id LIMIT :limit"
                + (dialect == Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "");
        int taken = h.createUpdate("UPDATE outbox_message SET status = 'sending', claim = :claim, lease_until = :lease,"
                        + " attempts = attempts + 1 WHERE id IN (" + due + ")")
                .bind("claim", claim)
                .bind("lease", now.plus(lease).toEpochMilli())
                .bind("now", now.toEpochMilli())
                .bind("limit", limit)
                .execute();
        if (taken == 0) {
            return List.of();
        }
        return h.createQuery("SELECT id, hotfix_id, kind, channel, severity, subject, body, attempts FROM"
                        + " outbox_message WHERE claim = :claim AND status = 'sending' ORDER BY id")
                .bind("claim", claim)
                .map((rs, ctx) -> new QueuedMessage(
                        rs.getLong(1),
                        rs.getString(2),
                        MessageKind.parse("kind", rs.getString(3)),
                        rs.getString(4),
                        severity(rs.getString(5)),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getInt(8)))
                .list();
    }

    /** Records how each attempt went; a message whose claim was taken over meanwhile is left to its new owner. */
    void finish(Handle h, String claim, List<Attempt> attempts, Instant now) {
        PreparedBatch delivered = h.prepareBatch("UPDATE outbox_message SET status = 'delivered', delivered_at = :now,"
                + " lease_until = NULL, last_error = NULL WHERE id = :id AND claim = :claim AND status = 'sending'");
        PreparedBatch failed = h.prepareBatch("UPDATE outbox_message SET status = :status, next_attempt_at = :next,"
                + " lease_until = NULL, last_error = :error WHERE id = :id AND claim = :claim AND status = 'sending'");
        for (Attempt a : attempts) {
            if (a.error() == null) {
                delivered
                        .bind("now", now.toEpochMilli())
                        .bind("id", a.message().id())
                        .bind("claim", claim)
                        .add();
            } else {
                boolean last = a.message().attempt() >= MAX_ATTEMPTS;
                failed.bind("status", last ? "failed" : "pending")
                        .bind("next", now.plus(backoff(a.message().attempt())).toEpochMilli())
                        .bind("error", a.error())
                        .bind("id", a.message().id())
                        .bind("claim", claim)
                        .add();
            }
        }
        if (delivered.size() > 0) {
            delivered.execute();
        }
        if (failed.size() > 0) {
            failed.execute();
        }
    }

    /** 30 s after the first failure, doubling, at most an hour: about three hours from the first try to giving up. */
    static Duration backoff(int attempt) {
        Duration d = FIRST_RETRY;
        for (int i = 1; i < attempt && d.compareTo(LONGEST_WAIT) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : d;
    }

    List<Delivery> forHotfix(Handle h, String hotfixId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM outbox_message WHERE hotfix_id = :id ORDER BY id DESC")
                .bind("id", hotfixId)
                .map((rs, ctx) -> delivery(rs))
                .list();
    }

    List<Delivery> byIds(Handle h, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return h.createQuery("SELECT " + COLUMNS + " FROM outbox_message WHERE id IN (<ids>) ORDER BY id")
                .bindList("ids", ids)
                .map((rs, ctx) -> delivery(rs))
                .list();
    }

    List<Long> findIds(Handle h, List<Channel> channels, String dedupeKey) {
        return h.createQuery("SELECT id FROM outbox_message WHERE dedupe_key = :k AND channel IN (<channels>)"
                        + " ORDER BY id")
                .bind("k", dedupeKey)
                .bindList("channels", Channel.names(channels))
                .mapTo(Long.class)
                .list();
    }

    /** How many messages wait to be delivered (pending or being sent); for health and the benchmark. */
    long backlog(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM outbox_message WHERE status IN ('pending', 'sending')")
                .mapTo(Long.class)
                .one();
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        return new Delivery(
                rs.getLong(1),
                rs.getString(2),
                MessageKind.parse("kind", rs.getString(3)),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6),
                instant(rs, 7),
                rs.getString(8),
                instant(rs, 9),
                instant(rs, 10),
                rs.getString(11),
                rs.getString(12));
    }

    /** Empty for a message about no hotfix (a warning sign). */
    private static Severity severity(String s) {
        return s == null || s.isEmpty() ? null : Severity.parse("severity", s);
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    /** One delivery attempt's result: {@code error} is null when the receiver took the message. */
    record Attempt(QueuedMessage message, String error) {}
}
