package dev.hotfixlog.chat.internal;

import dev.hotfixlog.chat.ChatInbound;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** The chat inbox's SQL (V32): requests kept from their acknowledgement until their work is done. */
final class ChatInboxRepository {
    /** One request kept: its body as received, when it came, and how often it was claimed so far. */
    record Entry(
            String hash,
            String integration,
            ChatInbound.Route route,
            String contentType,
            byte[] body,
            Instant received,
            int attempts) {}

    private static final String COLUMNS =
            "body_hash, integration, route, content_type, body, received_at, attempts FROM chat_inbox";

    private static final RowMapper<Entry> ENTRY = (rs, ctx) -> new Entry(
            rs.getString(1),
            rs.getString(2),
            ChatInbound.Route.valueOf(rs.getString(3)),
            rs.getString(4),
            Base64.getDecoder().decode(rs.getString(5)),
            Instant.ofEpochMilli(rs.getLong(6)),
            rs.getInt(7));

    /**
     * Keeps a request that passed the replay guard, in the guard's transaction; {@code leaseUntil} 0 leaves it
     * waiting for a worker. False when a row of the same body is still pending (a replay after the guard forgot).
     */
    boolean add(Handle h, Entry e, long leaseUntil) {
        if (h.createQuery("SELECT COUNT(*) FROM chat_inbox WHERE body_hash = :b AND done_at IS NULL")
                        .bind("b", e.hash())
                        .mapTo(Integer.class)
                        .one()
                > 0) {
            return false;
        }
        h.createUpdate("DELETE FROM chat_inbox WHERE body_hash = :b")
                .bind("b", e.hash())
                .execute();
        h.createUpdate("""
                        INSERT INTO chat_inbox
                            (body_hash, integration, route, content_type, body, received_at, lease_until, attempts)
                        VALUES (:b, :i, :r, :t, :body, :at, :lease, :n)""")
                .bind("b", e.hash())
                .bind("i", e.integration())
                .bind("r", e.route().name())
                .bind("t", e.contentType())
                .bind("body", Base64.getEncoder().encodeToString(e.body()))
                .bind("at", e.received().toEpochMilli())
                .bind("lease", leaseUntil)
                .bind("n", e.attempts())
                .execute();
        return true;
    }

    /**
     * Claims the workspace's oldest request waiting (never claimed, or its lease ran out) for this worker until
     * {@code leaseUntil}; empty when none is, or another instance claimed it first.
     */
    Optional<Entry> claimNext(Handle h, String integration, long now, long leaseUntil, int attempts) {
        Optional<Entry> next = h.createQuery("SELECT " + COLUMNS + """
                         WHERE integration = :i AND done_at IS NULL AND lease_until < :now AND attempts < :max
                        ORDER BY received_at LIMIT 1""")
                .bind("i", integration)
                .bind("now", now)
                .bind("max", attempts)
                .map(ENTRY)
                .findOne();
        if (next.isEmpty()
                || h.createUpdate("""
                                        UPDATE chat_inbox SET lease_until = :until, attempts = attempts + 1
                                        WHERE body_hash = :b AND done_at IS NULL AND lease_until < :now""")
                                .bind("until", leaseUntil)
                                .bind("b", next.get().hash())
                                .bind("now", now)
                                .execute()
                        != 1) {
            return Optional.empty();
        }
        Entry e = next.get();
        return Optional.of(new Entry(
                e.hash(), e.integration(), e.route(), e.contentType(), e.body(), e.received(), e.attempts() + 1));
    }

    /** The request's work is done: nothing of it is kept (the replay guard still knows its body). */
    void done(Handle h, String hash) {
        h.createUpdate("DELETE FROM chat_inbox WHERE body_hash = :b")
                .bind("b", hash)
                .execute();
    }

    /** Runs it again once {@code at} has passed (the chat was slow or away). */
    void later(Handle h, String hash, long at) {
        h.createUpdate("UPDATE chat_inbox SET lease_until = :at WHERE body_hash = :b AND done_at IS NULL")
                .bind("at", at)
                .bind("b", hash)
                .execute();
    }

    /** This process stops: the requests it holds may be claimed at once by the next (or another instance). */
    void release(Handle h, Collection<String> hashes) {
        for (String hash : hashes) {
            later(h, hash, 0);
        }
    }

    /** The requests whose every attempt failed, marked as given up; each is logged by the caller. */
    List<Entry> giveUp(Handle h, int attempts, long now) {
        List<Entry> out = new ArrayList<>(h.createQuery(
                        "SELECT " + COLUMNS + " WHERE done_at IS NULL AND attempts >= :max AND lease_until < :now")
                .bind("max", attempts)
                .bind("now", now)
                .map(ENTRY)
                .list());
        for (Entry e : out) {
            h.createUpdate("UPDATE chat_inbox SET done_at = :now, body = '' WHERE body_hash = :b")
                    .bind("now", now)
                    .bind("b", e.hash())
                    .execute();
        }
        return out;
    }

    /**
     * Forgets the rows that came before {@code before} and are done with: given up, or of a workspace no longer
     * configured. A request of a configured workspace waits however long the log was stopped.
     */
    int forget(Handle h, long before, Set<String> configured) {
        int n = h.createUpdate("DELETE FROM chat_inbox WHERE received_at < :before AND done_at IS NOT NULL")
                .bind("before", before)
                .execute();
        List<String> old = h.createQuery(
                        "SELECT DISTINCT integration FROM chat_inbox WHERE received_at < :before AND done_at IS NULL")
                .bind("before", before)
                .mapTo(String.class)
                .list();
        for (String integration : old) {
            if (!configured.contains(integration)) {
                n += h.createUpdate("DELETE FROM chat_inbox WHERE received_at < :before AND integration = :i")
                        .bind("before", before)
                        .bind("i", integration)
                        .execute();
            }
        }
        return n;
    }
}
