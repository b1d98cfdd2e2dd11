package dev.hotfixlog.security;

import dev.hotfixlog.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The append-only audit log. This class only inserts and reads; the database refuses updates and deletes
 * (triggers in migration V3), so not even a bug here could bend it.
 */
public final class AuditLog {
    private static final int TEXT_MAX_CHARS = 2_000;
    private final Database db;
    private final Clock clock;
    /** A password typed into the user name box, a token in a path: the audit log is stored text like any other. */
    private final SecretRedactor redactor;

    private final AuditRepository repo = new AuditRepository();

    public AuditLog(Database db, Clock clock, SecretRedactor redactor) {
        this.redactor = redactor;
        this.db = db;
        this.clock = clock;
    }

    public void record(String actor, String action, String subject, String source, int outcome, String detail) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        db.write(h -> {
            repo.insert(
                    h,
                    now.toEpochMilli(),
                    clip(actor),
                    clip(action, 80),
                    clip(subject),
                    clip(source),
                    outcome,
                    clip(detail));
            return null;
        });
    }

    /**
     * How many events of this actor, action and source ended with {@code outcome} since then: what a limit on
     * failures counts (a shared count, so it holds across instances). The names are clipped and masked as
     * {@link #record} stores them.
     */
    public int outcomes(String actor, String action, String source, int outcome, Instant since) {
        return db.read(
                h -> repo.outcomes(h, clip(actor), clip(action, 80), clip(source), outcome, since.toEpochMilli()));
    }

    /** Newest first; {@code limit} at most 1000. */
    public List<AuditEvent> recent(int limit) {
        int n = Math.max(1, Math.min(limit, 1000));
        return db.read(h -> repo.recent(h, n));
    }

    private String clip(String s) {
        return clip(s, TEXT_MAX_CHARS);
    }

    private String clip(String s, int max) {
        if (s == null) {
            return null;
        }
        String clean = redactor.redact(s.replace('\u0000', '\uFFFD')).text();
        return clean.length() <= max ? clean : clean.substring(0, max);
    }
}
