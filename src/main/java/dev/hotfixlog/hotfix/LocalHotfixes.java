package dev.hotfixlog.hotfix;

import dev.hotfixlog.hotfix.internal.LocalHotfixService;
import dev.hotfixlog.security.SecretRedactor;
import dev.hotfixlog.store.Database;
import java.time.Clock;

/**
 * The record feature on this process's own database: its service, and the door whole-log imports go through with
 * the service's masking and listeners. {@code App} opens it; the features that move logs in are handed it.
 */
public interface LocalHotfixes extends HotfixService {
    /** The import's door into the log: the same masking and the same listeners as this service's writes. */
    RecordImport recordImport();

    /** {@code custom}: the team's own fields; their definitions must have been reconciled with the log. */
    static LocalHotfixes on(
            Database db,
            Clock clock,
            SecretRedactor redactor,
            FollowUpDue due,
            RecordListeners listeners,
            CustomFields custom) {
        return new LocalHotfixService(db, clock, redactor, due, listeners, custom);
    }
}
