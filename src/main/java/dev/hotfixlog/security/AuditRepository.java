package dev.hotfixlog.security;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** The audit log's SQL: append-only rows (V3's triggers refuse changes), newest read first. */
final class AuditRepository {
    void insert(
            Handle h, long at, String actor, String action, String subject, String source, int outcome, String detail) {
        h.createUpdate("""
                        INSERT INTO audit_event (id, at, actor, action, subject, source, outcome, detail)
                        VALUES (:id, :at, :actor, :action, :subject, :source, :outcome, :detail)""")
                .bind("id", UUID.randomUUID().toString())
                .bind("at", at)
                .bind("actor", actor)
                .bind("action", action)
                .bind("subject", subject)
                .bind("source", source)
                .bind("outcome", outcome)
                .bind("detail", detail)
                .execute();
    }

    List<AuditEvent> recent(Handle h, int n) {
        return h.createQuery("""
                        SELECT id, at, actor, action, subject, source, outcome, detail
                        FROM audit_event ORDER BY at DESC, id DESC LIMIT :n""")
                .bind("n", n)
                .map((rs, ctx) -> new AuditEvent(
                        rs.getString(1),
                        Instant.ofEpochMilli(rs.getLong(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getInt(7),
                        rs.getString(8)))
                .list();
    }

    /** Events of this actor, action and source with this outcome since then. */
    int outcomes(Handle h, String actor, String action, String source, int outcome, long since) {
        return h.createQuery("""
                        SELECT COUNT(*) FROM audit_event
                        WHERE actor = :a AND action = :act AND source = :s AND outcome = :o AND at >= :since""")
                .bind("a", actor)
                .bind("act", action)
                .bind("s", source)
                .bind("o", outcome)
                .bind("since", since)
                .mapTo(Integer.class)
                .one();
    }

    /** Failed sign-ins since then: {of this account, from this address}. */
    int[] failedSignIns(Handle h, String username, String address, long since) {
        return h.createQuery("""
                        SELECT
                          COALESCE(SUM(CASE WHEN actor = :u THEN 1 ELSE 0 END), 0),
                          COALESCE(SUM(CASE WHEN source = :ip THEN 1 ELSE 0 END), 0)
                        FROM audit_event
                        WHERE action = 'POST /sign-in' AND outcome = 401 AND at >= :since""")
                .bind("u", username)
                .bind("ip", address)
                .bind("since", since)
                .map((rs, c) -> new int[] {rs.getInt(1), rs.getInt(2)})
                .one();
    }
}
